using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using OneTimeBot.Host.Tests.Durability;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Slack.Tests;
using OneTimeBot.Testing;
using Xunit.Abstractions;

namespace OneTimeBot.Host.Tests.LoadBalanced;

/// <summary>
/// Three host processes on one Redis behind a real haproxy, run with the operator's example config: Slack commands,
/// Teams invokes and reveals go through it from several users at once, and one replica is killed (SIGKILL) in the
/// middle, another stopped (SIGTERM) later. Nothing a user was shown is lost, nothing is created twice, only what was
/// under way on the killed replica fails, and the proxy takes each out of rotation.
/// </summary>
public sealed class ReplicaKillTests(ITestOutputHelper output)
{
    private const int Users = 6;
    private const int CardsBeforeKill = 24;
    private const int OperationsAfterEachStep = 24;
    private const string AppId = "5e1b7c2d-8a3f-4e6d-9c0b-1a2b3c4d5e6f";
    private const string TenantId = "2f4e6d8c-0b1a-4c3d-8e7f-9a0b1c2d3e4f";
    private const string NoCardAfterTheAck = "no card after the ack";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly ConcurrentQueue<Operation> _operations = new();
    private readonly ConcurrentQueue<ShareCard> _cards = new();
    private readonly ConcurrentQueue<ShareCard> _toReveal = new();
    private volatile string? _killed;

