using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneTimeBot.Core.Storage;

namespace OneTimeBot.Bench;

/// <summary>
/// The ceiling issue 17 names: a bare ASP.NET Core handler doing the job of Bolt's <c>bench/bolt/app.js</c> and nothing
/// more. It checks Slack's signature (v0 HMAC-SHA256, 5-minute window, constant-time compare), stores the secret through
/// the same Onetime Secret v1 backend with one call, and acks with the same Block Kit card inline, or acks at once and
/// posts the card to <c>response_url</c> when the backend is slower than 2 s. It keeps no state: no replay records, no
/// receipts, no tracking, no settings, no limits, no telemetry, no localization, no logging. With <c>BARE_SQLITE</c> set
/// to a file it keeps the least a durable command needs, as a floor for OneTimeBot's own store: each command's replay
/// record and receipt, one insert each, in one visit to OneTimeBot's SQLite writer, committed before the card is sent. The benchmark runs it as a
/// process of its own (this program with the argument <c>bare-slack-app</c>), with the environment Bolt gets.
/// </summary>
internal static class BareSlackApp
{
    public const string Argument = "bare-slack-app";

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan InlineBudget = TimeSpan.FromSeconds(2);

    // Keys that start with the time, so each insert lands at the end of its b-tree, as OneTimeBot's do.
    private static readonly SqliteSchema MinimalSchema = new("""
        CREATE TABLE IF NOT EXISTS bare_claims (key TEXT PRIMARY KEY, expires INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS bare_receipts (id TEXT PRIMARY KEY, body TEXT NOT NULL, keep_until INTEGER NOT NULL) WITHOUT ROWID;
        """);

