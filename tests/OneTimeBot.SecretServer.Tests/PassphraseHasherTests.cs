using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneTimeBot.SecretServer.Configuration;
using OneTimeBot.SecretServer.Service;
using OneTimeSecret.Client;

namespace OneTimeBot.SecretServer.Tests;

public sealed class PassphraseHasherTests
{
    [Fact]
    public async Task No_more_passphrases_are_checked_at_once_than_allowed_and_one_that_cannot_start_soon_is_deferred_not_run()
    {
        // Work factor 16 takes seconds per check on any current machine, far past the second a waiting check is given.
        await using var services = new ServiceCollection().AddMetrics().AddSingleton<SecretServerMetrics>().BuildServiceProvider();
        using var hasher = new PassphraseHasher(Options.Create(new SecretServerOptions { PassphraseWorkFactor = 4, ConcurrentPassphraseChecks = 1 }),
            services.GetRequiredService<SecretServerMetrics>());
        var hash = BCrypt.Net.BCrypt.EnhancedHashPassword("right passphrase 9d", BCrypt.Net.HashType.SHA384, 4);

        var running = Task.Run(() => hasher.VerifyAsync(new SecretText("a wrong guess 9d"), hash.Replace("$04$", "$16$", StringComparison.Ordinal), default));
        // Until the slow check holds the only slot, a quick hash gets through; once it is deferred, the slot is taken.
        while (await hasher.HashAsync(new SecretText("a probe 9d"), default) is not null)
        {
        }

        var waiting = hasher.VerifyAsync(new SecretText("another wrong guess 9d"), hash, default);
        var hashing = hasher.HashAsync(new SecretText("a new passphrase 9d"), default);

        Assert.Null(await waiting);
        Assert.Null(await hashing);
        Assert.False(await running);
        Assert.True(await hasher.VerifyAsync(new SecretText("right passphrase 9d"), hash, default));
    }
}
