using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OneTimeBot.Testing.Slack;

namespace OneTimeBot.Bench;

/// <summary>One run's figures; <see cref="StoreCpuPerRequest"/> is the store server's CPU (redis-server), when it has a process of its own.</summary>
internal sealed record LoadFigures(int Requests, double PerSecond, TimeSpan P50, TimeSpan P99, int Failures, int AckedUnder3s, int Deferred, int CardsDelivered, TimeSpan AppCpuPerRequest, TimeSpan BenchCpuPerRequest, TimeSpan? StoreCpuPerRequest);

/// <summary>
/// Signed <c>/onetime share</c> commands at a fixed concurrency, as Slack sends them, against one app; measures the
/// time to the HTTP answer (the ack), and counts cards that arrive at the response_url receiver for deferred ones.
/// The receiver also stands in for Slack's Web API where OneTimeBot asks a user's language (<c>users.info</c>): the
/// commands come from <see cref="Users"/> people, as in a workspace, so those lookups are remembered, not made per command.
/// </summary>
internal sealed class SlackCommandLoad : IAsyncDisposable
{
    private readonly WebApplication _receiver;
    private readonly ConcurrentDictionary<string, int> _posts = new();
    private int _userInfoCalls;

    /// <summary>How many people send the commands, in turn.</summary>
    public const int Users = 256;

    private SlackCommandLoad(WebApplication receiver, int port)
    {
        _receiver = receiver;
        ReceiverBase = $"http://127.0.0.1:{port}/response/";
    }

    public string ReceiverBase { get; }

    /// <summary>How many times an app asked for a user's language since the start.</summary>
    public int UserInfoCalls => Volatile.Read(ref _userInfoCalls);

    public static async Task<SlackCommandLoad> StartAsync()
    {
        var port = OneTimeBot.Testing.FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var load = new SlackCommandLoad(app, port);
        app.MapPost("/response/{id}", async (string id, HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            if (body.Contains("One-time link", StringComparison.Ordinal))
            {
                load._posts.AddOrUpdate(id, 1, (_, n) => n + 1);
            }

            return Results.Ok();
        });
        app.MapPost("/api/users.info", async (HttpRequest request) =>
        {
            Interlocked.Increment(ref load._userInfoCalls);
            var form = await request.ReadFormAsync();
            return Results.Json(new { ok = true, user = new { id = form["user"].ToString(), locale = "en-US" } });
        });
        await app.StartAsync();
        return load;
    }

    /// <summary>The same load for a while, its figures thrown away.</summary>
    public async Task WarmUpAsync(Uri commandsUrl, Process app, string signingSecret, int concurrency, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            await RunAsync(commandsUrl, app, null, signingSecret, concurrency * 50, concurrency, TimeSpan.Zero);
        }
    }

    public async Task<LoadFigures> RunAsync(Uri commandsUrl, Process app, Process? storeServer, string signingSecret, int requests, int concurrency, TimeSpan waitForCards)
    {
        app.Refresh();
        storeServer?.Refresh();
        var appCpu = app.TotalProcessorTime;
        var storeCpu = storeServer?.TotalProcessorTime;
        var benchCpu = Process.GetCurrentProcess().TotalProcessorTime;
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency * 2 }) { Timeout = TimeSpan.FromSeconds(30) };
        var latencies = new ConcurrentBag<TimeSpan>();
        var ids = new ConcurrentBag<string>();
        var failures = 0;
        var deferred = 0;
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) < requests)
            {
                var id = Guid.NewGuid().ToString("N");
                var user = "U0BENCH" + (n % Users).ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
                ids.Add(id);
                var body = "team_id=T0BENCH&team_domain=bench&channel_id=C0BENCH&channel_name=bench&user_id=" + user +
                           "&user_name=bench&command=%2Fonetime&text=share+bench-secret-" + id +
                           "&response_url=" + Uri.EscapeDataString(ReceiverBase + id) + "&trigger_id=" + id + "&api_app_id=A0BENCH";
                var bytes = Encoding.UTF8.GetBytes(body);
                var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
                using var request = new HttpRequestMessage(HttpMethod.Post, commandsUrl) { Content = new ByteArrayContent(bytes) };
                request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
                request.Headers.Add(SlackSigning.TimestampHeader, ts.ToString(System.Globalization.CultureInfo.InvariantCulture));
                request.Headers.Add(SlackSigning.SignatureHeader, SlackSigning.Signature(signingSecret, ts, bytes));
                var sent = Stopwatch.StartNew();
                try
                {
                    using var response = await http.SendAsync(request);
                    var text = await response.Content.ReadAsStringAsync();
                    latencies.Add(sent.Elapsed);
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref failures);
                    }
                    else if (!text.Contains("One-time link", StringComparison.Ordinal))
                    {
                        Interlocked.Increment(ref deferred);
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    latencies.Add(sent.Elapsed);
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        var elapsed = clock.Elapsed;
        app.Refresh();
        storeServer?.Refresh();
        appCpu = app.TotalProcessorTime - appCpu;
        storeCpu = storeServer?.TotalProcessorTime - storeCpu;
        benchCpu = Process.GetCurrentProcess().TotalProcessorTime - benchCpu;

        var deadline = DateTime.UtcNow + waitForCards;
        while (deferred > 0 && ids.Count(_posts.ContainsKey) < deferred && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var sorted = latencies.OrderBy(l => l).ToArray();
        return new LoadFigures(requests, requests / elapsed.TotalSeconds, sorted[sorted.Length / 2], sorted[(int)(sorted.Length * 0.99)],
            failures, sorted.Count(l => l < TimeSpan.FromSeconds(3)), deferred, ids.Count(_posts.ContainsKey), appCpu / requests, benchCpu / requests, storeCpu / requests);
    }

    public async ValueTask DisposeAsync()
    {
        await _receiver.StopAsync();
        await _receiver.DisposeAsync();
    }
}
