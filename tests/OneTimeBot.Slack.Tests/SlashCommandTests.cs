using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Slack.Configuration;
using OneTimeBot.Testing;
using OneTimeBot.Testing.Slack;

namespace OneTimeBot.Slack.Tests;

/// <summary>/onetime as a user types it, through the real host, answered privately.</summary>
public sealed class SlashCommandTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("")]
    [InlineData("help")]
    [InlineData("  HELP ")]
    public async Task Help_is_a_short_private_message_with_share_and_generate_buttons(string text)
    {
        await using var app = await SlackApp.StartAsync();

        var reply = await app.AnswerAsync(text);

        Assert.Equal("ephemeral", reply["response_type"]!.GetValue<string>());
        Assert.Contains("/onetime generate [expiry] [length]", reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal([ActionIds.OpenShareForm, ActionIds.OpenGenerateForm], SlackApp.ActionIds(reply));
        SlackApp.AssertWithinBlockKitLimits(reply);
    }

    [Fact]
    public async Task Share_with_text_answers_a_private_card_whose_link_reveals_the_text_verbatim_once()
    {
        await using var app = await SlackApp.StartAsync();
        const string secret = "  correct horse\nbattery staple & <b>  ";
        TestRunLedger.Secret(secret);

        // As Slack sends it: the command escapes what it was typed with.
        var reply = await app.AnswerAsync("share " + SlackRequests.Escaped(secret));
        var link = SlackApp.LinkOn(reply);

        Assert.Equal("ephemeral", reply["response_type"]!.GetValue<string>());
        Assert.Contains("(expires in 1 week)", reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal([ActionIds.CheckStatus, ActionIds.Burn], SlackApp.ActionIds(reply));
        Assert.DoesNotContain(reply["blocks"]!.AsArray().OfType<JsonObject>().SelectMany(b => b["elements"]?.AsArray() ?? []), e => e?["url"] is not null);
        SlackApp.AssertWithinBlockKitLimits(reply);
        Assert.Equal(secret, await SlackApp.RevealAsync(link));
        Assert.Null(await SlackApp.RevealAsync(link));
        Assert.DoesNotContain("correct horse", reply.ToJsonString(), StringComparison.Ordinal);
        app.AssertNowhere("correct horse", "battery staple");
    }

    [Fact]
    public async Task Generate_with_expiry_and_length_makes_a_password_of_that_length_behind_a_link()
    {
        await using var app = await SlackApp.StartAsync();

        var reply = await app.AnswerAsync("generate 24h 20");
        var password = await SlackApp.RevealAsync(SlackApp.LinkOn(reply));

        Assert.Contains("Generated password", reply.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("(expires in 1 day)", reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(20, password!.Length);
        SlackApp.AssertWithinBlockKitLimits(reply);
        app.AssertNowhere(password);
    }

    [Theory]
    [InlineData("generate 2y", "expiry")]
    [InlineData("generate 1h 3", "4 to 128")]
    [InlineData("generate 45d", "longer than this workspace allows")]
    public async Task Generate_with_bad_input_says_what_was_wrong_and_creates_nothing(string text, string expected)
    {
        await using var app = await SlackApp.StartAsync();

        var reply = await app.AnswerAsync(text);

        Assert.Equal("ephemeral", reply["response_type"]!.GetValue<string>());
        Assert.Contains(expected, reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(SlackApp.ActionIds(reply));
        SlackApp.AssertWithinBlockKitLimits(reply);
    }

    [Fact]
    public async Task An_unknown_command_says_what_was_not_understood_and_shows_the_usage_without_echoing_a_possible_secret()
    {
        await using var app = await SlackApp.StartAsync();

        var near = await app.AnswerAsync("shar hunter2");
        var far = await app.AnswerAsync("Tr0ub4dor&3");

        Assert.Contains("Did you mean share?", near["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("isn't a command I know", far["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("share &lt;secret&gt;", far.ToJsonString(SlackReply.WireOptions), StringComparison.Ordinal);
        Assert.DoesNotContain("Tr0ub4dor", far.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", near.ToJsonString(), StringComparison.Ordinal);
        app.AssertNowhere("Tr0ub4dor", "hunter2");
    }

    [Fact]
    public async Task With_a_backend_slower_than_slacks_3_s_every_command_is_acked_when_the_inline_wait_runs_out_and_the_card_still_arrives()
    {
        await using var backend = await FakeOnetimeSecretServer.StartAsync();
        var now = DateTimeOffset.UtcNow;
        var (shareHeld, generateHeld) = (new BackendHold(), new BackendHold());
        backend.On("POST", "/api/v1/share", FakeResponse.Json(OtsAnswers.Receipt("new", now, 604800)).Until(shareHeld));
        backend.On("POST", "/api/v1/generate", FakeResponse.Json(OtsAnswers.Receipt("new", now, 3600, value: "Gen3ratedValue")).Until(generateHeld));
        var clock = new WatchedClock(now);
        await using var app = await SlackAppClock.StartAsync(clock, new Dictionary<string, string?> { ["OneTimeSecret:Backend"] = backend.BaseUri.ToString() });
        var inlineWait = app.Host.Services.GetRequiredService<IOptions<SlackOptions>>().Value.InlineWait;

        foreach (var (text, held) in new[] { ("share slow-backend-secret", shareHeld), ("generate 1h 16", generateHeld) })
        {
            var responseUrl = app.Slack.NewResponseUrl();
            var waitsBefore = clock.TimersStarted(inlineWait);
            var acking = app.Requests.CommandAsync(text, responseUrl);
            // The backend has not answered and will not until released: only the inline wait running out can answer Slack.
            await clock.TimersStartedAsync(inlineWait, waitsBefore + 1, Patience);
            clock.Advance(inlineWait);
            var ack = await SlackApp.JsonAsync(await acking);
            held.Release();
            var card = (await app.Slack.WaitForPostsAsync(responseUrl, timeout: Patience))[0].Body;

            Assert.Contains("…", ack["text"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Empty(SlackApp.ActionIds(ack));
            // What SlackApp.AnswerAsync, which the other tests use, takes for an ack to wait past.
            Assert.True(SlackApp.IsProgressLine(ack));
            Assert.False(SlackApp.IsProgressLine(card));
            Assert.Equal(backend.BaseUri.Port, SlackApp.LinkOn(card).Port);
            Assert.Equal("ephemeral", card["response_type"]!.GetValue<string>());
            SlackApp.AssertWithinBlockKitLimits(card);
        }

        // Slack's budget for answering a command, as Slack publishes it.
        Assert.True(inlineWait < TimeSpan.FromSeconds(3), $"the inline wait of {inlineWait} is not inside Slack's 3 s");
        Assert.Equal(1, backend.CountOf("POST", "/api/v1/share"));
        Assert.Equal(1, backend.CountOf("POST", "/api/v1/generate"));
        app.AssertNowhere("slow-backend-secret", "Gen3ratedValue");
    }

    [Fact]
    public async Task A_backend_that_is_down_gets_a_clear_private_message_not_an_error_page()
    {
        await using var app = await SlackApp.StartAsync(new Dictionary<string, string?>
        {
            ["OneTimeSecret:Backend"] = $"http://127.0.0.1:{FreePort.Next()}",
            ["Slack:InlineWait"] = "00:00:02.500",
            // The language wait comes out of the same 3 s: together they may take 2.8 s at most.
            ["Slack:LanguageWait"] = "00:00:00.300",
        });

        var response = await app.Requests.CommandAsync("share down-backend-secret", app.Slack.NewResponseUrl());
        var reply = await SlackApp.JsonAsync(response);

        Assert.Contains("is not answering right now. Nothing was shared.", reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("ephemeral", reply["response_type"]!.GetValue<string>());
        app.AssertNowhere("down-backend-secret");
    }

    [Fact]
    public async Task Past_the_per_user_limit_a_share_gets_a_friendly_private_message_and_creates_nothing()
    {
        // Ten seconds into a minute, and held there: the one-minute window cannot roll over between the requests.
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 12, 0, 10, TimeSpan.Zero));
        await using var app = await SlackAppClock.StartAsync(clock, new Dictionary<string, string?> { ["CreationLimits:PerUserPerMinute"] = "2" });

        var allowed = new[] { await app.AnswerAsync("share first-of-two"), await app.AnswerAsync("generate 1h") };
        var refused = await app.AnswerAsync("share one-too-many-5e5e");
        var colleague = await app.AnswerAsync("share from-a-colleague", user: "U0BOB");

        Assert.All(allowed, r => Assert.StartsWith("One-time link", r["text"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.Equal("ephemeral", refused["response_type"]!.GetValue<string>());
        Assert.Contains("You have created 2 secrets in the last minute, which is the limit.", refused["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Nothing was shared.", refused["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("One-time link", colleague["text"]!.GetValue<string>(), StringComparison.Ordinal);
        app.AssertNowhere("one-too-many-5e5e");
    }

    [Fact]
    public async Task Share_alone_opens_the_share_modal_carrying_the_commands_response_url_and_channel()
    {
        await using var app = await SlackApp.StartAsync();
        var responseUrl = app.Slack.NewResponseUrl();

        var response = await app.Requests.CommandAsync("share", responseUrl, channel: "C0SECRETS");
        var open = (await app.Slack.WaitForCallsAsync("views.open"))[0];
        var view = open.Body["view"]!.AsObject();
        var metadata = JsonNode.Parse(view["private_metadata"]!.GetValue<string>())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Equal("Bearer " + SlackApp.BotToken, open.Authorization);
        Assert.StartsWith("13345224609.738474920.", open.Body["trigger_id"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("share_secret", view["callback_id"]!.GetValue<string>());
        Assert.Equal(responseUrl.ToString(), metadata["response_url"]!.GetValue<string>());
        Assert.Equal("C0SECRETS", metadata["channel"]!.GetValue<string>());
        Assert.Equal(["secret", "ttl", "passphrase", "send_to", "recipient"], view["blocks"]!.AsArray().OfType<JsonObject>().Where(b => b["type"]!.GetValue<string>() == "input").Select(b => b["block_id"]!.GetValue<string>()));
        Assert.Equal("7d", view["blocks"]![1]!["element"]!["initial_option"]!["value"]!.GetValue<string>());
        Assert.Empty(PublishedBlockKitLimits.ViewViolations(view));
    }

    [Fact]
    public async Task A_failure_to_open_the_modal_is_explained_privately()
    {
        await using var app = await SlackApp.StartAsync();
        app.Slack.On("views.open", FakeResponse.Json("""{"ok":false,"error":"expired_trigger_id"}"""));

        var reply = await app.AnswerAsync("share");

        Assert.Contains("expired_trigger_id", reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("/onetime share <secret>", reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
