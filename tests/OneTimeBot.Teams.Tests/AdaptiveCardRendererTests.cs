using System.Text.Json;
using System.Text.Json.Nodes;
using OneTimeBot.Core.Commands;
using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Localization;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Requests;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Teams.Activities;
using OneTimeBot.Teams.Cards;
using OneTimeBot.Testing;

namespace OneTimeBot.Teams.Tests;

/// <summary>Every Adaptive Card the bot can send parses cleanly in the official renderer (npm adaptivecards) at version 1.5.</summary>
public sealed class AdaptiveCardRendererTests
{
    private static readonly WorkspaceSettings Settings = new(
        new WorkspaceId(ChatPlatform.Teams, "tenant"), "embedded", null, HasApiToken: false,
        DefaultTtl: TimeSpan.FromDays(2), MaxTtl: TimeSpan.FromDays(30), AllowAnonymous: true, ShareDomain: null, PinnedFields: new HashSet<string>());

    private static readonly SecretCard Live = new(
        "k2v9x0c7b4n1m8z5a3s6d9f2g1", SecretStatus.New, new Uri("https://eu.onetimesecret.com/secret/7n3k9d2x5q8w1m4c6v0b7z2l5j8h1g4f6d3s9a0p2o5i7u1y4t8r6e3w9q0k5m"),
        DateTimeOffset.FromUnixTimeSeconds(1_795_000_000), TimeSpan.FromDays(7), PassphraseRequired: true, Recipient: "jo*****n@e*****.com",
        BackendHost: "eu.onetimesecret.com", Generated: false);

    private static readonly Person Alice = new("a11ce000-0000-4000-8000-000000000001", "Alice Adams");
    private static readonly Person Bob = new("b0b00000-0000-4000-8000-000000000002", "Bob Builder");

    private static readonly SecretRequest Request = new(
        "req7f3k0000000000000000001", new WorkspaceId(ChatPlatform.Teams, "tenant"), Alice.UserId, new ChatReach(Name: Alice.Name), Bob,
        "the staging DB password", DateTimeOffset.FromUnixTimeSeconds(1_794_400_000), DateTimeOffset.FromUnixTimeSeconds(1_794_486_400), RequestState.Open);

    /// <summary>Every command's help, as the core words it in the reader's language (only declarations are read: no command runs).</summary>
    private static IReadOnlyList<HelpLine> HelpLines =>
        new BotCommands(sharing: null!, links: null!, requests: null!, notifications: null!, recent: null!).Help().Lines;

    /// <summary>Twenty links in every state, some for a person, some with a passphrase: the longest list the chat shows.</summary>
    private static Core.Tracking.RecentLinkList RecentLinks() => new([.. Enumerable.Range(0, Core.Tracking.TrackedShare.RecentPerOwner).Select(i => new Core.Tracking.RecentLink(
        $"t{i:D25}", (SecretStatus)(i % 4), i % 4 == 0 ? null : DateTimeOffset.FromUnixTimeSeconds(1_794_000_000 + i), i % 2 == 0 ? new Core.Workspaces.Person("b0b00000-0000-4000-8000-00000000000" + (i % 10), "Bob *Builder* [ops]") : null,
        DateTimeOffset.FromUnixTimeSeconds(1_793_900_000), DateTimeOffset.FromUnixTimeSeconds(1_795_000_000), TimeSpan.FromDays(7), PassphraseRequired: i % 3 == 0, Generated: i % 5 == 0, "eu.onetimesecret.com"))], Notified: true);

    /// <summary>A few links, one in each state, as a person's list usually looks.</summary>
    private static Core.Tracking.RecentLinkList FewRecentLinks()
    {
        var made = DateTimeOffset.FromUnixTimeSeconds(1_794_400_000);
        return new(
        [
            new("tnew000000000000000000000p", SecretStatus.New, null, Bob, made.AddHours(3), made.AddDays(7), TimeSpan.FromDays(7), PassphraseRequired: true, Generated: false, "eu.onetimesecret.com"),
            new("tnew000000000000000000000n", SecretStatus.New, null, null, made.AddHours(2), made.AddHours(26), TimeSpan.FromDays(1), PassphraseRequired: false, Generated: true, "eu.onetimesecret.com"),
            new("tviewed000000000000000000", SecretStatus.Viewed, made.AddHours(1).AddMinutes(12), Bob, made.AddHours(1), made.AddDays(7), TimeSpan.FromDays(7), PassphraseRequired: false, Generated: false, "eu.onetimesecret.com"),
            new("tburned000000000000000000", SecretStatus.Burned, made.AddMinutes(40), null, made.AddMinutes(30), made.AddDays(1), TimeSpan.FromDays(1), PassphraseRequired: false, Generated: false, "eu.onetimesecret.com"),
            new("texpired00000000000000000", SecretStatus.Expired, made.AddHours(-1), new Person("ca401000-0000-4000-8000-000000000003", "Carol Chen"), made.AddHours(-2), made.AddHours(-1), TimeSpan.FromHours(1), PassphraseRequired: false, Generated: false, "eu.onetimesecret.com"),
        ], Notified: true);
    }

