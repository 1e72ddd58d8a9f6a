using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OneTimeBot.Testing;

namespace OneTimeBot.Teams.Tests;

/// <summary>
/// Alice asks Bob for a secret in the Teams chat: <c>request</c> shows a form with Teams' people picker; Bob's card
/// offers Send it securely and Decline, becomes the answer form, and then what he did. Only a one-time link reaches
/// Alice, in her chat with the bot; no chat holds the secret.
/// </summary>
public sealed class SecretRequestTests
{
    private const string BobAad = "b0b00000-0000-4000-8000-000000000002";
    private const string Note = "the Tq1-unique staging DB password";

    [Fact]
    public async Task Request_shows_a_form_with_teams_people_picker_whose_submission_asks_the_person_picked_and_tells_the_requester()
    {
        await using var app = await TeamsApp.StartAsync();
        app.BotFramework.AddPerson(BobAad, "Bob Builder");

        await app.SendAsync(app.Activity("message", "request"));
        var form = (await app.BotFramework.WaitForCallsAsync(1))[0].Card!;
        await app.SendAsync(app.Activity("message", value: new JsonObject { ["action"] = "submitRequest", ["person"] = BobAad, ["note"] = Note }, replyToId: "form-card-1"));
        var asked = (await app.BotFramework.WaitForMessagesToAsync(BobAad))[0].Card!;
        var sent = await UpdateOfAsync(app, "form-card-1");

        var picker = Input(form, "person");
        Assert.Equal("Input.ChoiceSet", picker["type"]!.GetValue<string>());
        Assert.Equal("Data.Query", picker["choices.data"]!["type"]!.GetValue<string>());
        Assert.Equal("graph.microsoft.com/users", picker["choices.data"]!["dataset"]!.GetValue<string>());
        Assert.False(picker["isMultiSelect"]!.GetValue<bool>());
        Assert.Contains($"Alice asks you for: {Note}", TeamsApp.TextsOf(asked));
        Assert.Equal(["answerRequest", "declineRequest"], asked["actions"]!.AsArray().Select(a => a!["data"]!["action"]!.GetValue<string>()));
        Assert.Equal("📨 Your request is on its way", TeamsApp.TitleOf(sent));
        Assert.Contains($"I asked Bob Builder for: {Note}", TeamsApp.TextsOf(sent));
        Assert.DoesNotContain("Tq1-unique", app.Host.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mistake_in_the_request_form_shows_it_again_with_the_pick_and_the_problem_and_asks_nobody()
    {
        await using var app = await TeamsApp.StartAsync();

        await app.SendAsync(app.Activity("message", value: new JsonObject { ["action"] = "submitRequest", ["person"] = TeamsApp.AliceAad, ["note"] = Note }, replyToId: "form-card-2"));
        var again = await UpdateOfAsync(app, "form-card-2");

        Assert.Contains("⚠️ You can't ask yourself for a secret. Pick the person who has it.", TeamsApp.TextsOf(again));
        Assert.Equal(TeamsApp.AliceAad, Input(again, "person")["value"]!.GetValue<string>());
        Assert.Equal(Note, Input(again, "note")["value"]!.GetValue<string>());
        Assert.Empty(app.BotFramework.CallsTo("/teams/v3/conversations/a%3A1on1"));
    }

    [Fact]
    public async Task The_answer_reaches_the_requester_as_a_link_with_the_note_never_the_secret_and_bobs_card_says_what_went_to_whom()
    {
        await using var app = await TeamsApp.StartAsync();
        var requestId = await AskBobAsync(app);

        await app.SendAsync(Bob(app, new JsonObject { ["action"] = "answerRequest", ["requestId"] = requestId }, "bob-card-1"));
        var answerForm = await UpdateOfAsync(app, "bob-card-1");
        await app.SendAsync(Bob(app, new JsonObject
        {
            ["action"] = "submitAnswer", ["requestId"] = requestId, ["secret"] = "Tq2-unique-answered-secret-8c9v", ["ttl"] = "1h", ["passphrase"] = "Tq2 unique phrase",
        }, "bob-card-1"));
        var link = (await app.BotFramework.WaitForMessagesToAsync(TeamsApp.AliceAad))[0].Card!;
        var answered = await UpdateOfAsync(app, "bob-card-1", 2);

        Assert.Equal("🔐 Send a secret securely", TeamsApp.TitleOf(answerForm));
        Assert.Contains($"Alice asks you for: **{Note}**", TeamsApp.TextsOf(answerForm));
        Assert.Equal("Password", Input(answerForm, "secret")["style"]!.GetValue<string>());
        Assert.Contains("Bob sent you a one-time link:", TeamsApp.TextsOf(link));
        Assert.Contains($"It answers your request for: {Note}", TeamsApp.TextsOf(link));
        Assert.Equal("✅ Sent securely", TeamsApp.TitleOf(answered));
        Assert.Contains($"You sent Alice a one-time link for: {Note}", TeamsApp.TextsOf(answered));
        Assert.DoesNotContain("/secret/", answered.ToJsonString(), StringComparison.Ordinal);
        Assert.Null(await TeamsApp.RevealAsync(TeamsApp.LinkOn(link), "wrong phrase"));
        Assert.Equal("Tq2-unique-answered-secret-8c9v", await TeamsApp.RevealAsync(TeamsApp.LinkOn(link), "Tq2 unique phrase"));
        app.AssertNowhere("Tq2-unique-answered-secret-8c9v", "Tq2 unique phrase");
    }

    [Fact]
    public async Task A_mistake_in_the_answer_keeps_the_form_with_what_was_typed_but_the_secret_and_a_second_answer_is_refused_kindly()
    {
        await using var app = await TeamsApp.StartAsync();
        var requestId = await AskBobAsync(app);
        JsonObject Answer(string passphrase) => new()
        {
            ["action"] = "submitAnswer", ["requestId"] = requestId, ["secret"] = "Tq3-unique-kept-secret-2m1n", ["ttl"] = "4h", ["passphrase"] = passphrase,
        };

        await app.SendAsync(Bob(app, Answer("abc"), "bob-card-2"));
        var again = await UpdateOfAsync(app, "bob-card-2");
        await app.SendAsync(Bob(app, Answer("Tq3 unique phrase"), "bob-card-2"));
        await app.BotFramework.WaitForMessagesToAsync(TeamsApp.AliceAad);
        await UpdateOfAsync(app, "bob-card-2", 2);
        var replies = app.BotFramework.Calls.Count(c => c.Method == "POST" && c.Path.EndsWith("a%3A1convpersonal/activities", StringComparison.Ordinal));
        await app.SendAsync(Bob(app, Answer("Tq3 unique phrase"), "bob-card-2"));
        var refusal = await ReplyAsync(app, replies + 1);

        Assert.Contains("⚠️ The passphrase must be 4 to 128 characters long; it is 3. Choose a passphrase the recipient can type, and tell it to them another way.", TeamsApp.TextsOf(again));
        Assert.Equal("4h", Input(again, "ttl")["value"]!.GetValue<string>());
        Assert.DoesNotContain("Tq3-unique-kept-secret", again.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("⚠️ You already sent a secret for this request.", TeamsApp.TextsOf(refusal));
        await app.Host.Services.FollowUpsFinishedAsync();
        Assert.Single(app.BotFramework.MessagesTo(TeamsApp.AliceAad));
        Assert.Equal(1, app.Host.RowsIn("bot_receipts"));
        app.AssertNowhere("Tq3-unique-kept-secret-2m1n", "Tq3 unique phrase");
    }

    [Fact]
    public async Task Declining_turns_bobs_card_into_what_he_did_and_tells_the_requester()
    {
        await using var app = await TeamsApp.StartAsync();
        var requestId = await AskBobAsync(app);

        await app.SendAsync(Bob(app, new JsonObject { ["action"] = "declineRequest", ["requestId"] = requestId }, "bob-card-3"));
        var declined = await UpdateOfAsync(app, "bob-card-3");
        var told = (await app.BotFramework.WaitForMessagesToAsync("29:1" + TeamsApp.AliceAad))[0].Card!;

        Assert.Equal("🙅 Declined", TeamsApp.TitleOf(declined));
        Assert.Contains($"You declined Alice's request for: {Note}", TeamsApp.TextsOf(declined));
        Assert.Contains($"Bob declined your request for: {Note}", TeamsApp.TextsOf(told));
    }

    [Fact]
    public async Task A_second_send_it_securely_press_after_the_answer_is_refused_kindly_and_keeps_the_answered_card()
    {
        await using var app = await TeamsApp.StartAsync();
        var requestId = await AskBobAsync(app);
        await app.SendAsync(Bob(app, new JsonObject
        {
            ["action"] = "submitAnswer", ["requestId"] = requestId, ["secret"] = "Tq5-unique-only-answer-7p3k", ["ttl"] = "1h",
        }, "bob-card-5"));
        await app.BotFramework.WaitForMessagesToAsync(TeamsApp.AliceAad);
        await UpdateOfAsync(app, "bob-card-5");
        var replies = PersonalReplies(app);

        await app.SendAsync(Bob(app, new JsonObject { ["action"] = "answerRequest", ["requestId"] = requestId }, "bob-card-5"));
        var refusal = await ReplyAsync(app, replies + 1);

        Assert.Contains("⚠️ You already sent a secret for this request.", TeamsApp.TextsOf(refusal));
        await app.Host.Services.FollowUpsFinishedAsync();
        Assert.Single(app.BotFramework.Calls, c => c.Method == "PUT" && c.Path.EndsWith("/activities/bob-card-5", StringComparison.Ordinal));
        Assert.Single(app.BotFramework.MessagesTo(TeamsApp.AliceAad));
        Assert.Equal(1, app.Host.RowsIn("bot_receipts"));
        app.AssertNowhere("Tq5-unique-only-answer-7p3k");
    }

    [Fact]
    public async Task An_expired_request_can_be_neither_opened_answered_nor_declined_says_so_privately_and_makes_nothing()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await TeamsApp.StartAsync(
            new Dictionary<string, string?> { ["Requests:Ttl"] = "02:00:00" },
            services => services.AddSingleton<TimeProvider>(clock));
        var requestId = await AskBobAsync(app);
        clock.Advance(TimeSpan.FromHours(2));
        var replies = PersonalReplies(app);

        await app.SendAsync(Bob(app, new JsonObject { ["action"] = "answerRequest", ["requestId"] = requestId }, "bob-card-4"));
        var openRefused = await ReplyAsync(app, replies + 1);
        await app.SendAsync(Bob(app, new JsonObject
        {
            ["action"] = "submitAnswer", ["requestId"] = requestId, ["secret"] = "Tq4-unique-too-late-secret-6w2q", ["ttl"] = "1h",
        }, "bob-card-4"));
        var answerRefused = await ReplyAsync(app, replies + 2);
        await app.SendAsync(Bob(app, new JsonObject { ["action"] = "declineRequest", ["requestId"] = requestId }, "bob-card-4"));
        var declineRefused = await ReplyAsync(app, replies + 3);

        Assert.All([openRefused, answerRefused, declineRefused], card => Assert.Equal(
            ["⚠️ This request has expired, so nothing can be sent for it.", "Requests can be answered for 2 hours. If the secret is still needed, the person who asked can send a new request."],
            TeamsApp.TextsOf(card)));
        await app.Host.Services.FollowUpsFinishedAsync();
        Assert.DoesNotContain(app.BotFramework.Calls, c => c.Method == "PUT" && c.Path.EndsWith("/activities/bob-card-4", StringComparison.Ordinal));
        Assert.Empty(app.BotFramework.MessagesTo(TeamsApp.AliceAad));
        Assert.Equal(0, app.Host.RowsIn("bot_receipts"));
        app.AssertNowhere("Tq4-unique-too-late-secret-6w2q");
    }

    [Fact]
    public async Task The_help_offers_a_button_that_opens_the_request_form()
    {
        await using var app = await TeamsApp.StartAsync();

        await app.SendAsync(app.Activity("message", "help"));
        var help = (await app.BotFramework.WaitForCallsAsync(1))[0].Card!;
        await app.SendAsync(app.Activity("message", value: new JsonObject { ["action"] = "openRequestForm" }));
        var form = (await app.BotFramework.WaitForCallsAsync(2))[1].Card!;

        var buttons = help["body"]!.AsArray().OfType<JsonObject>().Where(e => e["type"]!.GetValue<string>() == "ActionSet").SelectMany(e => e["actions"]!.AsArray());
        Assert.Contains(buttons, a => a!["data"]!["action"]!.GetValue<string>() == "openRequestForm");
        Assert.Contains("\"title\":\"request\"", help["body"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("Ask someone for a secret", form["fallbackText"]!.GetValue<string>());
    }

    /// <summary>Alice asks Bob through the form; the id his card's buttons carry.</summary>
    private static async Task<string> AskBobAsync(TeamsApp app)
    {
        await app.SendAsync(app.Activity("message", value: new JsonObject { ["action"] = "submitRequest", ["person"] = BobAad, ["note"] = Note }));
        var asked = (await app.BotFramework.WaitForMessagesToAsync(BobAad))[0].Card!;
        return asked["actions"]![0]!["data"]!["requestId"]!.GetValue<string>();
    }

    /// <summary>A button Bob pressed on the card with id <paramref name="cardId"/>, in his chat with the bot.</summary>
    private static JsonObject Bob(TeamsApp app, JsonObject value, string cardId)
    {
        var activity = app.Activity("message", value: value, fromAad: BobAad, replyToId: cardId);
        activity["from"]!["name"] = "Bob";
        return activity;
    }

    /// <summary>The <paramref name="count"/>th card that replaced the card with id <paramref name="cardId"/>.</summary>
    private static async Task<JsonObject> UpdateOfAsync(TeamsApp app, string cardId, int count = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var updates = app.BotFramework.Calls.Where(c => c.Method == "PUT" && c.Path.EndsWith("/activities/" + Uri.EscapeDataString(cardId), StringComparison.Ordinal)).ToList();
            if (updates.Count >= count)
            {
                return updates[count - 1].Card!;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The card {cardId} was not replaced {count} time(s).");
            await Task.Delay(50);
        }
    }

    /// <summary>How many replies the bot has posted in the personal chat so far.</summary>
    private static int PersonalReplies(TeamsApp app) =>
        app.BotFramework.Calls.Count(c => c.Method == "POST" && c.Path.EndsWith("a%3A1convpersonal/activities", StringComparison.Ordinal));

    /// <summary>The <paramref name="count"/>th reply in the personal chat.</summary>
    private static async Task<JsonObject> ReplyAsync(TeamsApp app, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var replies = app.BotFramework.Calls.Where(c => c.Method == "POST" && c.Path.EndsWith("a%3A1convpersonal/activities", StringComparison.Ordinal)).ToList();
            if (replies.Count >= count)
            {
                return replies[count - 1].Card!;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{count} replies did not arrive.");
            await Task.Delay(50);
        }
    }

    private static JsonObject Input(JsonObject card, string id) =>
        card["body"]!.AsArray().OfType<JsonObject>().Single(e => e["id"]?.GetValue<string>() == id);
}
