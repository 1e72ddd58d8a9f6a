using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OneTimeBot.Core.Security;
using OneTimeBot.Core.Storage;
using OneTimeBot.Testing;

namespace OneTimeBot.Core.Tests.Storage;

/// <summary>
/// The Data Protection key ring protects tokens that live as long as an installation. Rotating the deployment's key
/// (A to B, A kept as previous) must leave them readable once A is removed: the ring is sealed again under B at start.
/// </summary>
public sealed class KeyRingRotationTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_token_protected_under_the_old_key_still_opens_after_a_rotation_once_the_old_key_is_removed(bool redis)
    {
        await using var server = redis ? await RedisServer.StartAsync() : null;
        var folder = Directory.CreateTempSubdirectory("onetimebot-keyring-").FullName;
        var prefix = $"keyring-{Guid.NewGuid():N}:";
        var keyA = RandomNumberGenerator.GetBytes(32);
        var keyB = RandomNumberGenerator.GetBytes(32);
        var token = $"Pz3-installation-token-{Guid.NewGuid():N}";
        TestRunLedger.Secret(token);
        try
        {
            string protectedToken;
            await using (var underA = StateHarness.Start(server?.ConnectionString, dataDirectory: folder, keyPrefix: prefix, keyRingKey: keyA))
            {
                protectedToken = Protector(underA).Protect(token);
            }

            await using (var rotating = StateHarness.Start(server?.ConnectionString, dataDirectory: folder, keyPrefix: prefix, keyRingKey: keyB,
                services: s => s.AddSingleton<IKeyRingKey>(new Ring(keyB, [keyA]))))
            {
                foreach (var resealer in rotating.Services.GetServices<IHostedService>().OfType<KeyRingResealer>())
                {
                    await resealer.StartAsync(CancellationToken.None);
                }

                Assert.Equal(token, Protector(rotating).Unprotect(protectedToken));
                Assert.Contains("sealed 1 Data Protection key(s) of the ring again", rotating.Logs.AllText, StringComparison.Ordinal);
            }

            await using var afterRotation = StateHarness.Start(server?.ConnectionString, dataDirectory: folder, keyPrefix: prefix, keyRingKey: keyB);
            Assert.Equal(token, Protector(afterRotation).Unprotect(protectedToken));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static IDataProtector Protector(StateHarness harness) =>
        harness.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("OneTimeBot.Tests.KeyRingRotation");

    private sealed record Ring(byte[] Key, IReadOnlyList<byte[]> PreviousKeys) : IKeyRingKey;
}
