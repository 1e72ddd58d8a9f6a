using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace OneTimeBot.Slack.Tests;

/// <summary>
/// What the route table has no route for is logged and never turned into something else: a slash command is told which
/// command this app answers, everything else gets the empty 200 Slack wants.
/// </summary>
public sealed class RouteTableTests : IAsyncLifetime
{
    private SlackApp _app = null!;

    public async Task InitializeAsync() => _app = await SlackApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_slash_command_the_app_is_not_configured_for_gets_a_private_notice_naming_the_one_it_answers_and_a_warning()
    {
        var response = await _app.Requests.CommandAsync("share Pf7-unrouted-secret-kq81", _app.Slack.NewResponseUrl(), command: "/secrets");
        var reply = await SlackApp.JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ephemeral", reply["response_type"]!.GetValue<string>());
        Assert.Contains("This OneTimeBot answers only /onetime.", reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("ask whoever runs this OneTimeBot", reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(SlackApp.ActionIds(reply));
        var logged = Assert.Single(_app.Host.Logs.Entries, e => e.FullText.Contains("No route for the Slack slash command '/secrets'", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, logged.Level);
        // Only its sender's language was read (users.info), to say it in; nothing was sent to Slack.
        Assert.All(_app.Slack.Calls, c => Assert.Equal("users.info", c.Method));
        Assert.Empty(_app.Slack.ResponseUrlPosts);
        _app.AssertNowhere("Pf7-unrouted-secret-kq81");
    }

    [Fact]
    public async Task A_button_with_an_unknown_action_id_gets_an_empty_200_is_logged_and_sends_nothing()
    {
        var responseUrl = _app.Slack.NewResponseUrl();

        var response = await _app.Requests.InteractionAsync(SlackRequests.BlockAction("retired_button", "r1", responseUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Contains("No route for the Slack action 'retired_button'", _app.Host.Logs.AllText, StringComparison.Ordinal);
        Assert.All(_app.Slack.Calls, c => Assert.Equal("users.info", c.Method));
        Assert.Empty(_app.Slack.ResponseUrlPosts);
    }

    [Fact]
    public async Task A_modal_with_an_unknown_callback_id_is_closed_and_logged()
    {
        var view = new JsonObject { ["callback_id"] = "retired_modal", ["private_metadata"] = "{}", ["blocks"] = new JsonArray() };

        var response = await _app.Requests.InteractionAsync(SlackRequests.ViewSubmission(view, new Dictionary<string, JsonObject>()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Contains("No route for the Slack view 'retired_modal'", _app.Host.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_interaction_of_a_kind_the_app_registers_none_for_gets_an_empty_200_and_is_logged()
    {
        var closed = SlackRequests.BlockAction("unused", "v", null);
        closed["type"] = "view_closed";

        var response = await _app.Requests.InteractionAsync(closed);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Contains("No route for the Slack interaction 'view_closed'", _app.Host.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_the_app_does_not_handle_gets_a_200_and_is_logged()
    {
        var response = await _app.Requests.EventAsync(SlackRequests.Envelope("Ev0REACTION", new JsonObject { ["type"] = "reaction_added", ["user"] = "U0ALICE" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await EventuallyLoggedAsync("No route for the Slack event 'reaction_added'");
        Assert.Empty(_app.Slack.Calls);
    }

    [Fact]
    public async Task A_message_in_a_channel_is_not_taken_for_a_dm_command()
    {
        var message = SlackRequests.MessageEvent("Ev0CHANNELMSG", "generate 1h", channel: "C0GENERAL");
        message["event"]!["channel_type"] = "channel";

        var response = await _app.Requests.EventAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await EventuallyLoggedAsync("No route for the Slack event 'message.channel'");
        Assert.Empty(_app.Slack.Calls);
    }

    // Events are handled after Slack's 200, so their log line comes a moment later.
    private async Task EventuallyLoggedAsync(string line)
    {
        for (var i = 0; i < 100 && !_app.Host.Logs.AllText.Contains(line, StringComparison.Ordinal); i++)
        {
            await Task.Delay(50);
        }

        Assert.Contains(line, _app.Host.Logs.AllText, StringComparison.Ordinal);
    }
}
