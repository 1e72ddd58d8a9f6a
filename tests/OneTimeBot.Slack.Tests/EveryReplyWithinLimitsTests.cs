using System.Text.Json.Nodes;
using OneTimeBot.Core.Commands;
using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Localization;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Slack.Views;
using OneTimeBot.Testing.Slack;
using OneTimeBot.Slack.Localization;

namespace OneTimeBot.Slack.Tests;

/// <summary>Every message and modal the Slack app can send, at its longest and in every language it speaks, is one Slack accepts.</summary>
public sealed class EveryReplyWithinLimitsTests
{
    private static readonly WorkspaceSettings Settings = new(
        new WorkspaceId(ChatPlatform.Slack, "T0ALPHA"), "https://secrets.example.com", "ops@example.com", HasApiToken: true,
        DefaultTtl: TimeSpan.FromDays(2), MaxTtl: TimeSpan.FromDays(30), AllowAnonymous: true, ShareDomain: null,
        PinnedFields: new HashSet<string>());

    private static readonly ViewMetadata Metadata = new("https://hooks.slack.com/commands/T0ALPHA/1234567890/" + new string('x', 24), "C0GENERAL", "k2v9x0c7b4n1m8z5a3s6d9f2g1");

    // The longest slash command Slack:Command allows, so every message that names it still fits.
    private static readonly string Command = "/" + new string('o', 31);

    private static readonly string[] Names =
    [
        "help", "help-problem", "dm-help", "working", "config-refused", "not-installed", "needs-token", "slack-failed",
        "typed-in-dm", "share-button", "generate-button", "config-in-dm", "unknown-command", "settings-saved", "error-long",
        "not-available", "storage-down", "send-to-unknown", "name-in-secret",
    ];

    /// <summary>Every message in every language: Swedish runs longer than English.</summary>
    public static TheoryData<string, string> Messages()
    {
        var data = new TheoryData<string, string>();
        foreach (var language in Languages.Supported)
        {
            foreach (var name in Names)
            {
                data.Add(name, language.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Each_message_is_within_block_kit_limits_and_has_a_text_fallback(string name, string language)
    {
        using var speaking = LanguageScope.Use(Languages.From(language));
        var longText = new string('w', 5000);
        var reply = name switch
        {
            "help" => HelpBlocks.Render(SlackReplyJson.Help(), Command),
            "help-problem" => HelpBlocks.Render(SlackReplyJson.Help("I don't know \"frobnicate\". Did you mean share?"), Command),
            "dm-help" => HelpBlocks.Render(SlackReplyJson.Help(), slashCommand: null),
            "working" => SlackMessages.Working("Creating your link"),
            "config-refused" => SlackMessages.ConfigRefused(Command),
            "not-installed" => SlackMessages.NotInstalled(Command),
            "needs-token" => SlackMessages.NeedsBotToken(Command),
            "slack-failed" => SlackMessages.SlackFailed("open the form", "expired_trigger_id", Command),
            "typed-in-dm" => CommandReplyBlocks.Render(new NoticeReply(Notices.SecretTypedInChat, OfferForms: true), Command, CommandSurface.Chat),
            "share-button" => SlackMessages.ShareButton(),
            "generate-button" => SlackMessages.GenerateButton(),
            "config-in-dm" => SlackMessages.ConfigInDm(Command),
            "unknown-command" => SlackMessages.UnknownCommand(Command),
            "settings-saved" => SlackMessages.SettingsSaved(Settings with { Username = longText }),
            "not-available" => SlackMessages.NotAvailable(),
            "storage-down" => SlackMessages.StorageDown(),
            "send-to-unknown" => SendToMessages.NotOnePerson(new Payloads.LeadingName(Payloads.LeadingNameKind.Unrecognised, null, "@" + new string('n', 80), ""), "generate", Command),
            "name-in-secret" => SecretTextMessages.NameInSecret(Command),
            _ => CardBlocks.Render(new SharingError(SharingErrorKind.Rejected, longText, longText)),
        };

        var json = reply.ToJson();

        Assert.Empty(PublishedBlockKitLimits.Violations(json));
        Assert.Equal("ephemeral", json["response_type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("en", "Share a secret", "Fixed by the server's configuration: API token, secret service.")]
    [InlineData("sv", "Dela en hemlighet", "Låst av serverns konfiguration:")]
    public void Every_modal_is_within_slacks_view_limits(string language, string shareTitle, string pinnedSays)
    {
        using var speaking = LanguageScope.Use(Languages.From(language));
        var pinned = Settings with { PinnedFields = new HashSet<string> { WorkspaceSettings.BackendField, WorkspaceSettings.ApiTokenField } };
        var views = new[]
        {
            ShareModal.Build(Settings, Metadata),
            GenerateModal.Build(Settings, Metadata),
            BurnModal.Build(Metadata),
            ConfigModal.Build(Form(Settings), Metadata),
            ConfigModal.Build(Form(pinned), Metadata),
            ConfigModal.Build(Form(Settings with { HasApiToken = false, Backend = "embedded" }), Metadata),
        };

        Assert.All(views, v => Assert.Empty(PublishedBlockKitLimits.ViewViolations(v)));
        Assert.Equal(shareTitle, views[0]["title"]!["text"]!.GetValue<string>());
        Assert.Contains(pinnedSays, views[4].ToJsonString(SlackReply.WireOptions), StringComparison.Ordinal);
        Assert.DoesNotContain(views[4]["blocks"]!.AsArray(), b => b?["block_id"]?.GetValue<string>() is "backend" or "apiToken");
    }

    [Fact]
    public void A_workspace_default_expiry_that_is_not_a_standard_choice_is_offered_and_preselected()
    {
        var view = ShareModal.Build(Settings with { DefaultTtl = TimeSpan.FromDays(2), MaxTtl = TimeSpan.FromDays(7) }, Metadata);
        var select = view["blocks"]!.AsArray().OfType<JsonObject>().Single(b => b["block_id"]?.GetValue<string>() == "ttl")["element"]!;
        var values = select["options"]!.AsArray().Select(o => o!["value"]!.GetValue<string>()).ToList();

        Assert.Equal(["5m", "15m", "30m", "1h", "4h", "12h", "1d", "172800", "3d", "7d"], values);
        Assert.Equal("172800", select["initial_option"]!["value"]!.GetValue<string>());
        Assert.Equal("2 days", select["initial_option"]!["text"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void The_view_check_does_catch_a_modal_slack_would_refuse()
    {
        var tooLong = Inputs.Modal("x", "A title far longer than Slack allows", "Submit", new ViewMetadata(new string('u', 3500)), [
            Inputs.Text("same", "One"), Inputs.Text("same", "Two"),
        ]);

        var problems = PublishedBlockKitLimits.ViewViolations(tooLong);

        Assert.Contains(problems, p => p.StartsWith("title", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("used twice", StringComparison.Ordinal));
    }

    private static SettingsForm Form(WorkspaceSettings settings) => new(settings, BackendChoices.All, "secrets.example.com, any server under example.org");
}