    public static Dictionary<string, JsonObject> EveryCard()
    {
        var typed = JsonSerializer.Deserialize<CardSubmit>("""{"secret":"typed-secret-never-echoed","ttl":"15m","recipient":"bob@example.com","length":"300"}""", TeamsJson.Options)!.Values;
        return new Dictionary<string, JsonObject>
        {
            ["share form"] = FormCards.Share(Settings),
            ["share form with an error"] = FormCards.Share(Settings, typed, PassphraseTooShort()),
            ["share form with a person picked and an error"] = FormCards.Share(Settings, Picked(), new SharingError(SharingErrorKind.InvalidInput, CoreStrings.Get("Error.Secret.Empty.Message"), CoreStrings.Get("Error.Secret.Empty.Hint"), SharingError.SecretField)),
            ["generate form"] = FormCards.Generate(Settings),
            ["generate form with an error"] = FormCards.Generate(Settings, typed, new SharingError(SharingErrorKind.InvalidInput, CoreStrings.Format("Error.Length.OutOfRange.Message", 4, 128, 300), CoreStrings.Format("Error.Length.OutOfRange.Hint", 20), SharingError.LengthField)),
            ["help"] = ReplyCards.Help(new HelpReply(HelpLines)),
            ["help with a problem"] = ReplyCards.Help(new HelpReply(HelpLines, CoreStrings.Format("Problem.UnknownCommand.DidYouMean", "frobnicate", "share"))),
            ["welcome"] = ReplyCards.Help(new HelpReply(HelpLines, Welcome: true)),
            ["notice"] = ReplyCards.Notice(new Notice("Only OneTimeBot's admins for this organisation can change its settings.", "Ask whoever runs OneTimeBot.")),
            ["notice with the forms"] = ReplyCards.Notice(Notices.SecretTypedInChat, offerForms: true),
            ["apology"] = ReplyCards.Notice(Notices.Apology),
            ["live card"] = SecretCardRenderer.Render(Live, CardAudience.Sender),
            ["live card sent to a person"] = SecretCardRenderer.Render(Live with { SentTo = Bob }, CardAudience.Sender),
            ["live card not sent"] = SecretCardRenderer.Render(Live with { NotSent = (new Person(Bob.UserId), "OneTimeBot isn't installed for them, so Teams won't let it message them. They can add OneTimeBot from Apps in Teams.") }, CardAudience.Sender),
            ["live card put into a message"] = SecretCardRenderer.Render(Live, CardAudience.Shared),
            ["generated card"] = SecretCardRenderer.Render(Live with { Generated = true, PassphraseRequired = false, Recipient = null }, CardAudience.Sender),
            ["viewed card"] = SecretCardRenderer.Render(Live with { Status = SecretStatus.Viewed, Link = null, StatusChangedAt = DateTimeOffset.FromUnixTimeSeconds(1_794_000_000) }, CardAudience.Sender),
            ["burned card"] = SecretCardRenderer.Render(Live with { Status = SecretStatus.Burned, Link = null, StatusChangedAt = DateTimeOffset.FromUnixTimeSeconds(1_794_000_000) }, CardAudience.Sender),
            ["expired card"] = SecretCardRenderer.Render(Live with { Status = SecretStatus.Expired, Link = null }, CardAudience.Sender),
            ["error card"] = SecretCardRenderer.Render(new SharingError(SharingErrorKind.Unavailable, CoreStrings.Format("Error.Backend.Unavailable.Message", "eu.onetimesecret.com"), CoreStrings.Get("Error.Backend.Unavailable.Hint"))),
            ["config"] = ConfigCard.Build(Form(Settings)),
            ["config with a token and an error"] = ConfigCard.Build(Form(Settings with { HasApiToken = true, Backend = "https://secrets.example.com", Username = "ops" }),
                new SharingError(SharingErrorKind.InvalidInput, "The backend is not usable.", "Use a URL.", WorkspaceSettings.BackendField)),
            ["config with pinned fields"] = ConfigCard.Build(Form(Settings with { PinnedFields = new HashSet<string> { WorkspaceSettings.BackendField, WorkspaceSettings.ApiTokenField } })),
            ["settings saved"] = ConfigCard.Saved(Settings),
            ["link sent to you"] = DirectMessageCards.Render(new LinkForYou(Alice, Live)),
            ["generated link sent to you for a request"] = DirectMessageCards.Render(new LinkForYou(Alice, Live with { Generated = true, PassphraseRequired = false }, "the staging DB password")),
            ["link opened"] = DirectMessageCards.Render(new LinkStatusChanged(SecretStatus.Viewed, DateTimeOffset.FromUnixTimeSeconds(1_794_500_000), Bob, false, DateTimeOffset.FromUnixTimeSeconds(1_794_400_000))),
            ["link burned"] = DirectMessageCards.Render(new LinkStatusChanged(SecretStatus.Burned, DateTimeOffset.FromUnixTimeSeconds(1_794_500_000), null, true, DateTimeOffset.FromUnixTimeSeconds(1_794_400_000))),
            ["link expired unopened"] = DirectMessageCards.Render(new LinkStatusChanged(SecretStatus.Expired, DateTimeOffset.FromUnixTimeSeconds(1_795_000_000), Bob, false, DateTimeOffset.FromUnixTimeSeconds(1_794_400_000))),
            ["secret asked"] = DirectMessageCards.Render(new SecretAsked("req-7f3k", Alice, "the staging DB password", DateTimeOffset.FromUnixTimeSeconds(1_794_500_000))),
            ["request declined"] = DirectMessageCards.Render(new RequestDeclined(Bob, "the staging DB password")),
            ["request form"] = RequestCards.Form(),
            ["request form with an error"] = RequestCards.Form(
                JsonSerializer.Deserialize<CardSubmit>("""{"person":"b0b00000-0000-4000-8000-000000000002","note":"the staging DB password"}""", TeamsJson.Options)!.Values,
                new SharingError(SharingErrorKind.Unavailable, "I could not send your request: OneTimeBot isn't installed for them.", "Nothing was asked.")),
            ["request sent"] = RequestCards.Sent(Request),
            ["answer form"] = RequestCards.AnswerForm(Request, Settings),
            ["answer form with an error"] = RequestCards.AnswerForm(Request, Settings, typed, PassphraseTooShort()),
            ["request answered"] = RequestCards.Answered(new RequestAnswered(Request with { State = RequestState.Answered }, Live with { SentTo = Alice })),
            ["request answered but not sent"] = RequestCards.Answered(new RequestAnswered(Request with { State = RequestState.Answered }, Live with { NotSent = (Alice, "OneTimeBot isn't installed for them.") })),
            ["request you declined"] = RequestCards.Declined(Request with { State = RequestState.Declined }),
            ["recent links"] = RecentLinksCard.Build(FewRecentLinks()),
            ["twenty recent links with a problem"] = RecentLinksCard.Build(RecentLinks(), new Notice("That passphrase is not right.", "Enter the passphrase the secret was shared with.")),
            ["no recent links"] = RecentLinksCard.Build(new Core.Tracking.RecentLinkList([], Notified: false)),
        };
    }

