using System.Net;
using System.Text.Json.Nodes;

namespace OneTimeBot.Slack.Tests;

/// <summary>What the route table has no route for is answered with the empty 200 Slack wants, logged, and never turned into something else.</summary>
public sealed class RouteTableTests : IAsyncLifetime
{
    private SlackApp _app = null!;

    public async Task InitializeAsync() => _app = await SlackApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_slash_command_the_app_does_not_declare_gets_an_empty_200_and_is_logged_instead_of_the_help()
    {
        var body = SlackRequests.CommandBody("help", _app.Slack.NewResponseUrl()).Replace("command=%2Fonetime", "command=%2Fsecrets", StringComparison.Ordinal);

        var response = await _app.Requests.PostAsync("/slack/commands", body, "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Contains("No route for the Slack slash command '/secrets'", _app.Host.Logs.AllText, StringComparison.Ordinal);
        Assert.Empty(_app.Slack.Calls);
    }

    [Fact]
    public async Task A_button_with_an_unknown_action_id_gets_an_empty_200_is_logged_and_sends_nothing()
    {
        var responseUrl = _app.Slack.NewResponseUrl();

        var response = await _app.Requests.InteractionAsync(SlackRequests.BlockAction("retired_button", "r1", responseUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Contains("No route for the Slack action 'retired_button'", _app.Host.Logs.AllText, StringComparison.Ordinal);
        Assert.Empty(_app.Slack.Calls);
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
