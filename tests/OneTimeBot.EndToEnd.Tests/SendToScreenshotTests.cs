using System.Text.Json.Nodes;
using Microsoft.Playwright;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Slack.Tests;
using OneTimeBot.Slack.Views;
using OneTimeBot.Teams.Cards;
using OneTimeBot.Testing.Slack;

namespace OneTimeBot.EndToEnd.Tests;

/// <summary>
/// Sending a link to a person, as each side sees it: the Slack DM and the sender's cards, the modal with its picker,
/// and Teams' burn prompt; every one checked against Slack's limits or drawn by the official Adaptive Card renderer.
/// </summary>
[Collection(SharedChromium.Name)]
public sealed class SendToScreenshotTests(Chromium chromium)
{
    private static readonly SecretCard Live = new(
        "k2v9x0c7b4n1m8z5a3s6d9f2g1", SecretStatus.New, new Uri("https://eu.onetimesecret.com/secret/7n3k9d2x5q8w1m4c6v0b7z2l5j8h1g4f6d3s9a0p2o5i7u1y4t8r6e3w9q0k5m"),
        DateTimeOffset.FromUnixTimeSeconds(1_795_000_000), TimeSpan.FromDays(7), PassphraseRequired: true, Recipient: null,
        BackendHost: "eu.onetimesecret.com", Generated: false);

    private static readonly Person Alice = new("U0ALICE", "alice");
    private static readonly Person Bob = new("U0BOB", "bob");

    /// <summary>Each picture's name, and the message as Slack gets it: a DM names its channel, a card is ephemeral.</summary>
    private static Dictionary<string, JsonObject> Every() => new()
    {
        ["link sent to you"] = Dm(new LinkForYou(Alice, Live)),
        ["link sent to you for your request"] = Dm(new LinkForYou(Alice, Live with { Generated = true, PassphraseRequired = false }, "the staging DB password")),
        ["link opened"] = Dm(new LinkStatusChanged(SecretStatus.Viewed, DateTimeOffset.FromUnixTimeSeconds(1_794_500_000), Bob, false, DateTimeOffset.FromUnixTimeSeconds(1_794_400_000))),
        ["secret asked"] = Dm(new SecretAsked("req-7f3k", Alice, "the staging DB password", DateTimeOffset.FromUnixTimeSeconds(1_794_500_000))),
        ["request declined"] = Dm(new RequestDeclined(Bob, "the staging DB password")),
        ["sent to card"] = CardBlocks.Render(Live with { SentTo = Bob }).ToJson(),
        ["not sent card"] = CardBlocks.Render(Live with { NotSent = (Bob, "Their Slack account is deactivated, so Slack delivers nothing to them.") }).ToJson(),
    };

    public static TheoryData<string> Messages => new(Every().Keys);

    [Theory]
    [MemberData(nameof(Messages))]
    public async Task The_slack_message_is_within_block_kit_limits_and_reads_as_intended(string name)
    {
        var message = Every()[name];
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
        Assert.Contains(name is "link opened" or "request declined" or "sent to card" or "not sent card" ? "@Bob Builder" : "@Alice Adams", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_share_modal_offers_send_the_link_to_with_the_person_already_picked()
    {
        var settings = new WorkspaceSettings(new WorkspaceId(ChatPlatform.Slack, "T0ALPHA"), "embedded", null, false,
            TimeSpan.FromDays(7), TimeSpan.FromDays(30), true, null, new HashSet<string>());
        var view = ShareModal.Build(settings, new ViewMetadata("https://hooks.slack.com/commands/T0ALPHA/1/x", "C0GENERAL"), Bob);
        var page = await chromium.NewPageAsync(600, 900);

        await page.SetContentAsync(BlockKitPreview.ModalHtml(view));
        var modal = page.Locator("#modal");
        await modal.ScreenshotAsync(new LocatorScreenshotOptions { Path = Screenshots.PathFor("slack-share-modal-with-the-picker") });
        var text = await modal.InnerTextAsync();

        Assert.Empty(PublishedBlockKitLimits.ViewViolations(view));
        Assert.Contains("Send the link to", text, StringComparison.Ordinal);
        Assert.Contains("Bob Builder", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Teams_burn_now_on_a_secret_with_a_passphrase_opens_a_passphrase_prompt_under_the_card()
    {
        var card = SecretCardRenderer.Render(Live with { SentTo = new Person("b0b00000-0000-4000-8000-000000000002", "Bob Builder") }, CardAudience.Sender);
        var page = await chromium.NewPageAsync(520, 700);
        await AdaptiveCardPage.RenderAsync(page, card);

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Burn now" }).ClickAsync();
        var prompt = page.Locator("#card input[type=password]");
        await prompt.WaitForAsync();
        await page.Locator("#card").ScreenshotAsync(new LocatorScreenshotOptions { Path = Screenshots.PathFor("teams-burn-passphrase-prompt") });
        var text = await page.Locator("#card").InnerTextAsync();

        Assert.True(await prompt.IsVisibleAsync());
        Assert.Contains(SecretCardText.BurnConfirmText, text, StringComparison.Ordinal);
        Assert.Contains("Burn it", text, StringComparison.Ordinal);
    }

    private static JsonObject Dm(DirectMessage message) => DirectMessageBlocks.Render(message).ToJson("D0BOB");
}
