using System.Security.Cryptography;
using OneTimeBot.Core.Security;
using OneTimeBot.Core.Tracking;

namespace OneTimeBot.Core.Tests.Tracking;

/// <summary>A metadata key sealed on any thread opens, on its own row, with its own deployment's key only.</summary>
public sealed class MetadataKeySealTests
{
    [Fact]
    public void Two_deployments_sealing_on_one_thread_each_seal_under_their_own_key()
    {
        var mine = new MetadataKeySeal(new Deployment(RandomNumberGenerator.GetBytes(32)));
        var theirs = new MetadataKeySeal(new Deployment(RandomNumberGenerator.GetBytes(32)));

        var first = mine.Seal("t00000000000000000000000001", "Mk1-first-metadata-key");
        var other = theirs.Seal("t00000000000000000000000002", "Mk2-other-metadata-key");
        var again = mine.Seal("t00000000000000000000000003", "Mk3-again-metadata-key");

        Assert.Equal("Mk1-first-metadata-key", mine.Open("t00000000000000000000000001", first));
        Assert.Equal("Mk2-other-metadata-key", theirs.Open("t00000000000000000000000002", other));
        Assert.Equal("Mk3-again-metadata-key", mine.Open("t00000000000000000000000003", again));
        Assert.ThrowsAny<CryptographicException>(() => theirs.Open("t00000000000000000000000001", first));
        Assert.ThrowsAny<CryptographicException>(() => mine.Open("t00000000000000000000000002", other));
    }

    [Fact]
    public void Keys_sealed_at_once_on_many_threads_each_open_to_their_own_and_no_two_seals_are_alike()
    {
        var seal = new MetadataKeySeal(new Deployment(RandomNumberGenerator.GetBytes(32)));
        var sealedKeys = new string[2_000];

        Parallel.For(0, sealedKeys.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            sealedKeys[i] = seal.Seal($"t{i:D25}", "same-metadata-key-" + (i % 10)));

        Assert.All(Enumerable.Range(0, sealedKeys.Length), i => Assert.Equal("same-metadata-key-" + (i % 10), seal.Open($"t{i:D25}", sealedKeys[i])));
        Assert.Equal(sealedKeys.Length, sealedKeys.Distinct(StringComparer.Ordinal).Count());
        Assert.All(sealedKeys, s => Assert.StartsWith("v1.", s, StringComparison.Ordinal));
    }

    private sealed record Deployment(byte[] Key) : IKeyRingKey;
}
