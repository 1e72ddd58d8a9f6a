using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Slack.Users;
using OneTimeBot.Testing;

namespace OneTimeBot.Slack.Tests;

/// <summary>
/// A share in Slack by someone whose Slack speaks Swedish (<c>users.info</c> says <c>sv-SE</c>): the help, the share form
/// and what it says about a mistake, the card and the link sent on to a Swedish colleague are all in Swedish; a French
/// Slack, which OneTimeBot does not speak, gets English. Slack is asked once per person, not per command.
/// </summary>
public sealed class SwedishSlackJourneyTests
{
    private const string Alice = "U0ALICE";
    private const string Bob = "U0BOB";

    [Fact]
    public async Task A_swedish_user_shares_in_swedish_from_help_to_card_and_a_swedish_colleague_gets_the_link_in_swedish()
    {
        // The host's clock stands still: on the real one, a cold host on a busy machine can take longer than the language
        // wait (Slack:LanguageWait, half a second) to hear Slack's answer, and the help comes back in English.
        await using var app = await SlackAppClock.StartAsync(new FakeTimeProvider(DateTimeOffset.UtcNow));
        app.Slack.Locales[Alice] = "sv-SE";
        app.Slack.Locales[Bob] = "sv-SE";

        var help = await app.AnswerAsync("help");
        var view = await OpenShareFormAsync(app, Alice);
        var mistake = await SubmitAsync(app, view, Alice, secret: "", passphrase: "Pf7-sv-lösenfras-ok");
        var card = await CardAsync(app, $"share <@{Bob}|bob> Pf7-sv-delad-hemlighet-q8w2");
        var dm = Assert.Single(app.Slack.DirectMessagesTo(Bob)).Body;

        var helpText = Wire(help);
        Assert.Contains("gör om en hemlighet till en länk som fungerar *en gång*", helpText, StringComparison.Ordinal);
        Assert.Contains("\"Dela en hemlighet\"", helpText, StringComparison.Ordinal);
        Assert.Contains("\"Generera ett lösenord\"", helpText, StringComparison.Ordinal);
        Assert.DoesNotContain("turns a secret into a link", helpText, StringComparison.Ordinal);

        Assert.Equal("Dela en hemlighet", view["title"]!["text"]!.GetValue<string>());
        Assert.Equal("Skapa länk", view["submit"]!["text"]!.GetValue<string>());
        Assert.Equal("Avbryt", view["close"]!["text"]!.GetValue<string>());
        Assert.Contains("\"Lösenfras\"", Wire(view), StringComparison.Ordinal);
        Assert.Contains("\"Skicka länken till\"", Wire(view), StringComparison.Ordinal);

        Assert.Equal("errors", mistake["response_action"]!.GetValue<string>());
        var error = mistake["errors"]!["secret"]!.GetValue<string>();
        Assert.StartsWith("Hemligheten är tom.", error, StringComparison.Ordinal);

        // The card and the DM: Slack shows their dates "… kl. 11:06" around its own date words.
        Assert.StartsWith("Engångslänk:", card["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("{date_short_pretty} kl. {time}", Wire(card), StringComparison.Ordinal);
        Assert.StartsWith($"<@{Alice}> har skickat en engångslänk till dig:", dm["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("{date_short_pretty} kl. {time}", Wire(dm), StringComparison.Ordinal);
        Assert.Equal(SlackApp.LinkOn(card), SlackApp.LinkOn(dm));
        Assert.Equal("Pf7-sv-delad-hemlighet-q8w2", await SlackApp.RevealAsync(SlackApp.LinkOn(dm)));

        // Four requests from Alice (help, share, the form, another share), one question to Slack about her; one about Bob.
        Assert.Single(LanguageLookups(app, Alice));
        Assert.Single(LanguageLookups(app, Bob));
        Assert.All(app.Slack.CallsOf("users.info"), c => Assert.Equal("true", c.Body["include_locale"]!.GetValue<string>()));
        app.AssertNowhere("Pf7-sv-delad-hemlighet-q8w2", "Pf7-sv-lösenfras-ok");
    }

    [Fact]
    public async Task A_user_whose_slack_speaks_a_language_onetimebot_does_not_is_answered_in_english()
    {
        await using var app = await SlackApp.StartAsync();
        app.Slack.Locales[Alice] = "fr-FR";

        var help = await app.AnswerAsync("help");
        var view = await OpenShareFormAsync(app, Alice);

        Assert.Contains(":lock: *OneTimeBot* turns a secret into a link that works *once*, so it never sits in chat history.", Wire(help), StringComparison.Ordinal);
        Assert.Equal("Share a secret", view["title"]!["text"]!.GetValue<string>());
        Assert.Single(LanguageLookups(app, Alice));
    }

    [Fact]
    public async Task An_english_sender_gets_an_english_card_and_their_swedish_recipient_a_swedish_message()
    {
        // A clock that stands still, so the recipient's language lookup is never given up on (see the first test).
        await using var app = await SlackAppClock.StartAsync(new FakeTimeProvider(DateTimeOffset.UtcNow));
        app.Slack.Locales[Bob] = "sv-SE";

        var card = await CardAsync(app, $"share <@{Bob}|bob> Pf7-en-to-sv-z3x5");
        var dm = Assert.Single(app.Slack.DirectMessagesTo(Bob)).Body;

        Assert.Contains("{date_short_pretty} at {time}", Wire(card), StringComparison.Ordinal);
        Assert.StartsWith("One-time link", card["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith($"<@{Alice}> har skickat en engångslänk till dig:", dm["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("{date_short_pretty} kl. {time}", Wire(dm), StringComparison.Ordinal);
        app.AssertNowhere("Pf7-en-to-sv-z3x5");
    }

    [Fact]
    public async Task When_slack_cannot_say_a_recipients_language_the_message_speaks_the_one_kept_with_them()
    {
        await using var app = await SlackApp.StartAsync();
        app.Slack.On("users.info", FakeResponse.Json("""{"ok":false,"error":"ratelimited"}"""));
        var bob = new Actor(new WorkspaceId(ChatPlatform.Slack, "T0ALPHA"), Bob) { Reach = new ChatReach(Locale: "sv-SE") };
        var card = new SecretCard(
            "k2v9x0c7b4n1m8z5a3s6d9f2g1", SecretStatus.New, new Uri("https://secrets.example.com/secret/kept-locale-link-7h2k"),
            DateTimeOffset.UtcNow.AddDays(1), TimeSpan.FromDays(1), PassphraseRequired: false, Recipient: null, "secrets.example.com", Generated: false);

        var sent = await app.Host.Services.GetRequiredService<DirectMessengers>().SendAsync(bob, new LinkForYou(new Person(Alice), card), default);
        var dm = Assert.Single(app.Slack.DirectMessagesTo(Bob)).Body;

        Assert.True(sent.Sent);
        Assert.StartsWith($"<@{Alice}> har skickat en engångslänk till dig:", dm["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_swedish_requester_hears_in_swedish_that_their_request_was_declined_even_once_slack_no_longer_answers_for_them()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await SlackAppClock.StartAsync(clock);
        app.Slack.Locales[Alice] = "sv-SE";

        await app.AnswerAsync($"request <@{Bob}|bob> lösenordet till testdatabasen");
        var asked = (await app.Slack.WaitForDirectMessagesAsync(Bob))[0].Body;
        // Hours later Slack no longer says Alice's language: the one kept with her request speaks for her.
        clock.Advance(TimeSpan.FromHours(2));
        app.Slack.On("users.info", FakeResponse.Json("""{"ok":false,"error":"ratelimited"}"""));
        await app.Requests.InteractionAsync(SlackRequests.BlockAction(ActionIds.DeclineRequest, SlackApp.ButtonValue(asked, ActionIds.DeclineRequest), app.Slack.NewResponseUrl(), user: Bob, channel: "D0BOB"));
        var told = (await app.Slack.WaitForDirectMessagesAsync(Alice))[0].Body;

        Assert.Equal($"<@{Bob}> avböjde din förfrågan om: lösenordet till testdatabasen", told["text"]!.GetValue<string>());
        Assert.StartsWith($"<@{Alice}> asks you for", asked["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slow_language_lookup_holds_a_command_up_no_longer_than_its_wait_and_the_answer_is_english_until_slack_says()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await SlackAppClock.StartAsync(clock);
        app.Slack.Locales[Alice] = "sv-SE";
        // Slack answers only once the first command has been answered, however long the host takes to give up on it.
        var slack = new BackendHold();
        app.Slack.On("users.info", call => FakeResponse.Json(new JsonObject
        {
            ["ok"] = true,
            ["user"] = new JsonObject { ["id"] = call.Body["user"]!.DeepClone(), ["locale"] = "sv-SE" },
        }.ToJsonString()).Until(slack));

        var pending = app.Requests.CommandAsync("help", app.Slack.NewResponseUrl());
        await app.Slack.WaitForCallsAsync("users.info");
        // The command waits on the host's clock: Slack:LanguageWait (0.5 s) passes there while Slack is still thinking.
        while (!pending.IsCompleted)
        {
            clock.Advance(TimeSpan.FromSeconds(0.5));
            await Task.WhenAny(pending, Task.Delay(50));
        }

        var first = await SlackApp.JsonAsync(await pending);
        slack.Release();
        // Slack answers later; from then on its answer is used, and Slack is not asked again.
        JsonObject? later = null;
        for (var tries = 0; tries < 300 && (later is null || !Wire(later).Contains("gör om en hemlighet", StringComparison.Ordinal)); tries++)
        {
            later = await app.AnswerAsync("help");
            await Task.Delay(50);
        }

        Assert.Contains("turns a secret into a link", Wire(first), StringComparison.Ordinal);
        Assert.Contains("gör om en hemlighet till en länk", Wire(later!), StringComparison.Ordinal);
        Assert.Single(LanguageLookups(app, Alice));
    }

    [Fact]
    public async Task A_modal_submission_is_answered_without_waiting_for_a_slow_language_lookup_in_the_language_last_known()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await SlackAppClock.StartAsync(clock);
        app.Slack.Locales[Alice] = "sv-SE";
        var view = await OpenShareFormAsync(app, Alice);

        // An hour later Slack is asked again, and does not answer until the submission has been answered: the host's
        // clock stands still, so a submission that waited for the language would never be answered.
        clock.Advance(SlackUserLanguages.Memory + TimeSpan.FromMinutes(1));
        var slack = new BackendHold();
        app.Slack.On("users.info", call => FakeResponse.Json(new JsonObject
        {
            ["ok"] = true,
            ["user"] = new JsonObject { ["id"] = call.Body["user"]!.DeepClone(), ["locale"] = "sv-SE" },
        }.ToJsonString()).Until(slack));
        var mistake = await SubmitAsync(app, view, Alice, secret: "", passphrase: "Pf7-modal-utan-väntan-r4t");
        var asked = slack.Reached.IsCompleted || await Task.WhenAny(slack.Reached, Task.Delay(TimeSpan.FromSeconds(30))) == slack.Reached;
        slack.Release();

        Assert.Equal("errors", mistake["response_action"]!.GetValue<string>());
        Assert.StartsWith("Hemligheten är tom.", mistake["errors"]!["secret"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(asked);
        app.AssertNowhere("Pf7-modal-utan-väntan-r4t");
    }

    private static IReadOnlyList<SlackApiCall> LanguageLookups(SlackApp app, string user) =>
        [.. app.Slack.CallsOf("users.info").Where(c => c.Body["user"]?.GetValue<string>() == user)];

    private static async Task<JsonObject> OpenShareFormAsync(SlackApp app, string user)
    {
        var opened = await app.Requests.CommandAsync("share", app.Slack.NewResponseUrl(), user: user);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var view = (await app.Slack.WaitForCallsAsync("views.open"))[^1].Body["view"]!.AsObject();
        Assert.Empty(Testing.Slack.PublishedBlockKitLimits.ViewViolations(view));
        return view;
    }

    private static async Task<JsonObject> SubmitAsync(SlackApp app, JsonObject view, string user, string secret, string passphrase) =>
        await SlackApp.JsonAsync(await app.Requests.InteractionAsync(SlackRequests.ViewSubmission(view, new Dictionary<string, JsonObject>
        {
            ["secret"] = SlackRequests.Typed(secret),
            ["passphrase"] = SlackRequests.Typed(passphrase),
            ["ttl"] = SlackRequests.Chosen("1h"),
        }, user: user)));

    private static async Task<JsonObject> CardAsync(SlackApp app, string text)
    {
        var responseUrl = app.Slack.NewResponseUrl();
        var reply = await SlackApp.JsonAsync(await app.Requests.CommandAsync(text, responseUrl));
        var card = reply["blocks"]!.ToJsonString().Contains("/secret/", StringComparison.Ordinal)
            ? reply
            : (await app.Slack.WaitForPostsAsync(responseUrl))[0].Body;
        Testing.Slack.PublishedBlockKitLimits.Violations(card).ToList().ForEach(v => Assert.Fail(v));
        return card;
    }

    private static string Wire(JsonNode node) => node.ToJsonString(SlackReply.WireOptions);
}
