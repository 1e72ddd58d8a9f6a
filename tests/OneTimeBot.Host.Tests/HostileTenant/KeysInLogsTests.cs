using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using OneTimeBot.Testing;

namespace OneTimeBot.Host.Tests.HostileTenant;

/// <summary>
/// Scenario 4: keys in logs. Normal, malformed and chunked requests on every keyed path, with the real keys of real
/// shares, on a real Kestrel host logging everything at Trace; then no log line (message, structured values, scopes,
/// exception) names a key, while the lines that would have named one are there, redacted.
/// </summary>
public sealed class KeysInLogsTests
{
    private static readonly Dictionary<string, string?> LogEverything = new()
    {
        ["Logging:LogLevel:Default"] = "Trace",
        ["Logging:LogLevel:Microsoft"] = "Trace",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
        ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Trace",
        ["SecretServer:PassphraseWorkFactor"] = "4",
    };

    [Fact]
    public async Task No_log_line_at_any_level_names_a_secret_or_metadata_key_whatever_is_sent_to_its_paths()
    {
        await using var host = new HostFactory(LogEverything, kestrel: true);
        host.StartServer();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{host.Port}/") };
        var keys = new List<string>();

        foreach (var round in Enumerable.Range(0, 3))
        {
            var (secretKey, metadataKey) = await ShareAsync(client, $"keys-in-logs secret {round} 0401", round == 2 ? "open sesame 0401" : null);
            keys.Add(secretKey);
            keys.Add(metadataKey);
            foreach (var (method, path) in KeyedPaths(secretKey, metadataKey))
            {
                foreach (var body in Bodies())
                {
                    using var request = new HttpRequestMessage(method, path) { Content = body };
                    using var response = await client.SendAsync(request);
                    Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
                }
            }

            await SendMalformedRequestLineAsync(host.Port, "/secret/" + secretKey);
            await SendMalformedRequestLineAsync(host.Port, " /receipt/" + metadataKey);
            await SendMalformedRequestLineAsync(host.Port, $"/api/v1/private/{metadataKey}/burn");
        }

        var entries = host.Logs.Entries;
        foreach (var key in keys)
        {
            Assert.DoesNotContain(entries, e => e.FullText.Contains(key, StringComparison.OrdinalIgnoreCase));
        }

        // The lines that carried keys before are still written, with the key redacted: in messages and in the hosting scope.
        Assert.Contains(entries, e => e.Message.Contains("/secret/[redacted]", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Message.Contains("/api/v1/private/[redacted]/burn", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Values.Any(v => v.StartsWith("scope:", StringComparison.Ordinal) && v.Contains("RequestPath:/receipt/[redacted]", StringComparison.Ordinal)));
        Assert.Contains(entries, e => e.Exception?.Contains("Invalid request target: '/secret/[redacted]", StringComparison.Ordinal) == true);
        Assert.Contains(entries, e => e.Message.Contains("/api/v1/private/recent", StringComparison.Ordinal));
    }

    private static IEnumerable<(HttpMethod Method, string Path)> KeyedPaths(string secretKey, string metadataKey)
    {
        yield return (HttpMethod.Get, "/secret/" + secretKey);
        yield return (HttpMethod.Post, "/secret/" + secretKey);
        yield return (HttpMethod.Post, "/SECRET/" + secretKey);
        yield return (HttpMethod.Get, "/receipt/" + metadataKey);
        yield return (HttpMethod.Post, "/receipt/" + metadataKey);
        yield return (HttpMethod.Post, $"/receipt/{metadataKey}/burn");
        yield return (HttpMethod.Post, "/api/v1/secret/" + secretKey);
        foreach (var prefix in new[] { "private", "metadata", "receipt" })
        {
            yield return (HttpMethod.Get, $"/api/v1/{prefix}/{metadataKey}");
            yield return (HttpMethod.Post, $"/api/v1/{prefix}/{metadataKey}");
            yield return (HttpMethod.Post, $"/api/v1/{prefix}/{metadataKey}/burn");
        }

        yield return (HttpMethod.Get, "/api/v1/private/recent");
    }

    /// <summary>No body, then broken ones (a multipart form without its boundary, cut-off JSON and forms), then chunked ones, small and too large.</summary>
    private static IEnumerable<HttpContent?> Bodies()
    {
        yield return null;
        yield return Raw("--x\r\nContent-Disposition: form-data; name=\"passphrase\"\r\n\r\nnope", "multipart/form-data");
        yield return Raw("--nb\r\nContent-Disposition: form-data; name=\"passphrase\"\r\n\r\ntruncated", "multipart/form-data; boundary=nb");
        yield return Raw("{\"passphrase\": \"unterminated", "application/json");
        yield return Raw("passphrase=%%%ZZ&&=&secret", "application/x-www-form-urlencoded");
        yield return new ChunkedContent(Encoding.ASCII.GetBytes("passphrase=wrong+guess"), "application/x-www-form-urlencoded");
        yield return new ChunkedContent(new byte[300 * 1024], "application/x-www-form-urlencoded");
        yield return new ByteArrayContent(new byte[300 * 1024]);
    }

    private static ByteArrayContent Raw(string body, string contentType)
    {
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    /// <summary>A request line Kestrel rejects itself, before any middleware: its complaint and exception quote the line.</summary>
    private static async Task SendMalformedRequestLineAsync(int port, string path)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes($"POST {path}\u00ff#x HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n"));
        var answer = new byte[1024];
        _ = await stream.ReadAsync(answer);
    }

    private static async Task<(string SecretKey, string MetadataKey)> ShareAsync(HttpClient client, string secret, string? passphrase)
    {
        TestRunLedger.Secret(secret);
        TestRunLedger.Secret(passphrase);
        var form = new List<KeyValuePair<string, string>> { new("secret", secret), new("ttl", "3600") };
        if (passphrase is not null)
        {
            form.Add(new("passphrase", passphrase));
        }

        using var response = await client.PostAsync(new Uri("/api/v1/share", UriKind.Relative), new FormUrlEncodedContent(form));
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var keys = (json["secret_key"]!.GetValue<string>(), json["metadata_key"]!.GetValue<string>());
        TestRunLedger.Secret(keys.Item1);
        TestRunLedger.Secret(keys.Item2);
        return keys;
    }
}
