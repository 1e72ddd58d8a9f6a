using System.Net;
using System.Text.Json.Nodes;
using OneTimeBot.Testing;

namespace OneTimeBot.Teams.Tests;

/// <summary>The 1:1 chat with the bot: replies arrive at the Bot Connector with a token from Microsoft login.</summary>
public sealed class PersonalChatTests
{
    private static readonly System.Text.Json.JsonSerializerOptions Wire = OneTimeBot.Teams.Activities.TeamsJson.Options;

    [Fact]
    public async Task Generate_in_the_chat_replies_with_a_card_through_the_connector_with_a_client_credentials_token()
    {
        await using var app = await TeamsApp.StartAsync();
        var message = app.Activity("message", "<at>OneTimeBot</at> generate 2h 20");
        message["entities"] = new JsonArray(new JsonObject { ["type"] = "mention", ["text"] = "<at>OneTimeBot</at>", ["mentioned"] = new JsonObject { ["id"] = "28:" + TeamsApp.AppId, ["name"] = "OneTimeBot" } });

        var response = await app.SendAsync(message);
        var reply = (await app.BotFramework.WaitForCallsAsync(1))[0];
        var password = await TeamsApp.RevealAsync(TeamsApp.LinkOn(reply.Card!));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("POST", reply.Method);
        Assert.Equal($"/teams/v3/conversations/{Uri.EscapeDataString("a:1convpersonal")}/activities", reply.Path);
        Assert.Equal("Bearer " + app.BotFramework.AccessToken, reply.Authorization);
        Assert.Equal(message["id"]!.GetValue<string>(), reply.Body["replyToId"]!.GetValue<string>());
        Assert.Contains("expires in 2 hours", reply.Card!["fallbackText"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(20, password!.Length);
        Assert.Equal($"botframework.com client_credentials {TeamsApp.AppId} https://api.botframework.com/.default secret:True", Assert.Single(app.BotFramework.TokenRequests));
        app.AssertNowhere(password, "app-password-value-0001");
    }

    [Fact]
    public async Task When_the_store_fails_while_handling_a_message_the_user_gets_an_apology_in_the_chat()
    {
        await using var app = await TeamsApp.StartAsync();
        await app.SendAsync(app.Activity("message", "help"));
        await app.BotFramework.WaitForCallsAsync(1); // working first
        app.Host.Sql("DROP TABLE bot_receipts");

        await app.SendAsync(app.Activity("message", "generate 1h"));
        var apology = (await app.BotFramework.WaitForCallsAsync(2))[1];

        Assert.Contains("Something went wrong on OneTimeBot's side, and nothing was done.", apology.Card!["fallbackText"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal($"/teams/v3/conversations/{Uri.EscapeDataString("a:1convpersonal")}/activities", apology.Path);
        // The failure is still logged, by its type only, once the apology is on its way.
        await app.Host.Services.FollowUpsFinishedAsync();
        Assert.Contains("failed with SqliteException", app.Host.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_single_tenant_bot_gets_its_token_from_its_own_tenant_and_reuses_it()
    {
        await using var app = await TeamsApp.StartAsync(new Dictionary<string, string?> { ["Teams:TenantId"] = TeamsApp.TenantId });

        await app.SendAsync(app.Activity("message", "help"));
        await app.BotFramework.WaitForCallsAsync(1);
        await app.SendAsync(app.Activity("message", "help"));
        await app.BotFramework.WaitForCallsAsync(2);

        Assert.StartsWith(TeamsApp.TenantId + " client_credentials", Assert.Single(app.BotFramework.TokenRequests), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Share_replies_with_the_form_whose_submission_replies_with_the_card()
    {
        await using var app = await TeamsApp.StartAsync();

        await app.SendAsync(app.Activity("message", "share"));
        var form = (await app.BotFramework.WaitForCallsAsync(1))[0].Card!;
        await app.SendAsync(app.Activity("message", value: new JsonObject
        {
            ["action"] = "share", ["secret"] = "chat-form-secret-4e4e", ["ttl"] = "4h", ["passphrase"] = "chat phrase", ["recipient"] = "",
        }));
        var card = (await app.BotFramework.WaitForCallsAsync(2))[1].Card!;

        Assert.Equal("Share a secret as a one-time link", form["fallbackText"]!.GetValue<string>());
        Assert.Contains("Required: tell it to the recipient another way", card.ToJsonString(), StringComparison.Ordinal);
        // Only the sender reads their chat with the bot: the card tells them how to pass the link on.
        Assert.Equal("🔒 Your one-time link is ready", TeamsApp.TitleOf(card));
        Assert.Contains(TeamsApp.TextsOf(card), t => t.EndsWith("so don't open it yourself.", StringComparison.Ordinal));
        Assert.Equal("chat-form-secret-4e4e", await TeamsApp.RevealAsync(TeamsApp.LinkOn(card), "chat phrase"));
        app.AssertNowhere("chat-form-secret-4e4e", "chat phrase");
    }

    [Fact]
    public async Task A_button_with_no_route_gets_a_reply_saying_nothing_happened()
    {
        await using var app = await TeamsApp.StartAsync();

        await app.SendAsync(app.Activity("message", value: new JsonObject { ["action"] = "shareEverything", ["secret"] = "Pf7-unrouted-button-z8x1" }));
        var reply = (await app.BotFramework.WaitForCallsAsync(1))[0];

        Assert.Equal($"/teams/v3/conversations/{Uri.EscapeDataString("a:1convpersonal")}/activities", reply.Path);
        Assert.Contains("That button is not one OneTimeBot knows, so nothing happened.", reply.Card!["fallbackText"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, app.Host.RowsIn("bot_receipts"));
        app.AssertNowhere("Pf7-unrouted-button-z8x1");
    }

    [Fact]
    public async Task Help_lists_the_chat_commands_the_core_declares_and_offers_the_forms()
    {
        await using var app = await TeamsApp.StartAsync();

        await app.SendAsync(app.Activity("message", "help"));
        var help = (await app.BotFramework.WaitForCallsAsync(1))[0].Card!;
        var facts = help["body"]!.AsArray().OfType<JsonObject>().Single(e => e["type"]!.GetValue<string>() == "FactSet")["facts"]!.AsArray();

        Assert.Equal(["share", "generate [expiry] [length]", "request", "recent", "notify off|on", "config", "help"], facts.Select(f => f!["title"]!.GetValue<string>()));
        Assert.Contains("e.g. generate 24h 20", facts[1]!["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["openShareForm", "openGenerateForm"], help["actions"]!.AsArray().Select(a => a!["data"]!["action"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_secret_typed_after_share_is_not_shared_and_the_reply_offers_the_forms_instead()
    {
        await using var app = await TeamsApp.StartAsync();

        await app.SendAsync(app.Activity("message", "share Pf7-typed-in-chat-k3m8"));
        var notice = (await app.BotFramework.WaitForCallsAsync(1))[0].Card!;

        Assert.Contains("don't type secrets in messages", notice["fallbackText"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["openShareForm", "openGenerateForm"], notice["actions"]!.AsArray().Select(a => a!["data"]!["action"]!.GetValue<string>()));
        Assert.Equal(0, app.Host.RowsIn("bot_receipts"));
        app.AssertNowhere("Pf7-typed-in-chat-k3m8");
    }

    [Fact]
    public async Task Check_status_and_burn_update_the_card_they_were_pressed_on_and_a_stranger_is_refused_privately()
    {
        await using var app = await TeamsApp.StartAsync();
        await app.SendAsync(app.Activity("message", "generate 1h"));
        var card = (await app.BotFramework.WaitForCallsAsync(1))[0].Card!;
        var receipt = TeamsApp.ReceiptOn(card);
        var link = TeamsApp.LinkOn(card);

        await app.SendAsync(app.Activity("message", value: new JsonObject { ["action"] = "status", ["receiptId"] = receipt }, replyToId: "card-activity-1"));
        var status = (await app.BotFramework.WaitForCallsAsync(2))[1];
        await app.SendAsync(app.Activity("message", value: new JsonObject { ["action"] = "burn", ["receiptId"] = receipt }, conversationType: "groupChat", fromAad: "5a5a5a5a-0000-4000-8000-00000000bad0", replyToId: "card-activity-1"));
        var calls = await app.BotFramework.WaitForCallsAsync(4);
        await app.SendAsync(app.Activity("message", value: new JsonObject { ["action"] = "burn", ["receiptId"] = receipt }, replyToId: "card-activity-1"));
        var burned = (await app.BotFramework.WaitForCallsAsync(5))[4];

        Assert.Equal("PUT", status.Method);
        Assert.EndsWith("/activities/card-activity-1", status.Path, StringComparison.Ordinal);
        Assert.Equal(link, TeamsApp.LinkOn(status.Card!));
        Assert.Equal("/teams/v3/conversations", calls[2].Path);
        Assert.False(calls[2].Body["isGroup"]!.GetValue<bool>());
        Assert.Contains("Only the person who shared this secret", calls[3].Card!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("PUT", burned.Method);
        Assert.Equal("The secret was burned.", burned.Card!["fallbackText"]!.GetValue<string>());
        Assert.Null(await TeamsApp.RevealAsync(link));
    }

    [Fact]
    public async Task Config_is_offered_to_listed_admins_only_and_saves_the_organisations_settings()
    {
        await using var app = await TeamsApp.StartAsync();

        await app.SendAsync(app.Activity("message", "config"));
        var refused = (await app.BotFramework.WaitForCallsAsync(1))[0].Card!;
        await app.SendAsync(app.Activity("message", "config", fromAad: "ad000000-0000-4000-8000-0000000000ad"));
        var form = (await app.BotFramework.WaitForCallsAsync(2))[1].Card!;
        await app.SendAsync(app.Activity("message", fromAad: "ad000000-0000-4000-8000-0000000000ad", value: new JsonObject
        {
            ["action"] = "saveConfig", ["backend"] = "eu", ["username"] = "ops@tenant.example", ["apiToken"] = "tok_teams_6b5a4c3d2e1f", ["defaultTtl"] = "1d", ["maxTtl"] = "7d",
        }));
        var saved = (await app.BotFramework.WaitForCallsAsync(3))[2].Card!;

        Assert.Contains("Only OneTimeBot's admins", refused.ToJsonString(Wire), StringComparison.Ordinal);
        Assert.Contains("API token (none is set)", form.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("settings are saved", saved["fallbackText"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("ops@tenant.example (token set)", saved.ToJsonString(), StringComparison.Ordinal);
        app.AssertNowhere("tok_teams_6b5a4c3d2e1f");
    }

    [Fact]
    public async Task An_admin_who_empties_the_username_on_the_settings_card_makes_the_account_anonymous()
    {
        const string admin = "ad000000-0000-4000-8000-0000000000ad";
        await using var app = await TeamsApp.StartAsync();
        await app.SendAsync(app.Activity("message", fromAad: admin, value: new JsonObject
        {
            ["action"] = "saveConfig", ["backend"] = "eu", ["username"] = "ops@tenant.example", ["defaultTtl"] = "1d", ["maxTtl"] = "7d",
        }));
        await app.BotFramework.WaitForCallsAsync(1);

        await app.SendAsync(app.Activity("message", "config", fromAad: admin));
        var form = (await app.BotFramework.WaitForCallsAsync(2))[1].Card!;
        // What Teams sends for Save: the button's data and every input that holds a value; the emptied username is left out.
        var submit = form["actions"]!.AsArray().Single()!["data"]!.AsObject().DeepClone().AsObject();
        foreach (var input in form["body"]!.AsArray().OfType<JsonObject>().Where(e => e["id"] is not null && e["value"] is not null && e["id"]!.GetValue<string>() != "username"))
        {
            submit[input["id"]!.GetValue<string>()] = input["value"]!.DeepClone();
        }

        await app.SendAsync(app.Activity("message", fromAad: admin, value: submit));
        var saved = (await app.BotFramework.WaitForCallsAsync(3))[2].Card!;

        Assert.Contains("settings are saved", saved["fallbackText"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("\"anonymous\"", saved.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_emptied_username_on_a_settings_card_from_the_previous_release_still_makes_the_account_anonymous()
    {
        const string admin = "ad000000-0000-4000-8000-0000000000ad";
        await using var app = await TeamsApp.StartAsync();
        await app.SendAsync(app.Activity("message", fromAad: admin, value: new JsonObject
        {
            ["action"] = "saveConfig", ["backend"] = "eu", ["username"] = "ops@tenant.example", ["defaultTtl"] = "1d", ["maxTtl"] = "7d",
        }));
        await app.BotFramework.WaitForCallsAsync(1);

        // A card posted by the previous release, still in the chat: its Save button lists no shown inputs, and
        // Teams leaves the emptied username out of what it sends.
        await app.SendAsync(app.Activity("message", fromAad: admin, value: new JsonObject
        {
            ["action"] = "saveConfig", ["backend"] = "eu", ["defaultTtl"] = "1d", ["maxTtl"] = "7d",
        }));
        var saved = (await app.BotFramework.WaitForCallsAsync(2))[1].Card!;

        Assert.Contains("settings are saved", saved["fallbackText"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("\"anonymous\"", saved.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("ops@tenant.example", saved.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Installing_the_bot_sends_a_welcome_and_a_retried_activity_is_handled_once()
    {
        await using var app = await TeamsApp.StartAsync();
        var install = app.Activity("installationUpdate");
        install["action"] = "add";
        var generate = app.Activity("message", "generate 15m");

        await app.SendAsync(install);
        await app.SendAsync(generate);
        await app.SendAsync(generate); // Teams' retry: same id
        await app.Host.Services.FollowUpsFinishedAsync();
        var calls = await app.BotFramework.WaitForCallsAsync(2);

        Assert.Equal(2, calls.Count);
        Assert.Contains("Hi, I'm OneTimeBot", calls.Select(c => c.Card!.ToJsonString(Wire)).First(t => t.Contains("Hi,", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removing_the_app_from_ones_own_chat_forgets_ones_notify_choice_and_a_team_removal_forgets_nothing()
    {
        await using var app = await TeamsApp.StartAsync();
        await app.SendAsync(app.Activity("message", "notify off"));
        await app.SendAsync(app.Activity("message", "notify off", fromAad: "b0b00000-0000-4000-8000-000000000002"));
        await app.BotFramework.WaitForCallsAsync(2);
        await app.Host.Services.FollowUpsFinishedAsync();
        var fromATeam = app.Activity("installationUpdate", conversationType: "channel", fromAad: "b0b00000-0000-4000-8000-000000000002");
        fromATeam["action"] = "remove";
        var personal = app.Activity("installationUpdate");
        personal["action"] = "remove";

        await app.SendAsync(fromATeam);
        await app.SendAsync(personal);
        await app.Host.Services.FollowUpsFinishedAsync();

        Assert.Equal("b0b00000-0000-4000-8000-000000000002", app.Host.Sql("SELECT group_concat(user_id) FROM bot_notify_preferences"));
        Assert.Equal(2, app.BotFramework.Calls.Count);
    }
}
