using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Slack.BlockKit;

namespace OneTimeBot.Slack.Tests;

/// <summary>
/// Every way a card (and a few other replies) can come out, each as the exact bytes the host sends. The files under
/// Golden/ were written by the renderer of cd6ed96, so a cheaper renderer must reproduce Slack's input byte for byte.
/// </summary>
internal static class GoldenReplies
{
    /// <summary>When <see cref="Live"/> expires.</summary>
    public static readonly DateTimeOffset Expires = DateTimeOffset.FromUnixTimeSeconds(1_795_000_000);

    /// <summary>A live card with everything a card can show: a passphrase, an obscured recipient, a region.</summary>
    public static readonly SecretCard Live = new(
        ReceiptId: "k2v9x0c7b4n1m8z5a3s6d9f2g1",
        Status: SecretStatus.New,
        Link: new Uri("https://eu.onetimesecret.com/secret/7n3k9d2x5q8w1m4c6v0b7z2l5j8h1g4f6d3s9a0p2o5i7u1y4t8r6e3w9q0k5m"),
        ExpiresAt: Expires,
        Ttl: TimeSpan.FromDays(7),
        PassphraseRequired: true,
        Recipient: "jo*****n@e*****.com",
        BackendHost: "eu.onetimesecret.com",
        Generated: false);

    private static readonly SecretCard Plain = Live with { PassphraseRequired = false, Recipient = null, Ttl = TimeSpan.FromMinutes(90) };

    /// <summary>The languages the catalogs have.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["en", "sv"];

    /// <summary>Each variant's file name (without language) and how the host would write it.</summary>
    public static IReadOnlyList<(string Name, Func<byte[]> Write)> All { get; } =
    [
        ("card-live-passphrase-recipient", () => CardBlocks.Render(Live).ToUtf8Json()),
        ("card-live-no-passphrase", () => CardBlocks.Render(Plain).ToUtf8Json()),
        ("card-live-generated", () => CardBlocks.Render(Plain with { Generated = true }).ToUtf8Json()),
        ("card-live-replace-original", () => CardBlocks.Render(Live, replaceOriginal: true).ToUtf8Json()),
        ("card-live-in-channel", () => CardBlocks.Render(Live).ToUtf8Json("D0123456789")),
        ("card-live-replace-original-in-channel", () => CardBlocks.Render(Plain, replaceOriginal: true).ToUtf8Json("D0123456789")),
        ("card-live-sent", () => CardBlocks.Render(Live with { SentTo = new Person("U024BE7LH", "Ada") }).ToUtf8Json()),
        ("card-live-sent-by-name", () => CardBlocks.Render(Plain with { SentTo = new Person("not-a-slack-id", "Bo & <Co>") }).ToUtf8Json()),
        ("card-live-not-sent", () => CardBlocks.Render(Live with { NotSent = (new Person("U024BE7LH"), "Slack said cannot_dm: <no> & never") }).ToUtf8Json()),
        ("card-live-not-sent-nameless", () => CardBlocks.Render(Plain with { NotSent = (new Person("someone"), "gone") }).ToUtf8Json()),
        ("card-live-escaping", () => CardBlocks.Render(Live with
        {
            Link = new Uri("https://a.example/secret/x?y=1&z=<2>"),
            Recipient = "<jo*>&*n@e**.com",
            BackendHost = "a&b<c>d.example",
        }).ToUtf8Json()),
        ("card-viewed-at", () => CardBlocks.Render(Live with { Status = SecretStatus.Viewed, Link = null, StatusChangedAt = Expires.AddDays(-1) }, replaceOriginal: true).ToUtf8Json()),
        ("card-burned-at", () => CardBlocks.Render(Plain with { Status = SecretStatus.Burned, Link = null, StatusChangedAt = Expires.AddHours(-3) }, replaceOriginal: true).ToUtf8Json()),
        ("card-burned", () => CardBlocks.Render(Plain with { Status = SecretStatus.Burned, Link = null }).ToUtf8Json()),
        ("card-expired", () => CardBlocks.Render(Live with { Status = SecretStatus.Expired, Link = null }).ToUtf8Json()),
        ("card-expired-sent-in-channel", () => CardBlocks.Render(Live with { Status = SecretStatus.Expired, Link = null, SentTo = new Person("U024BE7LH") }).ToUtf8Json("D0123456789")),
        ("error-escaping", () => CardBlocks.Render(new SharingError(SharingErrorKind.InvalidInput, "I could not read \"<soon>\" as an expiry.", "Choose 15m & 1h.", SharingError.TtlField)).ToUtf8Json()),
        ("notice-storage-down", () => SlackMessages.StorageDown().ToUtf8Json()),
    ];
}
