using System.Net;
using System.Text.Json.Nodes;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Slack.Tests;
using OneTimeBot.Testing;
using Xunit.Abstractions;

namespace OneTimeBot.Host.Tests.Durability;

/// <summary>
/// A card the user was shown is a promise: its Check status button finds the receipt, and its link still holds the
/// secret, even when the host died by <c>kill -9</c> the moment the card arrived, with other commands still in flight.
/// A store that acknowledged a write before committing it (alone or in a group) would lose the receipts of the last
/// cards shown, if the commit lags by more than the host's own time from the write to the answer on the wire (7-25 ms
/// measured on a loaded two-core machine): a commit a fraction of a millisecond after the acknowledgement is only seen
/// by a test of the store's writer itself.
/// </summary>
public sealed class ReceiptSurvivesKillTests(ITestOutputHelper output)
{
    private const int Kills = 2;
    private const int Senders = 8;
    private const int CardsBeforeKill = 8;
    private static readonly TimeSpan PostBudget = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(DurableStore.Sqlite)]
    [InlineData(DurableStore.Redis)]
    public async Task Every_card_shown_before_a_kill_9_still_answers_check_status_after_the_restart_and_its_link_reveals_the_secret(string provider)
    {
        var signingSecret = OperatorSettings.NewSigningSecret();
        await using var store = await DurableStore.StartAsync(provider);
        await using var slack = await FakeSlackServer.StartAsync();
        await using var bot = new BotProcess(OperatorSettings.For(store, slack, signingSecret));
        var shown = new List<ShownCard>();

        for (var kill = 1; kill <= Kills; kill++)
        {
            await bot.StartAsync();
            await AssertEachStillAnswersCheckStatusAsync(new SlackRequests(bot.Http, signingSecret), slack, shown);
            shown.AddRange(await ShareThenKillMidStreamAsync(bot, new SlackRequests(bot.Http, signingSecret), slack, kill));
        }

        await bot.StartAsync();
        await AssertEachStillAnswersCheckStatusAsync(new SlackRequests(bot.Http, signingSecret), slack, shown);
        var revealed = await Task.WhenAll(shown.Select(card => SlackApp.RevealAsync(card.Link)));

        // Compared without printing: a failure message must not carry the secrets.
        Assert.All(shown.Zip(revealed), pair => Assert.True(pair.First.Secret == pair.Second, "A link shown before a kill no longer reveals its secret."));
    }

    /// <summary>
    /// Senders each type one command after another; the host is killed the moment the <see cref="CardsBeforeKill"/>th
    /// card is read, while the other senders' commands are still in flight. Returns every card that was shown.
    /// </summary>
    private async Task<IReadOnlyList<ShownCard>> ShareThenKillMidStreamAsync(BotProcess bot, SlackRequests requests, FakeSlackServer slack, int kill)
    {
        var shown = new System.Collections.Concurrent.ConcurrentQueue<ShownCard>();
        using var killed = new CancellationTokenSource();
        Task? killing = null;
        var cards = 0;
        var cutOff = 0;

        async Task SendAsync(int sender)
        {
            for (var n = 1; !killed.IsCancellationRequested; n++)
            {
                var sentBeforeKill = !killed.IsCancellationRequested;
                var card = await ShareAsync(requests, slack, $"U0K{kill}S{sender}N{n:00}", $"Kq9-shown-before-kill-{kill}-{sender}-{n}-{Guid.NewGuid():N}", killed.Token);
                if (card is null)
                {
                    if (sentBeforeKill)
                    {
                        Interlocked.Increment(ref cutOff);
                    }

                    return;
                }

                shown.Enqueue(card);
                if (Interlocked.Increment(ref cards) == CardsBeforeKill)
                {
                    // On the thread that read the card: the signal is sent before KillAsync first yields.
                    killed.Cancel();
                    killing = bot.KillAsync();
                }
            }
        }

        // Off the test framework's synchronization context, so that nothing queues between a card and the kill.
        await Task.Run(() => Task.WhenAll(Enumerable.Range(1, Senders).Select(SendAsync)));
        await (killing ?? bot.KillAsync());

        output.WriteLine($"kill {kill}: {shown.Count} cards shown, {cutOff} commands cut off by the kill");
        Assert.True(shown.Count >= CardsBeforeKill, $"Only {shown.Count} cards were shown before the host stopped answering.");
        return [.. shown];
    }

    /// <summary>
    /// One slash command; its card as the user saw it (in the command's answer, or posted to its response_url when
    /// the answer was the progress words), or null when the host died before showing it.
    /// </summary>
    private static async Task<ShownCard?> ShareAsync(SlackRequests requests, FakeSlackServer slack, string user, string secret, CancellationToken killed)
    {
        var responseUrl = slack.NewResponseUrl();
        JsonObject? answer;
        try
        {
            using var response = await requests.CommandAsync("share " + secret, responseUrl, user: user);
            // Read to its end even after the kill: an answer that had left the host was shown.
            var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
            TestRunLedger.Current.NoteLinksIn(body);
            answer = response.StatusCode == HttpStatusCode.OK ? JsonNode.Parse(body) as JsonObject : null;
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            return null;
        }

        var card = ShownCard.IsLiveCard(answer) ? answer : await PostedCardAsync(slack, responseUrl, killed);
        return card is null ? null : ShownCard.From(user, secret, card);
    }

    /// <summary>The card posted to <paramref name="responseUrl"/>, once it is; null if none was when the host was killed.</summary>
    private static async Task<JsonObject?> PostedCardAsync(FakeSlackServer slack, Uri responseUrl, CancellationToken killed)
    {
        var deadline = DateTime.UtcNow + PostBudget;
        while (DateTime.UtcNow < deadline)
        {
            if (slack.PostsTo(responseUrl).Select(p => p.Body).FirstOrDefault(ShownCard.IsLiveCard) is { } card)
            {
                return card;
            }

            if (killed.IsCancellationRequested)
            {
                return null;
            }

            try
            {
                await Task.Delay(20, killed);
            }
            catch (OperationCanceledException)
            {
                // Killed: one last look at what arrived before.
            }
        }

        return null;
    }

    /// <summary>Presses Check status on every card, as its sender, and expects the same live card back.</summary>
    private static async Task AssertEachStillAnswersCheckStatusAsync(SlackRequests requests, FakeSlackServer slack, IReadOnlyList<ShownCard> shown) =>
        await Task.WhenAll(shown.Select(async card =>
        {
            var cardUrl = slack.NewResponseUrl();
            using var ack = await requests.InteractionAsync(SlackRequests.BlockAction(ActionIds.CheckStatus, card.ReceiptId, cardUrl, user: card.User));
            var status = (await slack.WaitForPostsAsync(cardUrl, timeout: PostBudget))[0];

            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
            Assert.True(ShownCard.IsLiveCard(status.Body), $"Check status answered \"{status.Text}\" instead of the card.");
            Assert.True(status.ReplaceOriginal);
            // Compared without printing: a link is a credential, and a failure message would carry it.
            Assert.True(card.Link == SlackApp.LinkOn(status.Body), "Check status answered with another link than the card shown.");
            Assert.Equal(card.ReceiptId, SlackApp.ButtonValue(status.Body, ActionIds.CheckStatus));
        }));
}
