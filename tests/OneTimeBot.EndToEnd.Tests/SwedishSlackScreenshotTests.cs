using System.Text.Json.Nodes;
using Microsoft.Playwright;
using OneTimeBot.Core.Localization;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Requests;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Slack.Home;
using OneTimeBot.Slack.Tests;
using OneTimeBot.Slack.Views;
using OneTimeBot.Testing.Slack;

namespace OneTimeBot.EndToEnd.Tests;

/// <summary>
/// The main Slack cards, messages, modals and the App Home tab as a Swedish Slack shows them, checked against Slack's
/// limits in Swedish (which runs longer) and photographed into <c>docs/screenshots/sv/</c>.
/// </summary>
[Collection(SharedChromium.Name)]
public sealed class SwedishSlackScreenshotTests(Chromium chromium)
{
    private static readonly DateTimeOffset Asked = DateTimeOffset.FromUnixTimeSeconds(1_794_400_000);

    private static readonly SecretCard Live = new(
        "k2v9x0c7b4n1m8z5a3s6d9f2g1", SecretStatus.New, new Uri("https://eu.onetimesecret.com/secret/7n3k9d2x5q8w1m4c6v0b7z2l5j8h1g4f6d3s9a0p2o5i7u1y4t8r6e3w9q0k5m"),
        DateTimeOffset.FromUnixTimeSeconds(1_795_000_000), TimeSpan.FromDays(7), PassphraseRequired: true, Recipient: "jo*****n@e*****.com",
        BackendHost: "eu.onetimesecret.com", Generated: false);

    private static readonly Person Alice = new("U0ALICE", "alice");
    private static readonly Person Bob = new("U0BOB", "bob");

    private static readonly SecretRequest Request = new(
        "k2v9x0c7b4n1m8z5a3s6d9f2g1", new WorkspaceId(ChatPlatform.Slack, "T0ALPHA"), "U0ALICE", new ChatReach(Locale: "sv-SE"), Bob,
        "lösenordet till testdatabasen", Asked, Asked.AddDays(1), RequestState.Open);

    private static readonly WorkspaceSettings Settings = new(
        new WorkspaceId(ChatPlatform.Slack, "T0ALPHA"), "embedded", null, false, TimeSpan.FromDays(7), TimeSpan.FromDays(30), true, null, new HashSet<string>());

    /// <summary>Each message's picture name, what it must say in Swedish, and the message as Slack gets it (a DM names its channel).</summary>
    private static Dictionary<string, (string Says, JsonObject Message)> Messages() => new()
    {
        ["help"] = ("gör om en hemlighet till en länk", HelpBlocks.Render(SlackReplyJson.Help(), "/onetime").ToJson()),
        ["working"] = ("Länken dyker upp här om en stund", SlackMessages.Working("Skapar din länk").ToJson()),
        ["live card"] = (" kl. 11:06", CardBlocks.Render(Live).ToJson()),
        ["generated card"] = (" kl. 11:06", CardBlocks.Render(Live with { Generated = true, PassphraseRequired = false, Recipient = null }).ToJson()),
        ["sent to card"] = ("@Bob Builder", CardBlocks.Render(Live with { SentTo = Bob }).ToJson()),
        ["config refused"] = ("Bara arbetsytans administratörer och ägare", SlackMessages.ConfigRefused("/onetime").ToJson()),
        ["settings saved"] = ("inställningar för den här arbetsytan är sparade", SlackMessages.SettingsSaved(Settings with { Backend = "eu", Username = "ops@example.com", HasApiToken = true }).ToJson()),
        ["link sent to you"] = (" kl. 11:06", DirectMessageBlocks.Render(new LinkForYou(Alice, Live)).ToJson("D0BOB")),
        ["request sent"] = ("Jag bad @Bob Builder om: lösenordet till testdatabasen", RequestBlocks.Sent(Request).ToJson()),
    };

