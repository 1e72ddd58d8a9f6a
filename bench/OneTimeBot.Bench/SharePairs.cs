using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace OneTimeBot.Bench;

/// <summary>
/// Share+reveal pairs over HTTP at a fixed concurrency: each worker shares a secret, reveals it and checks the value,
/// as a recipient would, then starts the next pair.
/// </summary>
internal static class SharePairs
{
    public static async Task<PairFigures> RunAsync(Uri baseUri, int pairs, int concurrency)
    {
        using var http = Client(baseUri, concurrency);

        await RunPairsAsync(http, Math.Min(200, pairs), concurrency, new long[Math.Min(200, pairs)]);
        var latencies = new long[pairs];
        var clock = Stopwatch.StartNew();
        await RunPairsAsync(http, pairs, concurrency, latencies);
        clock.Stop();

        Array.Sort(latencies);
        return new PairFigures(pairs, clock.Elapsed, Percentile(latencies, 0.50), Percentile(latencies, 0.99));
    }

    /// <summary>A client of the v1 API with the benchmark's account.</summary>
    public static HttpClient Client(Uri baseUri, int concurrency)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { BaseAddress = new Uri(baseUri, "api/v1/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{EmbeddedSecretServer.Username}:{EmbeddedSecretServer.Token}")));
        return http;
    }

    public static async Task RunPairsAsync(HttpClient http, int pairs, int concurrency, long[] latencies)
    {
        var next = -1;
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < pairs)
            {
                var started = Stopwatch.GetTimestamp();
                var secret = $"bench secret {i} {Guid.NewGuid()}";
                using var share = await http.PostAsync("share", new FormUrlEncodedContent([new("secret", secret), new("ttl", "600")]));
                share.EnsureSuccessStatusCode();
                var key = JsonDocument.Parse(await share.Content.ReadAsStringAsync()).RootElement.GetProperty("secret_key").GetString();
                using var reveal = await http.PostAsync($"secret/{key}", new FormUrlEncodedContent([]));
                reveal.EnsureSuccessStatusCode();
                var value = JsonDocument.Parse(await reveal.Content.ReadAsStringAsync()).RootElement.GetProperty("value").GetString();
                if (value != secret)
                {
                    throw new InvalidOperationException("a revealed value differs from what was shared");
                }

                latencies[i] = Stopwatch.GetTimestamp() - started;
            }
        });
        await Task.WhenAll(workers);
    }

    private static TimeSpan Percentile(long[] sortedTicks, double p) =>
        Stopwatch.GetElapsedTime(0, sortedTicks[Math.Clamp((int)Math.Ceiling(p * sortedTicks.Length) - 1, 0, sortedTicks.Length - 1)]);
}

internal sealed record PairFigures(int Pairs, TimeSpan Elapsed, TimeSpan P50, TimeSpan P99)
{
    public double PairsPerSecond => Pairs / Elapsed.TotalSeconds;
}
