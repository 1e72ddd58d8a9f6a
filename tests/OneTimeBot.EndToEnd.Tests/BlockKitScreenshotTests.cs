using System.Text.Json.Nodes;
using OneTimeBot.Core.Commands;
using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Slack.Tests;
using OneTimeBot.Testing.Slack;

namespace OneTimeBot.EndToEnd.Tests;

/// <summary>Every kind of Block Kit reply, checked against Slack's limits and photographed as an HTML preview.</summary>
[Collection(SharedChromium.Name)]
public sealed class BlockKitScreenshotTests(Chromium chromium)
{
    private static readonly SecretCard Live = new(
        "k2v9x0c7b4n1m8z5a3s6d9f2g1", SecretStatus.New, new Uri("https://eu.onetimesecret.com/secret/7n3k9d2x5q8w1m4c6v0b7z2l5j8h1g4f6d3s9a0p2o5i7u1y4t8r6e3w9q0k5m"),
        DateTimeOffset.FromUnixTimeSeconds(1_795_000_000), TimeSpan.FromDays(7), PassphraseRequired: true, Recipient: "jo*****n@e*****.com",
        BackendHost: "eu.onetimesecret.com", Generated: false);

    private static Dictionary<string, SlackReply> EveryReply() => new()
    {
        ["help"] = HelpBlocks.Render(SlackReplyJson.Help(), "/onetime"),
        ["unknown command"] = HelpBlocks.Render(SlackReplyJson.Help("I don't know \"shar\". Did you mean share?"), "/onetime"),
        ["working"] = SlackMessages.Working("Creating your link"),
        ["live card"] = CardBlocks.Render(Live),
        ["generated card"] = CardBlocks.Render(Live with { Generated = true, PassphraseRequired = false, Recipient = null }),
        ["viewed card"] = CardBlocks.Render(Live with { Status = SecretStatus.Viewed, Link = null, StatusChangedAt = DateTimeOffset.FromUnixTimeSeconds(1_794_500_000) }, replaceOriginal: true),
        ["burned card"] = CardBlocks.Render(Live with { Status = SecretStatus.Burned, Link = null, StatusChangedAt = DateTimeOffset.FromUnixTimeSeconds(1_794_500_000) }, replaceOriginal: true),
        ["expired card"] = CardBlocks.Render(Live with { Status = SecretStatus.Expired, Link = null }, replaceOriginal: true),
        ["backend down"] = CardBlocks.Render(new SharingError(SharingErrorKind.Unavailable, "The secret service at eu.onetimesecret.com is not answering right now. Nothing was shared.", "Try again in a minute; if it keeps happening, tell whoever runs OneTimeBot.")),
        ["config refused"] = SlackMessages.ConfigRefused("/onetime"),
        ["secret typed in a dm"] = CommandReplyBlocks.Render(new NoticeReply(Notices.SecretTypedInChat, OfferForms: true), "/onetime", CommandSurface.Chat),
        ["settings saved"] = SlackMessages.SettingsSaved(new WorkspaceSettings(new WorkspaceId(ChatPlatform.Slack, "T0"), "eu", "ops@example.com", true,
            TimeSpan.FromDays(1), TimeSpan.FromDays(7), true, null, new HashSet<string>())),
    };

    public static TheoryData<string> Replies => new(EveryReply().Keys);

    [Theory]
    [MemberData(nameof(Replies))]
    public async Task The_reply_is_within_block_kit_limits_and_reads_as_intended(string name)
    {
        var reply = EveryReply()[name].ToJson();
        var page = await chromium.NewPageAsync(620, 400);

        await page.SetContentAsync(BlockKitPreview.Html(reply));
        var element = page.Locator("#message");
        await element.ScreenshotAsync(new Microsoft.Playwright.LocatorScreenshotOptions { Path = Screenshots.PathFor("slack-" + name) });
        var text = await element.InnerTextAsync();

        Assert.Empty(PublishedBlockKitLimits.Violations(reply));
        Assert.Contains("Only visible to you", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<!date", text, StringComparison.Ordinal);
        Assert.DoesNotContain("&lt;", text, StringComparison.Ordinal);
    }
}
