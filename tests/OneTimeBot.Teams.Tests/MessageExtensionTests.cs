using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneTimeBot.Teams.Configuration;
using OneTimeBot.Testing;

namespace OneTimeBot.Teams.Tests;

/// <summary>The message extension: fetchTask opens the form, submitAction puts a card in the compose box.</summary>
public sealed class MessageExtensionTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Fetch_task_opens_the_share_form_as_a_dialog_with_a_password_field_and_the_default_expiry()
    {
        await using var app = await TeamsApp.StartAsync();

        var answer = await TeamsApp.JsonAsync(await app.SendAsync(app.Invoke("composeExtension/fetchTask", "shareSecret")));
        var card = answer["task"]!["value"]!["card"]!["content"]!.AsObject();
        var inputs = card["body"]!.AsArray().OfType<JsonObject>().Where(e => e["type"]!.GetValue<string>().StartsWith("Input.", StringComparison.Ordinal)).ToList();

        Assert.Equal("continue", answer["task"]!["type"]!.GetValue<string>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", answer["task"]!["value"]!["card"]!["contentType"]!.GetValue<string>());
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        Assert.Equal(["secret", "ttl", "passphrase", "sendTo", "recipient"], inputs.Select(i => i["id"]!.GetValue<string>()));
        Assert.Equal("Password", inputs[0]["style"]!.GetValue<string>());
        Assert.True(inputs[0]["fallback"]!["isMultiline"]!.GetValue<bool>());
        Assert.Equal("7d", inputs[1]["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Submit_action_puts_a_card_with_the_link_in_the_compose_box_and_the_link_reveals_the_secret_once()
    {
        await using var app = await TeamsApp.StartAsync();

        var answer = await TeamsApp.JsonAsync(await app.SendAsync(app.Invoke("composeExtension/submitAction", "shareSecret", new JsonObject
        {
            ["secret"] = "teams-secret-7f3a",
            ["ttl"] = "1h",
            ["passphrase"] = "",
            ["recipient"] = "",
            ["action"] = "share",
        })));
        var card = answer["composeExtension"]!["attachments"]![0]!["content"]!.AsObject();
        var link = TeamsApp.LinkOn(card);

        Assert.Equal("result", answer["composeExtension"]!["type"]!.GetValue<string>());
        Assert.Contains("expires in 1 hour", card["fallbackText"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("{{DATE(", card.ToJsonString(), StringComparison.Ordinal);
        // The card goes out in the user's message: it speaks to its recipients, not to the sender.
        Assert.Equal("🔒 A one-time secret", TeamsApp.TitleOf(card));
        Assert.Contains(TeamsApp.TextsOf(card), t => t == "Opening the link shows the secret once and destroys it. Only its recipient should open it.");
        Assert.DoesNotContain(TeamsApp.TextsOf(card), t => t.Contains("don't open it yourself", StringComparison.Ordinal));
        Assert.Equal("teams-secret-7f3a", await TeamsApp.RevealAsync(link));
        Assert.Null(await TeamsApp.RevealAsync(link));
        Assert.DoesNotContain("teams-secret-7f3a", answer.ToJsonString(), StringComparison.Ordinal);
        app.AssertNowhere("teams-secret-7f3a");
    }

    [Fact]
    public async Task Invalid_input_returns_the_form_again_with_the_users_values_and_the_problem_but_never_the_secret()
    {
        await using var app = await TeamsApp.StartAsync();

        var answer = await TeamsApp.JsonAsync(await app.SendAsync(app.Invoke("composeExtension/submitAction", "shareSecret", new JsonObject
        {
            ["secret"] = "kept-out-of-the-form-1234",
            ["ttl"] = "15m",
            ["passphrase"] = "abc",
            ["recipient"] = "bob@example.com",
            ["action"] = "share",
        })));
        var card = answer["task"]!["value"]!["card"]!["content"]!.AsObject();
        var text = card.ToJsonString();

        Assert.Equal("continue", answer["task"]!["type"]!.GetValue<string>());
        Assert.Contains("passphrase must be 4 to 128", text, StringComparison.Ordinal);
        Assert.Contains("bob@example.com", text, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"15m\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("kept-out-of-the-form-1234", text, StringComparison.Ordinal);
        app.AssertNowhere("kept-out-of-the-form-1234");
    }

    [Fact]
    public async Task Generate_password_fetch_and_submit_make_a_password_of_the_chosen_length()
    {
        await using var app = await TeamsApp.StartAsync();

        var form = await TeamsApp.JsonAsync(await app.SendAsync(app.Invoke("composeExtension/fetchTask", "generatePassword")));
        var answer = await TeamsApp.JsonAsync(await app.SendAsync(app.Invoke("composeExtension/submitAction", "generatePassword", new JsonObject
        {
            ["ttl"] = "30m",
            ["length"] = "24",
            ["action"] = "generate",
        })));
        var card = answer["composeExtension"]!["attachments"]![0]!["content"]!.AsObject();
        var password = await TeamsApp.RevealAsync(TeamsApp.LinkOn(card));

        Assert.Contains("Input.Number", form.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(24, password!.Length);
        app.AssertNowhere(password);
    }

    [Theory]
    [InlineData("composeExtension/submitAction", "searchSecrets")]
    [InlineData("composeExtension/fetchTask", "")]
    [InlineData("composeExtension/queryLink", "shareSecret")]
    public async Task An_invoke_with_no_route_is_answered_with_a_message_saying_nothing_happened(string name, string commandId)
    {
        await using var app = await TeamsApp.StartAsync();

        var answer = await TeamsApp.JsonAsync(await app.SendAsync(app.Invoke(name, commandId, new JsonObject { ["secret"] = "Pf7-unrouted-invoke-q2w9", ["action"] = "share" })));

        Assert.Equal("message", answer["task"]!["type"]!.GetValue<string>());
        Assert.Equal("That request is not one OneTimeBot knows, so nothing happened.", answer["task"]!["value"]!.GetValue<string>());
        Assert.Equal(0, app.Host.RowsIn("bot_receipts"));
    }

    [Theory]
    [InlineData("adaptiveCard/action")]
    [InlineData("task/fetch")]
    [InlineData("signin/verifyState")]
    [InlineData("config/fetch")]
    public async Task An_invoke_teams_sends_outside_the_message_extension_gets_an_empty_answer_and_its_name_is_logged(string name)
    {
        await using var app = await TeamsApp.StartAsync();

        var answer = await TeamsApp.JsonAsync(await app.SendAsync(app.Invoke(name, "shareSecret", new JsonObject { ["secret"] = "Pf7-foreign-invoke-r5t7", ["action"] = "share" })));

        Assert.Empty(answer);
        Assert.Contains(app.Host.Logs.Entries, e => e.Level == LogLevel.Information && e.Message == $"No route for the Teams invoke '{name}': answered with an empty 200");
        Assert.Equal(0, app.Host.RowsIn("bot_receipts"));
        app.AssertNowhere("Pf7-foreign-invoke-r5t7");
    }

    [Fact]
    public async Task A_backend_slower_than_teams_five_seconds_gets_a_clear_message_once_the_invoke_budget_runs_out()
    {
        await using var backend = await FakeOnetimeSecretServer.StartAsync();
        var held = new BackendHold();
        backend.On("POST", "/api/v1/share", FakeResponse.Json(OtsAnswers.Receipt("new", DateTimeOffset.UtcNow, 3600)).Until(held));
        await using var app = await TeamsApp.StartAsync(new Dictionary<string, string?>
        {
            ["OneTimeSecret:Backend"] = backend.BaseUri.ToString(),
            // Every other budget as long as it may be, so that an answer in the test's time can only come from the invoke's.
            ["Teams:FollowUpBudget"] = "00:05:00",
            ["OneTimeSecret:Http:AttemptTimeout"] = "00:01:00",
            ["OneTimeSecret:Http:TotalTimeout"] = "00:05:00",
            ["OneTimeSecret:Http:CircuitSamplingDuration"] = "00:02:00",
        });
        var invokeBudget = app.Host.Services.GetRequiredService<IOptions<TeamsOptions>>().Value.InvokeBudget;

        // The backend never answers: the invoke is answered because the host gave up on it, not because it replied.
        var answer = await TeamsApp.JsonAsync(await app.SendAsync(app.Invoke("composeExtension/submitAction", "shareSecret", new JsonObject
        {
            ["secret"] = "slow-teams-secret",
            ["ttl"] = "1h",
            ["action"] = "share",
        })).WaitAsync(Patience));
        await held.Abandoned.WaitAsync(Patience);

        // Teams' budget for answering an invoke, as Microsoft publishes it.
        Assert.True(invokeBudget < TimeSpan.FromSeconds(5), $"the invoke budget of {invokeBudget} is not inside Teams' 5 s");
        Assert.False(held.IsReleased);
        Assert.Equal(1, backend.CountOf("POST", "/api/v1/share"));
        Assert.Equal("message", answer["task"]!["type"]!.GetValue<string>());
        Assert.Contains("not answering", answer["task"]!["value"]!.GetValue<string>(), StringComparison.Ordinal);
        app.AssertNowhere("slow-teams-secret");
    }
}
