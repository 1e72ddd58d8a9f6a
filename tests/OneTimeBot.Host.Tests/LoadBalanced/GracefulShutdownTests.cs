using System.Net;
using System.Text.Json.Nodes;
using OneTimeBot.Host.Tests.Durability;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Slack.Tests;
using OneTimeBot.Testing;

namespace OneTimeBot.Host.Tests.LoadBalanced;

/// <summary>
/// A host told to stop (SIGTERM, as a service manager, <c>docker stop</c> or Kubernetes does) first says it is not ready
/// while it still serves, so that its load balancer sends it nothing new; then it finishes the cards already on their
/// way to Slack before it exits; and what it cannot finish within <c>Host:ShutdownTimeout</c> it reports, by kind.
/// </summary>
public sealed class GracefulShutdownTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task On_sigterm_readyz_turns_503_while_the_host_still_serves_and_a_card_on_its_way_to_slack_arrives_after_the_server_stopped_before_it_exits_with_0()
    {
        await using var stopping = await StoppingHost.StartAsync(drainDelay: "00:00:03", shutdownTimeout: "00:01:00");
        var pressed = await stopping.PressCheckStatusWithSlackSlowToAnswerAsync();

        await stopping.Bot.TerminateAsync();
        var readyWhileStopping = await WaitForReadyzAsync(stopping.Bot.Http, HttpStatusCode.ServiceUnavailable);
        using var liveWhileStopping = await stopping.Bot.Http.GetAsync(new Uri("/healthz", UriKind.Relative));
        // Then the server stops taking requests, while the process waits for the card still on its way.
        var serverStopped = await WaitUntilRefusedAsync(stopping.Bot.Http);
        var cardStillOnItsWay = !stopping.SlackAnswered.IsReleased;
        stopping.SlackAnswered.Release();
        var exitCode = await stopping.Bot.WaitForExitAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyWhileStopping.Status);
        Assert.Contains("stopping", readyWhileStopping.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, liveWhileStopping.StatusCode);
        Assert.True(serverStopped);
        Assert.True(cardStillOnItsWay);
        Assert.False(stopping.SlackAnswered.Abandoned.IsCompleted, "The host gave up on the card it was posting.");
        Assert.True(ShownCard.IsLiveCard(pressed.Body), $"Check status posted \"{pressed.Text}\" instead of the card.");
        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("did not finish", stopping.Bot.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("abandoned", stopping.Bot.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_card_that_cannot_reach_slack_within_the_shutdown_timeout_is_reported_in_the_log_by_kind_and_count_not_dropped_silently()
    {
        await using var stopping = await StoppingHost.StartAsync(drainDelay: "00:00:01", shutdownTimeout: "00:00:04");
        try
        {
            await stopping.PressCheckStatusWithSlackSlowToAnswerAsync();

            await stopping.Bot.TerminateAsync();
            var exitCode = await stopping.Bot.WaitForExitAsync();

            Assert.Equal(0, exitCode);
            Assert.Contains("1 follow-ups did not finish within the shutdown timeout and were cancelled: status: 1", stopping.Bot.Output, StringComparison.Ordinal);
        }
        finally
        {
            stopping.SlackAnswered.Release();
        }
    }

    private static async Task<(HttpStatusCode Status, string Body)> WaitForReadyzAsync(HttpClient http, HttpStatusCode wanted)
    {
        var deadline = DateTime.UtcNow + Patience;
        var last = (Status: (HttpStatusCode)0, Body: "none");
        while (DateTime.UtcNow < deadline)
        {
            using var ready = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
            last = (ready.StatusCode, await ready.Content.ReadAsStringAsync());
            if (last.Status == wanted)
            {
                return last;
            }

            await Task.Delay(20);
        }

        return last;
    }

    /// <summary>Whether the host stopped taking connections (within <see cref="Patience"/>).</summary>
    private static async Task<bool> WaitUntilRefusedAsync(HttpClient http)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var live = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
            }
            catch (HttpRequestException)
            {
                return true;
            }

            await Task.Delay(20);
        }

        return false;
    }

    /// <summary>A host process, on its own SQLite file, serving one Slack workspace whose response_urls answer only when released.</summary>
    private sealed class StoppingHost : IAsyncDisposable
    {
        private readonly string _signingSecret;
        private readonly DurableStore _store;
        private readonly FakeSlackServer _slack;

        private StoppingHost(DurableStore store, FakeSlackServer slack, BotProcess bot, string signingSecret)
        {
            _store = store;
            _slack = slack;
            Bot = bot;
            _signingSecret = signingSecret;
        }

        public BotProcess Bot { get; }

        /// <summary>Released, Slack's response_url answers the card posted to it; until then the post waits.</summary>
        public BackendHold SlackAnswered { get; } = new();

        public static async Task<StoppingHost> StartAsync(string drainDelay, string shutdownTimeout)
        {
            var store = await DurableStore.StartAsync(DurableStore.Sqlite);
            var slack = await FakeSlackServer.StartAsync();
            var signingSecret = OperatorSettings.NewSigningSecret();
            var settings = OperatorSettings.For(store, slack, signingSecret);
            settings["Host__DrainDelay"] = drainDelay;
            settings["Host__ShutdownTimeout"] = shutdownTimeout;
            var bot = new BotProcess(settings);
            await bot.StartAsync();
            return new StoppingHost(store, slack, bot, signingSecret);
        }

        /// <summary>
        /// Shares a secret, then presses its card's Check status, whose answer goes to response_url: returns that post,
        /// as Slack received it, while Slack is still to answer it.
        /// </summary>
        public async Task<ResponseUrlPost> PressCheckStatusWithSlackSlowToAnswerAsync()
        {
            var requests = new SlackRequests(Bot.Http, _signingSecret);
            var shareUrl = _slack.NewResponseUrl();
            var secret = $"Gs4-finished-before-exit-{Guid.NewGuid():N}";
            TestRunLedger.Secret(secret);
            using var shared = await requests.CommandAsync("share " + secret, shareUrl, user: "U0STOPS");
            var answer = JsonNode.Parse(await shared.Content.ReadAsStringAsync()) as JsonObject;
            var card = ShownCard.IsLiveCard(answer) ? answer! : (await _slack.WaitForPostsAsync(shareUrl, timeout: Patience))[0].Body;
            TestRunLedger.Current.NoteLinksIn(card.ToJsonString());

            _slack.OnResponseUrl(new FakeResponse(200, "ok").Until(SlackAnswered));
            var statusUrl = _slack.NewResponseUrl();
            using var ack = await requests.InteractionAsync(SlackRequests.BlockAction(ActionIds.CheckStatus, ShownCard.From("U0STOPS", secret, card).ReceiptId, statusUrl, user: "U0STOPS"));
            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
            await SlackAnswered.Reached.WaitAsync(Patience);
            return _slack.PostsTo(statusUrl).Single();
        }

        public async ValueTask DisposeAsync()
        {
            SlackAnswered.Release();
            await Bot.DisposeAsync();
            await _slack.DisposeAsync();
            await _store.DisposeAsync();
        }
    }
}