    public static async Task RunAsync()
    {
        var port = int.Parse(Required("PORT"), CultureInfo.InvariantCulture);
        var signingSecret = Encoding.UTF8.GetBytes(Required("SLACK_SIGNING_SECRET"));
        var backend = new Uri(Required("OTS_BASE_URL").TrimEnd('/') + "/");
        var credentials = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Required("OTS_USER") + ":" + Required("OTS_TOKEN"))));

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls($"http://127.0.0.1:{port}");
        builder.Services.AddHttpClient("ots", client =>
        {
            client.BaseAddress = backend;
            client.DefaultRequestHeaders.Authorization = credentials;
            client.Timeout = TimeSpan.FromSeconds(25);
        });
        builder.Services.AddHttpClient("slack");
        var app = builder.Build();
        var clients = app.Services.GetRequiredService<IHttpClientFactory>();
        using var store = Environment.GetEnvironmentVariable("BARE_SQLITE") is { Length: > 0 } file
            ? new SqliteDatabase(Options.Create(new StorageOptions { ConnectionString = "Data Source=" + file }), app.Environment)
            : null;
        app.MapPost("/slack/commands", (HttpContext http) => CommandAsync(http, signingSecret, backend, clients, store));
        await app.RunAsync();
    }

    private static async Task CommandAsync(HttpContext http, byte[] signingSecret, Uri backend, IHttpClientFactory clients, SqliteDatabase? store)
    {
        var body = await ReadBodyAsync(http.Request);
        if (body is null || !Verified(http.Request.Headers, body, signingSecret))
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        var text = form["text"].ToString();
        var secret = text.StartsWith("share ", StringComparison.Ordinal) ? text[6..] : text;
        var work = ShareAsync(clients.CreateClient("ots"), backend, secret, store);
        if (await Task.WhenAny(work, Task.Delay(InlineBudget)) == work)
        {
            await AckAsync(http, await work);
            return;
        }

        await AckAsync(http, Message("Creating your link…"));
        var responseUrl = form["response_url"].ToString();
        _ = Task.Run(async () =>
        {
            using var content = new ByteArrayContent(await work);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            try
            {
                using var posted = await clients.CreateClient("slack").PostAsync(responseUrl, content);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Bolt's app would log it; a benchmark peer has nobody to tell.
            }
        });
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request)
    {
        if (request.ContentLength is > 64 * 1024)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        return buffer.Length > 64 * 1024 ? null : buffer.ToArray();
    }

    private static bool Verified(IHeaderDictionary headers, byte[] body, byte[] signingSecret)
    {
        if (!long.TryParse(headers["X-Slack-Request-Timestamp"], NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp) ||
            Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - timestamp) > Window.TotalSeconds)
        {
            return false;
        }

        var prefix = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"v0:{timestamp}:"));
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, signingSecret);
        hmac.AppendData(prefix);
        hmac.AppendData(body);
        var expected = Encoding.ASCII.GetBytes("v0=" + Convert.ToHexStringLower(hmac.GetHashAndReset()));
        var presented = Encoding.ASCII.GetBytes(headers["X-Slack-Signature"].ToString());
        return CryptographicOperations.FixedTimeEquals(expected, presented);
    }

    private static async Task<byte[]> ShareAsync(HttpClient ots, Uri backend, string secret, SqliteDatabase? store)
    {
        try
        {
            using var content = new FormUrlEncodedContent([new("secret", secret), new("ttl", "3600")]);
            using var response = await ots.PostAsync("api/v1/share", content);
            if (!response.IsSuccessStatusCode)
            {
                return Message("The secret service is not answering right now. Nothing was shared.");
            }

            using var receipt = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
            if (store is not null)
            {
                await StoreAsync(store, StoredReceipt(receipt.RootElement));
            }

            return Card(receipt.RootElement, backend);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException or FormatException)
        {
            return Message("The secret service is not answering right now. Nothing was shared.");
        }
    }

    /// <summary>
    /// The receipt as it came, but with its two keys hashed: a link's keys are stored nowhere readable, here as in
    /// OneTimeBot (which seals them), and a hash costs about what sealing does.
    /// </summary>
    private static string StoredReceipt(JsonElement receipt) => Encoding.UTF8.GetString(Json(w =>
    {
        foreach (var field in receipt.EnumerateObject())
        {
            if (field.Name is "secret_key" or "metadata_key")
            {
                w.WriteString(field.Name, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(field.Value.GetString() ?? ""))));
            }
            else
            {
                field.WriteTo(w);
            }
        }
    }));

    /// <summary>The replay record and the receipt, in one write that commits before the card leaves.</summary>
    private static Task<int> StoreAsync(SqliteDatabase store, string receipt)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var time = now.ToString("D13", CultureInfo.InvariantCulture);
        var claim = "@" + time + ":" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var id = time + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        return store.WriteAsync(MinimalSchema, statements =>
        {
            statements.Execute("INSERT INTO bare_claims (key, expires) VALUES ($key, $expires)", [("$key", claim), ("$expires", now + 660_000)]);
            return statements.Execute("INSERT INTO bare_receipts (id, body, keep_until) VALUES ($id, $body, $keep)", [("$id", id), ("$body", receipt), ("$keep", now + 7_200_000)]);
        }, CancellationToken.None);
    }

    /// <summary>The card Bolt's app builds, field for field.</summary>
    private static byte[] Card(JsonElement receipt, Uri backend)
    {
        var link = $"{backend}secret/{receipt.GetProperty("secret_key").GetString()}";
        var ttl = Number(receipt.GetProperty("ttl"));
        var expires = Number(receipt.GetProperty("created")) + ttl;
        var passphrase = receipt.TryGetProperty("passphrase_required", out var p) && p.ValueKind == JsonValueKind.True;
        var metadataKey = receipt.GetProperty("metadata_key").GetString();
        return Json(w =>
        {
            w.WriteString("response_type", "ephemeral");
            w.WriteString("text", string.Create(CultureInfo.InvariantCulture, $"One-time link: {link} (expires in {ttl} seconds)"));
            w.WriteStartArray("blocks");
            Block(w, "header", () => Text(w, "text", "plain_text", ":lock: Your one-time link is ready", emoji: true));
            Block(w, "section", () => Text(w, "text", "mrkdwn", $"*One-time link:*\n{link}"));
            Block(w, "section", () =>
            {
                w.WriteStartArray("fields");
                Text(w, null, "mrkdwn", string.Create(CultureInfo.InvariantCulture,
                    $"*Expires*\n<!date^{expires}^{{date_short_pretty}} at {{time}}|{DateTimeOffset.FromUnixTimeSeconds(expires):yyyy-MM-dd'T'HH:mm:ss.fff'Z'}>"));
                Text(w, null, "mrkdwn", $"*Passphrase*\n{(passphrase ? "Required" : "None")}");
                w.WriteEndArray();
            });
            Block(w, "actions", () =>
            {
                w.WriteStartArray("elements");
                Button(w, "Check status", "receipt_status", metadataKey, style: null);
                Button(w, "Burn now", "receipt_burn", metadataKey, style: "danger");
                w.WriteEndArray();
            });
            Block(w, "context", () =>
            {
                w.WriteStartArray("elements");
                Text(w, null, "mrkdwn", "Paste the link only where its recipient will see it.");
                w.WriteEndArray();
            });
            w.WriteEndArray();
        });
    }

    private static byte[] Message(string text) => Json(w =>
    {
        w.WriteString("response_type", "ephemeral");
        w.WriteString("text", text);
    });

    private static void Block(Utf8JsonWriter w, string type, Action content)
    {
        w.WriteStartObject();
        w.WriteString("type", type);
        content();
        w.WriteEndObject();
    }

    private static void Text(Utf8JsonWriter w, string? property, string type, string text, bool emoji = false)
    {
        if (property is null)
        {
            w.WriteStartObject();
        }
        else
        {
            w.WriteStartObject(property);
        }

        w.WriteString("type", type);
        w.WriteString("text", text);
        if (emoji)
        {
            w.WriteBoolean("emoji", true);
        }

        w.WriteEndObject();
    }

    private static void Button(Utf8JsonWriter w, string text, string actionId, string? value, string? style)
    {
        w.WriteStartObject();
        w.WriteString("type", "button");
        Text(w, "text", "plain_text", text);
        w.WriteString("action_id", actionId);
        w.WriteString("value", value);
        if (style is not null)
        {
            w.WriteString("style", style);
        }

        w.WriteEndObject();
    }

    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(2048);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            write(w);
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static async Task AckAsync(HttpContext http, byte[] json)
    {
        http.Response.ContentType = "application/json";
        http.Response.ContentLength = json.Length;
        await http.Response.Body.WriteAsync(json);
    }

    // Onetime Secret answers numbers, some deployments strings of digits.
    private static long Number(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? long.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetInt64();

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) ?? throw new InvalidOperationException($"{name} is not set");
}