    /// <summary>The core's own words for a passphrase too short, in the reader's language, as a form shows them.</summary>
    private static SharingError PassphraseTooShort() => new(
        SharingErrorKind.InvalidInput, CoreStrings.Format("Error.Passphrase.Length.Message", 4, 128, 3), CoreStrings.Get("Error.Passphrase.Length.Hint"), SharingError.PassphraseField);

    private static FormValues Picked() =>
        JsonSerializer.Deserialize<CardSubmit>("""{"sendTo":"b0b00000-0000-4000-8000-000000000002","ttl":"1h"}""", TeamsJson.Options)!.Values;

    private static async Task<JsonObject> RenderAsync(Dictionary<string, JsonObject> cards, string version = "1.5")
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("adaptive-cards-").FullName, "cards.json");
        await File.WriteAllTextAsync(file, new JsonObject(cards.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)c.Value.DeepClone()))).ToJsonString());
        var (exitCode, output, errors) = await NodeScript.RunAsync("validate-adaptive-cards.js", file, version);
        Assert.True(exitCode == 0, errors);
        return (JsonObject)JsonNode.Parse(output)!;
    }

    /// <summary>Every card as a reader of <paramref name="language"/> gets it (Swedish words run longer).</summary>
    public static Dictionary<string, JsonObject> EveryCardIn(string language)
    {
        using var scope = LanguageScope.Use(Languages.From(language));
        return EveryCard();
    }

    [Theory]
    [InlineData("en")]
    [InlineData("sv")]
    public async Task Every_card_parses_in_the_official_renderer_at_version_1_5_without_errors_or_warnings(string language)
    {
        var cards = EveryCardIn(language);

        var results = await RenderAsync(cards);

        Assert.Equal(cards.Count, results.Count);
        foreach (var (name, result) in results)
        {
            Assert.True(result!["version"]!.GetValue<string>() == "1.5", name);
            var events = result["events"]!.AsArray().Where(e => !IsTeamsPeoplePicker(e!)).ToList();
            Assert.True(events.Count == 0, $"{name}: {result["events"]!.ToJsonString()}");
            Assert.False(string.IsNullOrEmpty(cards[name]["fallbackText"]?.GetValue<string>()), $"{name} has no fallbackText");
        }
    }

    /// <summary>
    /// The one thing a form holds that the renderer dates later than 1.5: Teams' people picker, <c>choices.data</c>
    /// (1.6 in the Adaptive Card schema), which Teams documents and honours in the 1.5 cards it renders.
    /// </summary>
    private static bool IsTeamsPeoplePicker(JsonNode e) =>
        e["event"]!.GetValue<string>() == "UnsupportedProperty" && e["message"]!.GetValue<string>().StartsWith("Property \"choices.data\" is supported in version 1.6", StringComparison.Ordinal);

    [Theory]
    [InlineData("en")]
    [InlineData("sv")]
    public async Task The_forms_people_picker_is_a_data_query_the_renderer_accepts_without_a_single_warning_at_1_6(string language)
    {
        var forms = EveryCardIn(language).Where(c => c.Value.ToJsonString().Contains("choices.data", StringComparison.Ordinal)).ToDictionary();

        var results = await RenderAsync(forms, "1.6");

        Assert.Equal(["generate form", "generate form with an error", "request form", "request form with an error", "share form", "share form with a person picked and an error", "share form with an error"], forms.Keys.Order(StringComparer.Ordinal));
        Assert.All(results, r => Assert.True(r.Value!["events"]!.AsArray().Count == 0, $"{r.Key}: {r.Value["events"]!.ToJsonString()}"));
    }

    [Fact]
    public async Task The_renderer_check_does_catch_a_card_with_mistakes()
    {
        var broken = FormCards.Share(Settings);
        broken["body"]!.AsArray().Add(new JsonObject { ["type"] = "Input.Text", ["id"] = "secret" });
        broken["body"]!.AsArray().Add(new JsonObject { ["type"] = "Carousel" });

        var results = await RenderAsync(new Dictionary<string, JsonObject> { ["broken"] = broken });

        Assert.NotEmpty(results["broken"]!["events"]!.AsArray());
    }

    [Fact]
    public void No_card_ever_holds_a_typed_secret()
    {
        foreach (var (name, card) in EveryCard())
        {
            Assert.False(card.ToJsonString().Contains("typed-secret-never-echoed", StringComparison.Ordinal), name);
        }
    }

    [Fact]
    public void The_settings_card_preselects_the_organisations_current_expiries_even_when_they_are_not_standard_choices()
    {
        var card = ConfigCard.Build(Form(Settings with { DefaultTtl = TimeSpan.FromDays(2), MaxTtl = TimeSpan.FromDays(7) }));
        var inputs = card["body"]!.AsArray().OfType<JsonObject>().Where(e => e["id"] is not null).ToDictionary(e => e["id"]!.GetValue<string>());

        Assert.Equal("172800", inputs[WorkspaceSettings.DefaultTtlField]["value"]!.GetValue<string>());
        Assert.Contains(inputs[WorkspaceSettings.DefaultTtlField]["choices"]!.AsArray(), c => c!["title"]!.GetValue<string>() == "2 days");
        Assert.Equal("7d", inputs[WorkspaceSettings.MaxTtlField]["value"]!.GetValue<string>());
    }

    private static SettingsForm Form(WorkspaceSettings settings) => new(settings, BackendChoices.All, "secrets.example.com, any server under example.org");
}
