using System.Text.Json.Nodes;
using Microsoft.Playwright;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Requests;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Slack.Tests;
using OneTimeBot.Slack.Views;
using OneTimeBot.Testing.Slack;

namespace OneTimeBot.EndToEnd.Tests;

/// <summary>
/// Asking someone for a secret in Slack, as each side sees it: the request modal and what the requester is told, the
/// answer modal the person asked fills in, and what their DM becomes once they answered or declined. The messages to
/// the person asked and the requester's DMs are <see cref="SendToScreenshotTests"/>'; the Teams cards are photographed
/// with every other card.
/// </summary>
[Collection(SharedChromium.Name)]
public sealed class RequestScreenshotTests(Chromium chromium)
{
    private static readonly DateTimeOffset Asked = DateTimeOffset.FromUnixTimeSeconds(1_794_400_000);

    private static readonly SecretRequest Request = new(
        "k2v9x0c7b4n1m8z5a3s6d9f2g1", new WorkspaceId(ChatPlatform.Slack, "T0ALPHA"), "U0ALICE", new ChatReach(), new Person("U0BOB", "bob"),
        "the staging DB password", Asked, Asked.AddDays(1), RequestState.Open);

    private static readonly SecretCard Answer = new(
        "m3b8z1c6v4n9x2k7j5h0g3f8d1", SecretStatus.New, new Uri("https://eu.onetimesecret.com/secret/7n3k9d2x5q8w1m4c6v0b7z2l5j8h1g4f6d3s9a0p2o5i7u1y4t8r6e3w9q0k5m"),
        Asked.AddHours(2), TimeSpan.FromHours(1), PassphraseRequired: true, Recipient: null, BackendHost: "eu.onetimesecret.com", Generated: false);

    private static readonly WorkspaceSettings Settings = new(
        new WorkspaceId(ChatPlatform.Slack, "T0ALPHA"), "embedded", null, false, TimeSpan.FromDays(7), TimeSpan.FromDays(30), true, null, new HashSet<string>());

    private static readonly ViewMetadata FromBobsDm = new("https://hooks.slack.com/actions/T0ALPHA/1/x", "D0BOB");

    /// <summary>Each picture's name, and the message as Slack gets it: a reply in a DM names its channel, a command's answer is ephemeral.</summary>
    private static Dictionary<string, JsonObject> Messages() => new()
    {
        ["request sent"] = RequestBlocks.Sent(Request).ToJson(),
        ["request answered"] = RequestBlocks.Answered(new RequestAnswered(Request with { State = RequestState.Answered }, Answer with { SentTo = new Person("U0ALICE") })).ToJson("D0BOB"),
        ["request answered but not sent"] = RequestBlocks.Answered(new RequestAnswered(Request with { State = RequestState.Answered },
            Answer with { NotSent = (new Person("U0ALICE"), "Their Slack account is deactivated, so Slack delivers nothing to them.") })).ToJson("D0BOB"),
        ["request you declined"] = RequestBlocks.Declined(Request with { State = RequestState.Declined }).ToJson("D0BOB"),
        ["request button in a dm"] = RequestBlocks.FormButton().ToJson("D0ALICE"),
    };

    private static Dictionary<string, JsonObject> Modals() => new()
    {
        ["request modal"] = RequestModal.Build(new ViewMetadata("https://hooks.slack.com/commands/T0ALPHA/1/x", "C0GENERAL"), new Person("U0BOB")),
        ["request modal after the shortcut"] = RequestModal.Sent(Request),
        ["answer modal"] = AnswerModal.Build(Request, Settings, FromBobsDm),
    };

    public static TheoryData<string> MessageNames => new(Messages().Keys);

    public static TheoryData<string> ModalNames => new(Modals().Keys);

    [Theory]
    [MemberData(nameof(MessageNames))]
    public async Task The_slack_message_about_a_request_is_within_block_kit_limits_and_reads_as_intended(string name)
    {
        var message = Messages()[name];
        var page = await chromium.NewPageAsync(620, 400);

        await page.SetContentAsync(BlockKitPreview.Html(message));
        var element = page.Locator("#message");
        await element.ScreenshotAsync(new LocatorScreenshotOptions { Path = Screenshots.PathFor("slack-" + name) });
        var text = await element.InnerTextAsync();

        Assert.Empty(PublishedBlockKitLimits.Violations(message));
        Assert.Equal(message["channel"] is null, text.Contains("Only visible to you", StringComparison.Ordinal));
        Assert.DoesNotContain("<!date", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<@", text, StringComparison.Ordinal);
        Assert.DoesNotContain("&lt;", text, StringComparison.Ordinal);
        Assert.Equal(name == "request answered but not sent", text.Contains("/secret/", StringComparison.Ordinal));
        if (name != "request button in a dm")
        {
            Assert.Contains("the staging DB password", text, StringComparison.Ordinal);
            Assert.Contains(name == "request sent" ? "@Bob Builder" : "@Alice Adams", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(ModalNames))]
    public async Task The_slack_modal_of_a_request_is_within_slacks_view_limits_and_reads_as_intended(string name)
    {
        var view = Modals()[name];
        var page = await chromium.NewPageAsync(600, 900);

        await page.SetContentAsync(BlockKitPreview.ModalHtml(view));
        var modal = page.Locator("#modal");
        await modal.ScreenshotAsync(new LocatorScreenshotOptions { Path = Screenshots.PathFor("slack-" + name) });
        var text = await modal.InnerTextAsync();

        Assert.Empty(PublishedBlockKitLimits.ViewViolations(view));
        Assert.DoesNotContain("<!date", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<@", text, StringComparison.Ordinal);
        Assert.Contains(name switch
        {
            "request modal" => "Bob Builder",
            "answer modal" => "@Alice Adams asks you for: the staging DB password",
            _ => "I asked @Bob Builder for: the staging DB password",
        }, text, StringComparison.Ordinal);
    }
}
