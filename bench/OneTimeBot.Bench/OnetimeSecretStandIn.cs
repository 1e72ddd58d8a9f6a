using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OneTimeBot.Bench;

/// <summary>
/// A tiny Onetime Secret v1 server on a loopback port, the backend both apps share in the Slack benchmark: it checks the
/// account's Basic credentials and answers <c>POST /api/v1/share</c> and <c>/api/v1/generate</c> with a fresh receipt
/// shaped as onetimesecret.com's, and keeps nothing and encrypts nothing. A real backend's work (the embedded service's
/// key derivations and store writes) would take CPU from the two apps on a two-core machine; this one takes little, so
/// the apps' figures are the apps'.
/// </summary>
internal sealed class OnetimeSecretStandIn : IAsyncDisposable
{
    private const string KeyAlphabet = "0123456789abcdefghijklmnopqrstuvwxyz";
    private const int KeyLength = 31;
    private const long DefaultTtl = 7 * 24 * 3600;
    private const long MinTtl = 60;
    private const long MaxTtl = 30 * 24 * 3600;

    // The generated values' alphabet of the reference server: no look-alikes (i l o 1 I O 0), one of each set at least.
    private static readonly string[] GeneratedSets = ["ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghjkmnpqrstuvwxyz", "23456789", "!@#$%^&*-_=+"];
    private static readonly string GeneratedAlphabet = string.Concat(GeneratedSets);

    private readonly WebApplication _app;

    private OnetimeSecretStandIn(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public static async Task<OnetimeSecretStandIn> StartAsync(string username, string token)
    {
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(username + ":" + token));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/api/v1/share", (HttpContext http) => AnswerAsync(http, expected, username, generate: false));
        app.MapPost("/api/v1/generate", (HttpContext http) => AnswerAsync(http, expected, username, generate: true));
        app.MapGet("/api/v1/status", (HttpContext http) => WriteAsync(http, 200, w => { w.WriteString("status", "nominal"); w.WriteString("locale", "en"); }));
        app.MapGet("/api/v1/authcheck", (HttpContext http) => Authorized(http, expected)
            ? WriteAsync(http, 200, w => { w.WriteString("status", "nominal"); w.WriteString("locale", "en"); })
            : NotAuthorizedAsync(http));
        app.MapFallback((HttpContext http) => WriteAsync(http, 404, w => w.WriteString("error", "Not Found")));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new OnetimeSecretStandIn(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task AnswerAsync(HttpContext http, string expected, string custid, bool generate)
    {
        if (!Authorized(http, expected))
        {
            await NotAuthorizedAsync(http);
            return;
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (!generate && string.IsNullOrEmpty(form["secret"]))
        {
            await WriteAsync(http, 404, w => w.WriteString("message", "You did not provide anything to share"));
            return;
        }

        var ttl = long.TryParse(form["ttl"], NumberStyles.None, CultureInfo.InvariantCulture, out var asked) ? Math.Clamp(asked, MinTtl, MaxTtl) : DefaultTtl;
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        await WriteAsync(http, 200, w =>
        {
            w.WriteString("custid", custid);
            w.WriteString("metadata_key", RandomNumberGenerator.GetString(KeyAlphabet, KeyLength));
            w.WriteString("secret_key", RandomNumberGenerator.GetString(KeyAlphabet, KeyLength));
            w.WriteNumber("ttl", ttl);
            w.WriteNumber("metadata_ttl", ttl * 2);
            w.WriteNumber("secret_ttl", ttl);
            w.WriteString("state", "new");
            w.WriteNumber("updated", now);
            w.WriteNumber("created", now);
            w.WriteStartArray("recipient");
            w.WriteEndArray();
            w.WriteString("share_domain", "");
            w.WriteBoolean("passphrase_required", !string.IsNullOrEmpty(form["passphrase"]));
            if (generate)
            {
                w.WriteString("value", Generated());
            }
        });
    }

    private static bool Authorized(HttpContext http, string expected) =>
        string.Equals(http.Request.Headers.Authorization.ToString(), expected, StringComparison.Ordinal);

    private static Task NotAuthorizedAsync(HttpContext http)
    {
        http.Response.Headers["X-OTS-Intended-Status"] = "401";
        return WriteAsync(http, 404, w => w.WriteString("message", "Not authorized"));
    }

    private static async Task WriteAsync(HttpContext http, int status, Action<Utf8JsonWriter> fields)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            fields(writer);
            writer.WriteEndObject();
        }

        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.ContentLength = buffer.WrittenCount;
        await http.Response.Body.WriteAsync(buffer.WrittenMemory, http.RequestAborted);
    }

    private static string Generated()
    {
        var value = RandomNumberGenerator.GetString(GeneratedAlphabet, 12).ToCharArray();
        // One character of each set, at positions of its own, so every set is present.
        var positions = Enumerable.Range(0, value.Length).OrderBy(_ => RandomNumberGenerator.GetInt32(int.MaxValue)).Take(GeneratedSets.Length).ToArray();
        for (var set = 0; set < GeneratedSets.Length; set++)
        {
            value[positions[set]] = GeneratedSets[set][RandomNumberGenerator.GetInt32(GeneratedSets[set].Length)];
        }

        return new string(value);
    }
}