    [Fact]
    public async Task Through_haproxy_a_killed_replica_fails_only_what_was_under_way_on_it_and_every_card_shown_keeps_its_receipt_and_reveals_once()
    {
        var signingSecret = OperatorSettings.NewSigningSecret();
        await using var store = await DurableStore.StartAsync(DurableStore.Redis);
        await using var slack = await FakeSlackServer.StartAsync();
        await using var teams = await FakeBotFramework.StartAsync();
        var front = FreePort.Next();
        using var trusted = TrustedCertificateFile.Write(teams.Certificate);
        var settings = ReplicaSettings(store, slack, teams, trusted, signingSecret, front);
        await using var first = new BotProcess(settings);
        await using var second = new BotProcess(settings);
        await using var third = new BotProcess(settings);
        BotProcess[] replicas = [first, second, third];
        await using var proxy = await HaproxyBalancer.StartAsync([first.BaseUri, second.BaseUri, third.BaseUri], front);
        // One after the other: the first start prepares the store, which is not what this test is about.
        foreach (var replica in replicas)
        {
            await replica.StartAsync();
        }

        Assert.True(await proxy.WaitForStatesAsync(s => s.Values.All(v => v == "UP"), Patience), "haproxy never saw all three replicas ready.");
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, MaxConnectionsPerServer = Users * 2 }) { BaseAddress = proxy.BaseUri };
        var requests = new SlackRequests(http, signingSecret);
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var users = Enumerable.Range(0, Users).Select(u => Task.Run(() => UserAsync(u, http, requests, slack, teams, proxy, clock, stop.Token))).ToArray();

        // Kill the second replica once enough cards were shown, while every user has something under way.
        await WaitUntilAsync(() => _cards.Count >= CardsBeforeKill, "cards before the kill");
        var atKill = await proxy.CountersAsync(proxy.Servers[1]);
        var killAt = clock.ElapsedTicks;
        await second.KillAsync();
        var killedAt = clock.ElapsedTicks;
        _killed = proxy.Servers[1];
        var outOfRotation = await proxy.WaitForStatesAsync(s => s[proxy.Servers[1]].StartsWith("DOWN", StringComparison.Ordinal), Patience);
        var downAt = clock.ElapsedTicks;
        // Read once it is out of rotation: nothing is sent to it any more.
        var cutOff = await proxy.CountersAsync(proxy.Servers[1]);
        await WaitUntilAsync(() => _operations.Count(o => o.Sent > downAt && o.Done is not null) >= OperationsAfterEachStep, "operations after the kill");

        // Stop the third as a service manager would: it leaves rotation while it still serves, then exits.
        var terminateAt = clock.ElapsedTicks;
        await third.TerminateAsync();
        var drained = await proxy.WaitForStatesAsync(s => s[proxy.Servers[2]].StartsWith("DOWN", StringComparison.Ordinal), Patience);
        var drainedWhileServing = drained && third.IsRunning;
        var exitCode = await third.WaitForExitAsync();
        var exitedAt = clock.ElapsedTicks;
        await WaitUntilAsync(() => _operations.Count(o => o.Sent > exitedAt && o.Done is not null) >= OperationsAfterEachStep, "operations after the stop");
        await stop.CancelAsync();
        await Task.WhenAll(users);

        var operations = _operations.ToArray();
        // In flight on the killed replica, as haproxy counts it: the requests under way on it when the kill was sent,
        // and those sent to it until it was out of rotation (a user's, or another replica's call to its secret service
        // made for its own user) less those whose connection it refused, which went to another; and the cards it had
        // acked and was still to post.
        var killed = proxy.Servers[1];
        var servers = proxy.ServersByRequestId();
        var cardsItOwed = operations.Count(o => o.Problem == NoCardAfterTheAck && o.RequestId is { } id && servers.GetValueOrDefault(id) == killed);
        var sentToItAfter = cutOff["stot"] - atKill["stot"] - (cutOff["wredis"] - atKill["wredis"]);
        var inFlightOnKilled = atKill["scur"] + sentToItAfter + cardsItOwed;
        var failed = operations.Where(o => o.Failed).ToArray();
        foreach (var o in failed)
        {
            output.WriteLine($"{o.Kind} sent at {Ms(o.Sent)} ms, done at {(o.Done is { } d ? Ms(d) : "never")}, via {(o.RequestId is { } id ? servers.GetValueOrDefault(id) : "?")}: {o.Problem}");
        }

        output.WriteLine($"haproxy's counters for the killed replica at the kill: {string.Join(", ", atKill.Select(c => $"{c.Key} {c.Value}"))}; once out of rotation: {string.Join(", ", cutOff.Select(c => $"{c.Key} {c.Value}"))}");
        output.WriteLine($"{operations.Length} operations, {_cards.Count} cards, {failed.Length} failed, {inFlightOnKilled} in flight on the killed replica at the kill; kill sent at {Ms(killAt)} ms, process gone at {Ms(killedAt)} ms, out of rotation at {Ms(downAt)} ms, stop at {Ms(terminateAt)} ms, exited at {Ms(exitedAt)} ms");

        // Afterwards, through the proxy (one replica left): every card shown still answers Check status and reveals once.
        var cards = _cards.ToArray();
        var statuses = await Task.WhenAll(cards.Where(c => c.ReceiptId is not null).Select(c => CheckStatusAsync(requests, slack, c)));
        var reveals = await Task.WhenAll(cards.Where(c => c.Reveal == RevealDuringTraffic.NotTried).Select(async c => (Card: c, Value: await RevealAsync(http, c.Link))));
        var secondReveals = await Task.WhenAll(cards.Where(c => c.Reveal != RevealDuringTraffic.CutOff).Select(c => RevealAsync(http, c.Link)));
        var created = await CountAsync(store, "durable:ots:receipt:*");
        var failedShares = failed.Count(o => o.Kind != "reveal");
        var sharesSent = operations.Count(o => o.Kind != "reveal");

        Assert.True(outOfRotation, "haproxy never took the killed replica out of rotation.");
        Assert.All(failed, o => Assert.True(o.UnderWayDuring(killAt, killedAt), $"A {o.Kind} that was not under way at the kill failed: {o.Problem}"));
        Assert.True(failed.Length <= inFlightOnKilled, $"{failed.Length} failed, more than the {inFlightOnKilled} in flight on the killed replica.");
        Assert.DoesNotContain(operations, o => o.Failed && o.Sent > killedAt);
        Assert.DoesNotContain(operations, o => o.Sent > downAt && o.RequestId is { } id && servers.GetValueOrDefault(id) == killed);
        Assert.True(drainedWhileServing, "haproxy did not take the stopping replica out of rotation before it stopped serving.");
        Assert.Equal(0, exitCode);
        Assert.All(statuses, Assert.True);
        Assert.All(reveals, r => Assert.True(r.Card.Secret == r.Value, $"A {r.Card.Platform} card's link did not reveal its secret."));
        Assert.DoesNotContain(cards, c => c.Reveal == RevealDuringTraffic.AlreadyGone);
        Assert.All(secondReveals, Assert.Null);
        // One secret per share at most: every card's, and at most one for each share cut off by the kill.
        Assert.InRange(created, cards.Length, cards.Length + failedShares);
        Assert.True(created <= sharesSent);
    }

    private static string Ms(long ticks) => (ticks * 1000 / Stopwatch.Frequency).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, string> ReplicaSettings(DurableStore store, FakeSlackServer slack, FakeBotFramework teams, TrustedCertificateFile trusted, string signingSecret, int front)
    {
        var settings = OperatorSettings.For(store, slack, signingSecret);
        settings["Host__PublicUrl"] = $"http://127.0.0.1:{front}";
        settings["Host__KnownProxies__0"] = "127.0.0.1";
        // Long enough for haproxy's checks (inter 1 s, fall 2) to see it on a loaded machine.
        settings["Host__DrainDelay"] = "00:00:15";
        settings["Host__ShutdownTimeout"] = "00:01:00";
        // Every user here comes from one address and shares fast: the limits are not what this test is about.
        settings["SecretServer__AnonymousRevealsPerMinute"] = "100000";
        settings["SecretServer__AnonymousCreatesPerMinute"] = "100000";
        settings["CreationLimits__PerUserPerMinute"] = "0";
        settings["CreationLimits__PerWorkspacePerMinute"] = "0";
        settings["Teams__Enabled"] = "true";
        settings["Teams__AppId"] = AppId;
        settings["Teams__AppPassword"] = "app-password-replicas-" + Guid.NewGuid().ToString("N")[..12];
        settings["Teams__OpenIdMetadataUrl"] = teams.MetadataUrl.ToString();
        settings["Teams__LoginBaseUrl"] = teams.BaseUri.ToString().TrimEnd('/');
        // The hosts trust the fake Bot Framework's certificate as a real CA would be trusted.
        settings["SSL_CERT_FILE"] = trusted.Path;
        return settings;
    }

    /// <summary>One user: shares in Slack, shares in Teams, reveals a link someone got, over and over until stopped.</summary>
    private async Task UserAsync(int user, HttpClient http, SlackRequests requests, FakeSlackServer slack, FakeBotFramework teams, HaproxyBalancer proxy, Stopwatch clock, CancellationToken stop)
    {
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var secret = $"Lb7-replica-{user}-{n}-{Guid.NewGuid():N}";
            TestRunLedger.Secret(secret);
            var step = (n + user) % 3;
            if (step == 2 && _toReveal.TryDequeue(out var card))
            {
                await RevealDuringTrafficAsync(http, card, clock);
            }
            else if (step == 1)
            {
                await ShareInTeamsAsync(http, teams, $"a11ce000-0000-4000-8000-{user:000000000000}", secret, clock);
            }
            else
            {
                await ShareInSlackAsync(requests, slack, proxy, $"U0LB{user}", secret, clock);
            }
        }
    }

    private async Task ShareInSlackAsync(SlackRequests requests, FakeSlackServer slack, HaproxyBalancer proxy, string user, string secret, Stopwatch clock)
    {
        var operation = Begin("slack share", clock);
        var responseUrl = slack.NewResponseUrl();
        JsonObject? card = null;
        try
        {
            using var response = await requests.CommandAsync("share " + secret, responseUrl, user: user);
            var body = await response.Content.ReadAsStringAsync();
            TestRunLedger.Current.NoteLinksIn(body);
            operation.RequestId = RequestIdOf(response);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                End(operation, clock, $"{(int)response.StatusCode}");
                return;
            }

            var answer = JsonNode.Parse(body) as JsonObject;
            if (!ShownCard.IsLiveCard(answer) && !body.Contains(":hourglass_flowing_sand:", StringComparison.Ordinal))
            {
                End(operation, clock, "200 with neither a card nor the progress words");
                return;
            }

            // Acked with the progress words: the card follows through response_url, unless its replica dies first.
            card = ShownCard.IsLiveCard(answer) ? answer : await PostedCardAsync(slack, responseUrl, proxy, operation);
        }
        catch (HttpRequestException ex)
        {
            End(operation, clock, Described(ex));
            return;
        }

        if (card is null)
        {
            End(operation, clock, NoCardAfterTheAck);
            return;
        }

        End(operation, clock, null);
        Shown(new ShareCard("Slack", user, secret, SlackApp.LinkOn(card), SlackApp.ButtonValue(card, ActionIds.CheckStatus)));
    }

    /// <summary>The card posted to <paramref name="responseUrl"/>; null once the replica that acked it was killed and none came.</summary>
    private async Task<JsonObject?> PostedCardAsync(FakeSlackServer slack, Uri responseUrl, HaproxyBalancer proxy, Operation operation)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (slack.PostsTo(responseUrl).Select(p => p.Body).FirstOrDefault(ShownCard.IsLiveCard) is { } card)
            {
                return card;
            }

            if (_killed is { } killed && operation.RequestId is { } id && proxy.ServerOf(id) == killed)
            {
                // One more look: a card posted just before the replica died still counts.
                return slack.PostsTo(responseUrl).Select(p => p.Body).FirstOrDefault(ShownCard.IsLiveCard);
            }

            await Task.Delay(20);
        }

        return null;
    }

    private async Task ShareInTeamsAsync(HttpClient http, FakeBotFramework teams, string aad, string secret, Stopwatch clock)
    {
        var operation = Begin("teams share", clock);
        var activity = TeamsShare(teams, aad, secret);
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", teams.Token(AppId));
        try
        {
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            TestRunLedger.Current.NoteLinksIn(body);
            operation.RequestId = RequestIdOf(response);
            var card = response.StatusCode == HttpStatusCode.OK ? JsonNode.Parse(body)?["composeExtension"]?["attachments"]?[0]?["content"] as JsonObject : null;
            if (card is null)
            {
                End(operation, clock, $"{(int)response.StatusCode} without a card");
                return;
            }

            End(operation, clock, null);
            Shown(new ShareCard("Teams", aad, secret, LinkOnTeamsCard(card), null));
        }
        catch (HttpRequestException ex)
        {
            End(operation, clock, Described(ex));
        }
    }

    private async Task RevealDuringTrafficAsync(HttpClient http, ShareCard card, Stopwatch clock)
    {
        var operation = Begin("reveal", clock);
        try
        {
            using var response = await PostRevealAsync(http, card.Link);
            operation.RequestId = RequestIdOf(response);
            var revealed = response.StatusCode == HttpStatusCode.OK && ValueOf(await response.Content.ReadAsStringAsync()) == card.Secret;
            End(operation, clock, revealed ? null : $"{(int)response.StatusCode}");
            card.Reveal = revealed ? RevealDuringTraffic.Revealed
                : response.StatusCode == HttpStatusCode.NotFound ? RevealDuringTraffic.AlreadyGone
                : RevealDuringTraffic.CutOff;
        }
        catch (HttpRequestException ex)
        {
            End(operation, clock, Described(ex));
            card.Reveal = RevealDuringTraffic.CutOff;
        }
    }

    /// <summary>What kind of failure: the exception types and the connection error, never a message that could quote a request.</summary>
    private static string Described(HttpRequestException ex) => $"{ex.GetType().Name} ({ex.HttpRequestError}, {ex.InnerException?.GetType().Name})";

    private Operation Begin(string kind, Stopwatch clock)
    {
        var operation = new Operation(kind, clock.ElapsedTicks);
        _operations.Enqueue(operation);
        return operation;
    }

    private static void End(Operation operation, Stopwatch clock, string? problem)
    {
        operation.Problem = problem;
        operation.Failed = problem is not null;
        operation.Done = clock.ElapsedTicks;
    }

    private void Shown(ShareCard card)
    {
        _cards.Enqueue(card);
        _toReveal.Enqueue(card);
    }

    private static string? RequestIdOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Request-ID", out var values) ? values.First() : null;

    private static JsonObject TeamsShare(FakeBotFramework teams, string aad, string secret) => new()
    {
        ["type"] = "invoke",
        ["name"] = "composeExtension/submitAction",
        ["id"] = "f:" + Guid.NewGuid().ToString("N"),
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        ["serviceUrl"] = teams.ServiceUrl,
        ["channelId"] = FakeBotFramework.Channel,
        ["from"] = new JsonObject { ["id"] = "29:1" + aad, ["name"] = "Alice", ["aadObjectId"] = aad },
        ["conversation"] = new JsonObject { ["conversationType"] = "personal", ["tenantId"] = TenantId, ["id"] = "a:1conv" + aad },
        ["recipient"] = new JsonObject { ["id"] = "28:" + AppId, ["name"] = "OneTimeBot" },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
        ["locale"] = "en-US",
        ["value"] = new JsonObject
        {
            ["commandId"] = "shareSecret",
            ["commandContext"] = "compose",
            ["context"] = new JsonObject { ["theme"] = "default" },
            ["data"] = new JsonObject { ["secret"] = secret, ["ttl"] = "1h", ["passphrase"] = "", ["recipient"] = "", ["action"] = "share" },
        },
    };

    private static Uri LinkOnTeamsCard(JsonObject card) =>
        new(card["actions"]!.AsArray().First(a => a!["type"]!.GetValue<string>() == "Action.OpenUrl")!["url"]!.GetValue<string>());

    /// <summary>
    /// Presses Check status on a Slack card, as its sender, through the proxy; whether the receipt answered as it should:
    /// the same live card, or, for a link revealed during the traffic, the card saying it was opened.
    /// </summary>
    private static async Task<bool> CheckStatusAsync(SlackRequests requests, FakeSlackServer slack, ShareCard card)
    {
        var cardUrl = slack.NewResponseUrl();
        using var ack = await requests.InteractionAsync(SlackRequests.BlockAction(ActionIds.CheckStatus, card.ReceiptId!, cardUrl, user: card.User));
        if (ack.StatusCode != HttpStatusCode.OK)
        {
            return false;
        }

        var status = (await slack.WaitForPostsAsync(cardUrl, timeout: Patience))[0];
        var live = ShownCard.IsLiveCard(status.Body) && SlackApp.LinkOn(status.Body) == card.Link;
        var viewed = status.Body.ToJsonString().Contains("Viewed: the secret was opened", StringComparison.Ordinal);
        return card.Reveal switch
        {
            RevealDuringTraffic.NotTried => live,
            RevealDuringTraffic.Revealed => viewed,
            _ => live || viewed,
        };
    }

    /// <summary>Reveals a link through the proxy as the v1 API does; the secret, or null when it is gone.</summary>
    private static async Task<string?> RevealAsync(HttpClient http, Uri link)
    {
        using var response = await PostRevealAsync(http, link);
        return response.StatusCode == HttpStatusCode.OK ? ValueOf(await response.Content.ReadAsStringAsync()) : null;
    }

    private static Task<HttpResponseMessage> PostRevealAsync(HttpClient http, Uri link) =>
        http.PostAsync(new Uri(link, "/api/v1/secret/" + link.AbsolutePath.TrimEnd('/').Split('/')[^1]), new FormUrlEncodedContent([]));

    private static string? ValueOf(string body) => (JsonNode.Parse(body) as JsonObject)?["value"]?.GetValue<string>();

    private static async Task<long> CountAsync(DurableStore store, string pattern)
    {
        var reply = await store.RedisServer!.CommandAsync("KEYS", pattern);
        return reply.Split("\r\n").Count(line => line.StartsWith("durable:", StringComparison.Ordinal));
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited too long for {what}.");
            }

            await Task.Delay(20);
        }
    }
}
