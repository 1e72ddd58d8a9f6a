using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Slack.Tests;
using OneTimeBot.Slack.WebApi;
using OneTimeBot.Testing;

namespace OneTimeBot.Host.Tests.HostileTenant;

/// <summary>
/// Scenario 7. A response_url is where the host posts a card, one-time link and all. A correctly signed request whose
/// response_url points anywhere but a host in <c>Slack:ResponseUrlHosts</c> (another server on this machine, a host on
/// the internet) must send nothing there, while the user still gets the answer inline or in the DM; and no Slack client
/// follows a redirect, from a listed host or from the Web API, to anywhere else.
/// </summary>
public sealed class ResponseUrlTests
{
    public static TheoryData<string> Elsewhere => ["an unlisted port on this machine", "a host on the internet"];

    [Theory]
    [MemberData(nameof(Elsewhere))]
    public async Task A_signed_command_whose_response_url_is_elsewhere_is_answered_inline_and_in_the_dm_and_nothing_is_sent_there(string where)
    {
        await using var elsewhere = await FakeSlackServer.StartAsync();
        var dialled = new ConcurrentQueue<string>();
        await using var app = await SlackApp.StartAsync(services: WatchConnections(dialled));
        var hostile = HostileUrl(where, elsewhere);

        var inline = await SlackApp.JsonAsync(await app.Requests.CommandAsync("share inline-7f3a-secret", hostile, channel: "D0ALICE"));
        await app.Requests.CommandAsync("share", hostile, channel: "D0ALICE");
        var view = (await app.Slack.WaitForCallsAsync("views.open"))[0].Body["view"]!.AsObject();
        var submitted = await app.Requests.InteractionAsync(SlackRequests.ViewSubmission(view, new Dictionary<string, JsonObject>
        {
            ["secret"] = SlackRequests.Typed("modal-7f3a-secret"),
        }));
        var dm = (await app.Slack.WaitForCallsAsync("chat.postMessage"))[0].Body;

        Assert.Equal("inline-7f3a-secret", await SlackApp.RevealAsync(SlackApp.LinkOn(inline)));
        Assert.Equal(System.Net.HttpStatusCode.OK, submitted.StatusCode);
        Assert.Equal("D0ALICE", dm["channel"]!.GetValue<string>());
        Assert.Equal("modal-7f3a-secret", await SlackApp.RevealAsync(SlackApp.LinkOn(dm)));
        AssertNothingWentTo(hostile, elsewhere, dialled, app);
    }

    [Theory]
    [MemberData(nameof(Elsewhere))]
    public async Task A_button_press_whose_response_url_is_elsewhere_updates_the_card_in_the_dm_and_sends_nothing_there(string where)
    {
        await using var elsewhere = await FakeSlackServer.StartAsync();
        var dialled = new ConcurrentQueue<string>();
        await using var app = await SlackApp.StartAsync(services: WatchConnections(dialled));
        var hostile = HostileUrl(where, elsewhere);
        var card = await app.AnswerAsync("share button-7f3a-secret", channel: "D0ALICE");

        await app.Requests.InteractionAsync(SlackRequests.BlockAction(ActionIds.Burn, SlackApp.ButtonValue(card, ActionIds.Burn), hostile, channel: "D0ALICE"));
        var dm = (await app.Slack.WaitForCallsAsync("chat.postMessage"))[0].Body;

        Assert.Equal("The secret was burned.", dm["text"]!.GetValue<string>());
        Assert.Null(await SlackApp.RevealAsync(SlackApp.LinkOn(card)));
        AssertNothingWentTo(hostile, elsewhere, dialled, app);
    }

    [Theory]
    [InlineData(302)]
    [InlineData(307)]
    public async Task A_listed_response_url_that_answers_with_a_redirect_is_not_followed(int status)
    {
        await using var elsewhere = await FakeSlackServer.StartAsync();
        await using var app = await SlackApp.StartAsync();
        var card = await app.AnswerAsync("share redirect-7f3a-secret");
        app.Slack.OnResponseUrl(new FakeResponse(status, "", new Dictionary<string, string> { ["Location"] = elsewhere.NewResponseUrl().ToString() }));
        var listed = app.Slack.NewResponseUrl();

        await app.Requests.InteractionAsync(SlackRequests.BlockAction(ActionIds.CheckStatus, SlackApp.ButtonValue(card, ActionIds.CheckStatus), listed));
        await app.Slack.WaitForPostsAsync(listed);
        var refused = $"A Slack response_url refused the reply with HTTP {status}";
        await EventuallyAsync(() => elsewhere.Received.Count > 0 || app.Host.Logs.AllText.Contains(refused, StringComparison.Ordinal));

        Assert.Empty(elsewhere.Received);
        Assert.Contains(refused, app.Host.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slack_web_api_answer_that_redirects_is_not_followed_and_the_user_is_told()
    {
        await using var elsewhere = await FakeSlackServer.StartAsync();
        await using var app = await SlackApp.StartAsync();
        app.Slack.On("views.open", new FakeResponse(302, "", new Dictionary<string, string> { ["Location"] = new Uri(elsewhere.ApiBaseUri, "views.open").ToString() }));

        var reply = await app.AnswerAsync("share");

        Assert.Contains("Slack did not let me open the form (http_302)", reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(app.Slack.CallsOf("views.open"));
        Assert.Empty(elsewhere.Received);
    }

    private static Uri HostileUrl(string where, FakeSlackServer elsewhere) => where == "a host on the internet"
        ? new Uri("https://evil.example/commands/T0ALPHA/1234/hooktoken7f3a")
        : elsewhere.NewResponseUrl();

    /// <summary>Nothing reached the hostile URL's server, the host never even dialled it, and the log names its host but not its path.</summary>
    private static void AssertNothingWentTo(Uri hostile, FakeSlackServer elsewhere, ConcurrentQueue<string> dialled, SlackApp app)
    {
        var logs = app.Host.Logs.AllText;
        Assert.Empty(elsewhere.Received);
        Assert.DoesNotContain($"{hostile.Host}:{hostile.Port}", dialled);
        Assert.Contains($"Dropped a Slack response_url on {hostile.Scheme}://{hostile.Authority}", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(hostile.AbsolutePath, logs, StringComparison.Ordinal);
    }

    /// <summary>Records the host and port of every connection the host's Slack clients open, then opens it as usual.</summary>
    private static Action<IServiceCollection> WatchConnections(ConcurrentQueue<string> dialled) => services =>
    {
        foreach (var name in new[] { ResponseUrlClient.HttpClientName, SlackApiClient.HttpClientName })
        {
            services.AddHttpClient(name).ConfigurePrimaryHttpMessageHandler((handler, _) => ((SocketsHttpHandler)handler).ConnectCallback = async (context, cancellationToken) =>
            {
                dialled.Enqueue($"{context.DnsEndPoint.Host}:{context.DnsEndPoint.Port}");
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            });
        }
    };

    private static async Task EventuallyAsync(Func<bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!done() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
    }
}
