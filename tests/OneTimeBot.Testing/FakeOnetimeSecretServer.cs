using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OneTimeBot.Testing;

/// <summary>
/// A real HTTP server on a loopback port that answers like a Onetime Secret v1 server on the wire, from scripts:
/// each route (method + path) plays its queued answers in order and repeats the last one. Unscripted routes answer
/// 404 <c>{"error":"Not Found"}</c> as the real server does. Every request is recorded; the credentials, secrets and
/// passphrases sent and the keys, values and links answered go to the run's leak ledger.
/// </summary>
public sealed class FakeOnetimeSecretServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, RouteScript> _routes = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private int _disposed;

    private FakeOnetimeSecretServer(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    /// <summary>
    /// When set (<c>username:token</c>), every request without exactly these Basic credentials is answered as
    /// onetimesecret.com answers it: 404 <c>{"message":"Not authorized"}</c> with the intended status 401.
    /// </summary>
    public string? RequiredBasicCredentials { get; set; }

    /// <summary>Starts on a free loopback port: plain http, or https with <paramref name="certificate"/>.</summary>
    public static async Task<FakeOnetimeSecretServer> StartAsync(System.Security.Cryptography.X509Certificates.X509Certificate2? certificate = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (certificate is null)
        {
            builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        }
        else
        {
            builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, l => l.UseHttps(certificate)));
        }

        var app = builder.Build();
        var server = new FakeOnetimeSecretServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUri = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>Scripts <paramref name="method"/> <paramref name="path"/> (e.g. <c>/api/v1/share</c>) to answer these in turn.</summary>
    public FakeOnetimeSecretServer On(string method, string path, params FakeResponse[] responses)
    {
        ArgumentOutOfRangeException.ThrowIfZero(responses.Length);
        _routes[Key(method, path)] = new RouteScript(responses);
        return this;
    }

    public int CountOf(string method, string path) =>
        _requests.Count(r => r.Method.Equals(method, StringComparison.OrdinalIgnoreCase) && r.Path.Equals(path, StringComparison.OrdinalIgnoreCase));

    public async ValueTask DisposeAsync()
    {
        // Tests stop a server mid-test to see a backend go down; the second dispose must be a no-op.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        var form = request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true
            ? Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(body).ToDictionary(p => p.Key, p => p.Value.ToString())
            : new Dictionary<string, string>();
        var recorded = new RecordedRequest(
            request.Method,
            request.Path.Value ?? "",
            request.QueryString.Value ?? "",
            request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null,
            request.ContentType,
            body,
            form,
            request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase));
        _requests.Enqueue(recorded);
        var ledger = TestRunLedger.Current;
        ledger.NoteAuthorization(recorded.Authorization);
        ledger?.Note(LedgerKind.Secret, form.GetValueOrDefault("secret"));
        ledger?.Note(LedgerKind.Passphrase, form.GetValueOrDefault("passphrase"));

        var response = RequiredBasicCredentials is { } required && recorded.BasicCredentials != required
            ? FakeResponse.OtsError("Not authorized", 401)
            : _routes.TryGetValue(Key(request.Method, request.Path.Value ?? ""), out var script)
                ? script.Next()
                : FakeResponse.RouteNotFound();

        if (response.Hold is { } hold && !await hold.WaitAsync(context.RequestAborted).ConfigureAwait(false))
        {
            return;
        }

        if (response.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(response.Delay, context.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        context.Response.StatusCode = response.Status;
        context.Response.ContentType = "application/json; charset=utf-8";
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        ledger.NoteServiceAnswer(response.Body, generated: request.Path.Value?.EndsWith("/generate", StringComparison.Ordinal) == true);

        await context.Response.WriteAsync(response.Body, context.RequestAborted).ConfigureAwait(false);
    }

    private static string Key(string method, string path) => method.ToUpperInvariant() + " " + path.TrimEnd('/');

    private sealed class RouteScript(FakeResponse[] responses)
    {
        private int _next = -1;

        public FakeResponse Next() => responses[Math.Min(Interlocked.Increment(ref _next), responses.Length - 1)];
    }
}
