using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Slack.Configuration;
using OneTimeBot.Testing;
using OneTimeBot.Testing.Slack;

namespace OneTimeBot.Slack.Tests;

/// <summary>The share and generate modals: open, submit, and the card arriving where the modal was opened from.</summary>
public sealed class ModalTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static async Task<JsonObject> OpenShareModalAsync(SlackApp app, Uri responseUrl)
    {
        var opened = await app.Requests.CommandAsync("share", responseUrl);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        return (await app.Slack.WaitForCallsAsync("views.open"))[^1].Body["view"]!.AsObject();
    }

    [Fact]
    public async Task Submitting_the_share_modal_closes_it_and_posts_the_card_to_the_commands_response_url()
    {
        await using var app = await SlackApp.StartAsync();
        var responseUrl = app.Slack.NewResponseUrl();
        var view = await OpenShareModalAsync(app, responseUrl);

        var submitted = await app.Requests.InteractionAsync(SlackRequests.ViewSubmission(view, new Dictionary<string, JsonObject>
        {
            ["secret"] = SlackRequests.Typed("modal-secret-4f7a\nsecond line"),
            ["ttl"] = SlackRequests.Chosen("1h"),
            ["passphrase"] = SlackRequests.Typed("open sesame"),
            ["recipient"] = SlackRequests.Typed("bob@example.com"),
        }));
        var card = (await app.Slack.WaitForPostsAsync(responseUrl))[0].Body;
        var link = SlackApp.LinkOn(card);

        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Equal("", await submitted.Content.ReadAsStringAsync());
        Assert.Equal("ephemeral", card["response_type"]!.GetValue<string>());
        Assert.Contains("(expires in 1 hour)", card["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var facts = card.ToJsonString(SlackReply.WireOptions);
        Assert.Contains("Required: tell it to the recipient another way", facts, StringComparison.Ordinal);
        Assert.DoesNotContain("bob@example.com", facts, StringComparison.Ordinal);
        Assert.Contains("*Recipient*", facts, StringComparison.Ordinal);
        Assert.Equal([ActionIds.CheckStatus, ActionIds.BurnWithPassphrase], SlackApp.ActionIds(card));
        SlackApp.AssertWithinBlockKitLimits(card);
        Assert.Null(await SlackApp.RevealAsync(link, "wrong passphrase"));
        Assert.Equal("modal-secret-4f7a\nsecond line", await SlackApp.RevealAsync(link, "open sesame"));
        app.AssertNowhere("modal-secret-4f7a", "open sesame");
    }

    [Theory]
    [InlineData("secret", "", "passphrase", "ok-passphrase", "secret", "The secret is empty.")]
    [InlineData("secret", "s3cr3t-kept", "passphrase", "abc", "passphrase", "passphrase must be 4 to 128")]
    [InlineData("secret", "s3cr3t-kept", "recipient", "not-an-email", "recipient", "email")]
    public async Task Bad_input_keeps_the_modal_open_with_the_problem_beside_its_field_and_shares_nothing(
        string block1, string value1, string block2, string value2, string errorBlock, string expected)
    {
        await using var app = await SlackApp.StartAsync();
        var responseUrl = app.Slack.NewResponseUrl();
        var view = await OpenShareModalAsync(app, responseUrl);

        var answer = await SlackApp.JsonAsync(await app.Requests.InteractionAsync(SlackRequests.ViewSubmission(view, new Dictionary<string, JsonObject>
        {
            [block1] = SlackRequests.Typed(value1),
            [block2] = SlackRequests.Typed(value2),
            ["ttl"] = SlackRequests.Chosen("1h"),
        })));

        Assert.Equal("errors", answer["response_action"]!.GetValue<string>());
        var errors = answer["errors"]!.AsObject();
        Assert.Equal([errorBlock], errors.Select(e => e.Key));
        Assert.Contains(expected, errors[errorBlock]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        await app.Host.Services.FollowUpsFinishedAsync();
        Assert.Empty(app.Slack.PostsTo(responseUrl));
        app.AssertNowhere("s3cr3t-kept");
    }

    [Fact]
    public async Task A_backend_slower_than_slacks_three_seconds_keeps_the_modal_open_with_an_error_once_the_modal_budget_runs_out()
    {
        await using var backend = await FakeOnetimeSecretServer.StartAsync();
        var held = new BackendHold();
        backend.On("POST", "/api/v1/share", FakeResponse.Json(OtsAnswers.Receipt("new", DateTimeOffset.UtcNow, 3600)).Until(held));
        await using var app = await SlackApp.StartAsync(new Dictionary<string, string?>
        {
            ["OneTimeSecret:Backend"] = backend.BaseUri.ToString(),
            // Every other budget as long as it may be, so that an answer in the test's time can only come from the modal's.
            ["Slack:FollowUpBudget"] = "00:05:00",
            ["OneTimeSecret:Http:AttemptTimeout"] = "00:01:00",
            ["OneTimeSecret:Http:TotalTimeout"] = "00:05:00",
            ["OneTimeSecret:Http:CircuitSamplingDuration"] = "00:02:00",
        });
        var modalBudget = app.Host.Services.GetRequiredService<IOptions<SlackOptions>>().Value.ModalBudget;
        var view = await OpenShareModalAsync(app, app.Slack.NewResponseUrl());

        // The backend never answers: the modal is answered because the host gave up on it, not because it replied.
        var answer = await SlackApp.JsonAsync(await app.Requests.InteractionAsync(SlackRequests.ViewSubmission(view, new Dictionary<string, JsonObject>
        {
            ["secret"] = SlackRequests.Typed("slow-modal-secret"),
            ["ttl"] = SlackRequests.Chosen("1h"),
        })).WaitAsync(Patience));
        await held.Abandoned.WaitAsync(Patience);

        // Slack's budget for answering a modal submission, as Slack publishes it.
        Assert.True(modalBudget < TimeSpan.FromSeconds(3), $"the modal budget of {modalBudget} is not inside Slack's 3 s");
        Assert.False(held.IsReleased);
        Assert.Equal(1, backend.CountOf("POST", "/api/v1/share"));
        Assert.Equal("errors", answer["response_action"]!.GetValue<string>());
        Assert.Contains("not answering", answer["errors"]!["secret"]!.GetValue<string>(), StringComparison.Ordinal);
        app.AssertNowhere("slow-modal-secret");
    }

    [Fact]
    public async Task The_generate_button_in_the_help_opens_the_generate_modal_whose_submission_posts_a_generated_password_card()
    {
        await using var app = await SlackApp.StartAsync();
        var helpUrl = app.Slack.NewResponseUrl();

        var pressed = await app.Requests.InteractionAsync(SlackRequests.BlockAction(ActionIds.OpenGenerateForm, "generate", helpUrl));
        var view = (await app.Slack.WaitForCallsAsync("views.open"))[0].Body["view"]!.AsObject();
        var submitted = await app.Requests.InteractionAsync(SlackRequests.ViewSubmission(view, new Dictionary<string, JsonObject>
        {
            ["ttl"] = SlackRequests.Chosen("15m"),
            ["length"] = SlackRequests.Typed("32"),
        }));
        var card = (await app.Slack.WaitForPostsAsync(helpUrl))[0].Body;
        var password = await SlackApp.RevealAsync(SlackApp.LinkOn(card));

        Assert.Equal(HttpStatusCode.OK, pressed.StatusCode);
        Assert.Equal("generate_password", view["callback_id"]!.GetValue<string>());
        Assert.Empty(PublishedBlockKitLimits.ViewViolations(view));
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Contains("(expires in 15 minutes)", card["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(32, password!.Length);
        app.AssertNowhere(password);
    }

    [Fact]
    public async Task A_length_out_of_range_in_the_generate_modal_is_shown_beside_the_length()
    {
        await using var app = await SlackApp.StartAsync();
        await app.Requests.InteractionAsync(SlackRequests.BlockAction(ActionIds.OpenGenerateForm, "generate", app.Slack.NewResponseUrl()));
        var view = (await app.Slack.WaitForCallsAsync("views.open"))[0].Body["view"]!.AsObject();

        var answer = await SlackApp.JsonAsync(await app.Requests.InteractionAsync(SlackRequests.ViewSubmission(view, new Dictionary<string, JsonObject>
        {
            ["ttl"] = SlackRequests.Chosen("15m"),
            ["length"] = SlackRequests.Typed("500"),
        })));

        Assert.Contains("4 to 128", answer["errors"]!["length"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
