using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using OneTimeBot.SecretServer.Crypto;
using OneTimeBot.SecretServer.Storage;
using OneTimeSecret.Client;

namespace OneTimeBot.SecretServer.Tests;

/// <summary>Secrets stored before keys were hashed keep working, every way, until they expire.</summary>
public abstract partial class SecretServerContract
{
    [Fact]
    public async Task A_secret_stored_before_keys_were_hashed_shows_its_receipt_and_link_is_listed_and_reveals_once()
    {
        var serverKey = RandomNumberGenerator.GetBytes(32);
        var old = LegacySecret.New("stored the old way", "alice@example.com", DateTimeOffset.UtcNow.AddMinutes(-1), TimeSpan.FromHours(1));
        await using var host = await StartWithLegacyRecordsAsync(serverKey, [old]);

        var before = (await host.Client.GetReceiptAsync(host.Alice, old.MetadataKey)).Value!;
        var recent = (await host.Client.GetRecentAsync(host.Alice)).Value!;
        var page = await host.Http.GetStringAsync(new Uri(host.BaseUri, "receipt/" + old.MetadataKey));
        var form = await host.Http.GetAsync(new Uri(host.BaseUri, "secret/" + old.SecretKey));
        var revealed = await host.Client.RevealAsync(host.Anonymous, old.SecretKey);
        var again = await host.Client.RevealAsync(host.Anonymous, old.SecretKey);
        var after = (await host.Client.GetReceiptAsync(host.Alice, old.MetadataKey)).Value!;

        Assert.Equal(SecretState.New, before.State);
        Assert.Equal(old.SecretKey, before.SecretKey);
        Assert.Equal([old.MetadataKey], recent.Select(r => r.MetadataKey));
        Assert.Contains(new Uri(host.BaseUri, "secret/" + old.SecretKey).ToString(), page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Equal("stored the old way", revealed.Value!.Value.Reveal());
        Assert.Equal(OtsFailureKind.SecretNotFound, again.Error!.Kind);
        Assert.Equal(SecretState.Received, after.State);
    }

    [Fact]
    public async Task A_passphrase_secret_stored_before_keys_were_hashed_burns_only_with_its_passphrase()
    {
        var serverKey = RandomNumberGenerator.GetBytes(32);
        var old = LegacySecret.New("guarded the old way", "alice@example.com", DateTimeOffset.UtcNow.AddMinutes(-1), TimeSpan.FromHours(1), passphrase: "old-passphrase");
        var other = LegacySecret.New("revealed the old way", "alice@example.com", DateTimeOffset.UtcNow.AddMinutes(-1), TimeSpan.FromHours(1), passphrase: "other-passphrase");
        await using var host = await StartWithLegacyRecordsAsync(serverKey, [old, other]);

        var wrongReveal = await host.Client.RevealAsync(host.Anonymous, other.SecretKey, new SecretText("not-it"));
        var rightReveal = await host.Client.RevealAsync(host.Anonymous, other.SecretKey, new SecretText("other-passphrase"));
        var wrongBurn = await host.Client.BurnAsync(host.Alice, old.MetadataKey, new SecretText("not-it"));
        var rightBurn = await host.Client.BurnAsync(host.Alice, old.MetadataKey, new SecretText("old-passphrase"));
        var revealAfterBurn = await host.Client.RevealAsync(host.Anonymous, old.SecretKey, new SecretText("old-passphrase"));

        Assert.Equal(OtsFailureKind.SecretNotFound, wrongReveal.Error!.Kind);
        Assert.Equal("revealed the old way", rightReveal.Value!.Value.Reveal());
        Assert.Equal(OtsFailureKind.WrongPassphrase, wrongBurn.Error!.Kind);
        Assert.Equal(SecretState.Burned, rightBurn.Value!.State);
        Assert.Equal(OtsFailureKind.SecretNotFound, revealAfterBurn.Error!.Kind);
        Assert.Equal(SecretState.Burned, (await host.Client.GetReceiptAsync(host.Alice, old.MetadataKey)).Value!.State);
    }

    [Fact]
    public async Task A_secret_stored_before_keys_were_hashed_expires_is_deleted_and_its_receipt_says_so()
    {
        var serverKey = RandomNumberGenerator.GetBytes(32);
        var old = LegacySecret.New("expires the old way", "alice@example.com", DateTimeOffset.UtcNow.AddMinutes(-1), TimeSpan.FromMinutes(10));
        await using var host = await StartWithLegacyRecordsAsync(serverKey, [old]);
        var store = host.Services.GetRequiredService<ISecretStore>();
        var lookup = host.Services.GetRequiredService<LookupIds>().Secret(old.SecretKey);
        var storedBefore = await store.FindSecretAsync(lookup, default);

        host.Clock.Advance(TimeSpan.FromMinutes(15));
        await store.PurgeExpiredAsync(host.Clock.GetUtcNow(), default);
        var receipt = (await host.Client.GetReceiptAsync(host.Alice, old.MetadataKey)).Value!;
        var reveal = await host.Client.RevealAsync(host.Anonymous, old.SecretKey);

        Assert.NotNull(storedBefore);
        Assert.Equal(SecretState.Expired, receipt.State);
        Assert.Null(receipt.SecretKey);
        Assert.Equal(OtsFailureKind.SecretNotFound, reveal.Error!.Kind);
        Assert.Null(await store.FindSecretAsync(lookup, default));
    }

    [Fact]
    public async Task Passphrase_attempts_counted_before_the_upgrade_still_count_after_it()
    {
        var serverKey = RandomNumberGenerator.GetBytes(32);
        var now = DateTimeOffset.UtcNow;
        var minute = now.ToUnixTimeSeconds() / 60;
        // This address used its whole minute's budget (30 attempts) just before the upgrade. The host's clock starts a
        // moment after this one, so both minutes it may fall in are spent.
        var spent = new[] { minute, minute + 1 }.Select(m => new LegacyCounter($"passphrase-per-client:127.0.0.1:{m}", 30, now.AddMinutes(3))).ToArray();
        await using var host = await StartWithLegacyRecordsAsync(serverKey, [], spent);
        var shared = await host.ShareAsync(host.Alice, new ShareRequest(new SecretText("guarded-across-the-upgrade-5e1c"), Passphrase: new SecretText("right-passphrase-5e1c")));

        var reveal = await host.Client.RevealAsync(host.Anonymous, shared.SecretKey!, new SecretText("right-passphrase-5e1c"));

        Assert.Equal(OtsFailureKind.RateLimited, reveal.Error!.Kind);
    }
}
