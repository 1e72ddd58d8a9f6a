using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OneTimeBot.SecretServer.Configuration;
using OneTimeBot.SecretServer.Service;
using OneTimeSecret.Client;

namespace OneTimeBot.SecretServer.Tests;

public sealed class PassphraseHasherTests
{
    [Fact]
    public async Task No_more_passphrases_are_checked_at_once_than_allowed_and_one_that_cannot_start_within_a_second_is_deferred_not_run()
    {
        // Work factor 16 takes seconds per check on any current machine: the slot stays taken while the clock is moved.
        var clock = new FakeTimeProvider();
        await using var services = new ServiceCollection().AddMetrics().AddSingleton<SecretServerMetrics>().BuildServiceProvider();
        using var hasher = new PassphraseHasher(Options.Create(new SecretServerOptions { PassphraseWorkFactor = 4, ConcurrentPassphraseChecks = 1 }),
            services.GetRequiredService<SecretServerMetrics>(), clock);
        var hash = BCrypt.Net.BCrypt.EnhancedHashPassword("right passphrase 9d", BCrypt.Net.HashType.SHA384, 4);

        var running = Task.Run(() => hasher.VerifyAsync(new SecretText("a wrong guess 9d"), hash.Replace("$04$", "$16$", StringComparison.Ordinal), default));
        // Until the slow check holds the only slot, a quick hash finishes at once; once it holds it, a hash has to wait.
        Task<string?> probe;
        while ((probe = hasher.HashAsync(new SecretText("a probe 9d"), default)).IsCompleted)
        {
            Assert.NotNull(await probe);
        }

        var waiting = hasher.VerifyAsync(new SecretText("another wrong guess 9d"), hash, default);
        var hashing = hasher.HashAsync(new SecretText("a new passphrase 9d"), default);
        clock.Advance(TimeSpan.FromMilliseconds(999));
        // A check that gave up finishes on the thread pool, not inside Advance: give it time to show.
        await Task.WhenAny(waiting, hashing, probe, Task.Delay(TimeSpan.FromMilliseconds(200)));
        Assert.False(waiting.IsCompleted || hashing.IsCompleted || probe.IsCompleted, "a check gave up before a second had passed");

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(await probe);
        Assert.Null(await waiting);
        Assert.Null(await hashing);
        Assert.False(await running);
        Assert.True(await hasher.VerifyAsync(new SecretText("right passphrase 9d"), hash, default));
    }

    [Fact]
    public async Task A_caller_that_gives_up_while_waiting_for_a_slot_is_told_so_rather_than_deferred()
    {
        var clock = new FakeTimeProvider();
        await using var services = new ServiceCollection().AddMetrics().AddSingleton<SecretServerMetrics>().BuildServiceProvider();
        using var hasher = new PassphraseHasher(Options.Create(new SecretServerOptions { PassphraseWorkFactor = 4, ConcurrentPassphraseChecks = 1 }),
            services.GetRequiredService<SecretServerMetrics>(), clock);
        var hash = BCrypt.Net.BCrypt.EnhancedHashPassword("right passphrase 9e", BCrypt.Net.HashType.SHA384, 4);
        var running = Task.Run(() => hasher.VerifyAsync(new SecretText("a wrong guess 9e"), hash.Replace("$04$", "$16$", StringComparison.Ordinal), default));
        using var gaveUp = new CancellationTokenSource();
        Task<bool?> waiting;
        while ((waiting = hasher.VerifyAsync(new SecretText("a probe 9e"), hash, gaveUp.Token)).IsCompleted)
        {
            Assert.False(await waiting);
        }

        await gaveUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.False(await running);
    }
}
