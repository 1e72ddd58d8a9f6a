using System.Net;
using System.Text.Json;
using OneTimeBot.Testing;

namespace OneTimeBot.Host.Tests.Durability;

/// <summary>
/// One-time means once, whichever replica a reveal reaches: many reveals of one secret at the same instant, through
/// two host processes on one store and through both the v1 API and the reveal page, give the secret to exactly one
/// and the not-found answer to all the others. Repeated over several secrets, so that a race has its chances.
/// </summary>
public sealed class OneTimeRevealTests
{
    private const int Secrets = 6;
    private const int RevealsPerSecret = 16;

    [Theory]
    [InlineData(DurableStore.Sqlite)]
    [InlineData(DurableStore.Redis)]
    public async Task Concurrent_reveals_through_two_hosts_on_one_store_give_each_secret_to_exactly_one_and_not_found_to_all_others(string provider)
    {
        await using var store = await DurableStore.StartAsync(provider);
        await using var slack = await FakeSlackServer.StartAsync();
        var settings = OperatorSettings.For(store, slack, OperatorSettings.NewSigningSecret());
        // Every reveal here comes from one address: the anonymous limit would refuse most of them otherwise.
        settings["SecretServer__AnonymousRevealsPerMinute"] = "100000";
        await using var first = new BotProcess(settings);
        await using var second = new BotProcess(settings);
        // One after the other: the first start creates the store's tables, which is not what this test is about.
        await first.StartAsync();
        await second.StartAsync();
        BotProcess[] hosts = [first, second];
        await OpenConnectionsAsync(hosts);
        var outcomes = new List<(int Revealed, int NotFound, int Other)>();

        for (var s = 0; s < Secrets; s++)
        {
            var secret = $"Ao5-revealed-once-{s}-{Guid.NewGuid():N}";
            var key = await ShareAsync(hosts[s % 2].Http, secret);
            var answers = await RevealAllAtOnceAsync(hosts, key);
            outcomes.Add((
                answers.Count(a => a.Status == HttpStatusCode.OK && a.Body.Contains(secret, StringComparison.Ordinal)),
                answers.Count(a => a.Status == HttpStatusCode.NotFound && (a.Page || a.Body.Contains("Unknown secret", StringComparison.Ordinal))),
                answers.Count(a => a.Status is not (HttpStatusCode.OK or HttpStatusCode.NotFound))));
        }

        Assert.All(outcomes, o => Assert.Equal((1, RevealsPerSecret - 1, 0), o));
    }

    /// <summary>Reveals <paramref name="key"/> from every host at once, alternating the v1 API and the reveal page.</summary>
    private static async Task<(HttpStatusCode Status, bool Page, string Body)[]> RevealAllAtOnceAsync(BotProcess[] hosts, string key)
    {
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reveals = Enumerable.Range(0, RevealsPerSecret).Select(i => Task.Run(async () =>
        {
            // Each host gets as many reveals through its API as through its page.
            var page = i % 4 >= 2;
            var path = page ? $"/secret/{key}" : $"/api/v1/secret/{key}";
            await go.Task;
            using var response = await hosts[i % 2].Http.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent([]));
            return (response.StatusCode, page, await response.Content.ReadAsStringAsync());
        })).ToArray();
        go.SetResult();
        return await Task.WhenAll(reveals);
    }

    private static async Task<string> ShareAsync(HttpClient http, string secret)
    {
        TestRunLedger.Secret(secret);
        using var response = await http.PostAsync(new Uri("/api/v1/share", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["secret"] = secret, ["ttl"] = "3600" }));
        var body = await response.Content.ReadAsStringAsync();
        TestRunLedger.Current.NoteServiceAnswer(body, generated: false);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(body).RootElement.GetProperty("secret_key").GetString()!;
    }

    /// <summary>Opens as many connections to each host as reveals will go to it, so that none waits for a handshake.</summary>
    private static Task OpenConnectionsAsync(BotProcess[] hosts) =>
        Task.WhenAll(hosts.SelectMany(host => Enumerable.Range(0, RevealsPerSecret / hosts.Length).Select(async _ =>
        {
            using var response = await host.Http.GetAsync(new Uri("/healthz", UriKind.Relative));
            response.EnsureSuccessStatusCode();
        })));
}