    private static Dictionary<string, (string Says, JsonObject View)> Modals() => new()
    {
        ["share modal with the picker"] = ("Skicka länken till", ShareModal.Build(Settings, new ViewMetadata("https://hooks.slack.com/commands/T0ALPHA/1/x", "C0GENERAL"), Bob)),
        ["generate modal"] = ("Längd (tecken)", GenerateModal.Build(Settings, new ViewMetadata("https://hooks.slack.com/commands/T0ALPHA/1/x", "C0GENERAL"))),
        ["request modal"] = ("Vem har den?", RequestModal.Build(new ViewMetadata("https://hooks.slack.com/commands/T0ALPHA/1/x", "C0GENERAL"), Bob)),
        ["answer modal"] = ("Skicka säkert", AnswerModal.Build(Request, Settings, new ViewMetadata("https://hooks.slack.com/actions/T0ALPHA/1/x", "D0BOB"))),
    };

    public static TheoryData<string> MessageNames() => InSwedish(() => new TheoryData<string>(Messages().Keys));

    public static TheoryData<string> ModalNames() => InSwedish(() => new TheoryData<string>(Modals().Keys));

    [Theory]
    [MemberData(nameof(MessageNames))]
    public async Task The_swedish_slack_message_is_within_block_kit_limits_and_reads_in_swedish(string name)
    {
        using var speaking = LanguageScope.Use(Languages.Swedish);
        var (says, message) = Messages()[name];
        var page = await chromium.NewPageAsync(620, 400);

        await page.SetContentAsync(BlockKitPreview.Html(message));
        var element = page.Locator("#message");
        await element.ScreenshotAsync(new LocatorScreenshotOptions { Path = Screenshots.PathFor("slack-" + name) });
        var text = await element.InnerTextAsync();

        Assert.Empty(PublishedBlockKitLimits.Violations(message));
        Assert.Contains(says, text, StringComparison.Ordinal);
        Assert.Equal(message["channel"] is null, text.Contains("Endast synligt för dig", StringComparison.Ordinal));
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<!date", text, StringComparison.Ordinal);
        Assert.DoesNotContain("&lt;", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ModalNames))]
    public async Task The_swedish_slack_modal_is_within_slacks_view_limits_and_reads_in_swedish(string name)
    {
        using var speaking = LanguageScope.Use(Languages.Swedish);
        var (says, view) = Modals()[name];
        var page = await chromium.NewPageAsync(600, 900);

        await page.SetContentAsync(BlockKitPreview.ModalHtml(view));
        var modal = page.Locator("#modal");
        await modal.ScreenshotAsync(new LocatorScreenshotOptions { Path = Screenshots.PathFor("slack-" + name) });
        var text = await modal.InnerTextAsync();

        Assert.Empty(PublishedBlockKitLimits.ViewViolations(view));
        Assert.Contains(says, text, StringComparison.Ordinal);
        Assert.Contains("Avbryt", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Cancel", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<!date", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_swedish_app_home_tab_offers_the_forms_and_the_recent_links_in_swedish()
    {
        using var speaking = LanguageScope.Use(Languages.Swedish);
        var view = HomeView.Build(RecentLinksScreenshotTests.FewLinks(), new ViewMetadata(Channel: "D0ALICE"));
        var page = await chromium.NewPageAsync(780, 700);

        await page.SetContentAsync(BlockKitPreview.HomeHtml(view));
        var home = page.Locator("#home");
        await home.ScreenshotAsync(new LocatorScreenshotOptions { Path = Screenshots.PathFor("slack-app-home") });
        var text = await home.InnerTextAsync();

        Assert.Empty(PublishedBlockKitLimits.HomeViewViolations(view));
        Assert.Contains("gör om en hemlighet till en länk", text, StringComparison.Ordinal);
        Assert.Contains(" kl. ", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
    }

    private static T InSwedish<T>(Func<T> make)
    {
        using var speaking = LanguageScope.Use(Languages.Swedish);
        return make();
    }
}
