using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using OneTimeBot.Teams.Auth;
using OneTimeBot.Teams.Connector;
using OneTimeBot.Testing;

namespace OneTimeBot.Host.Tests.HostileTenant;

/// <summary>
/// Scenario 6: body caps bypassed. Every endpoint family has one body limit, enforced while the body is read, so a
/// chunked upload is refused as surely as a declared one: 413 in the family's own format, never a 500, and nothing of
/// the body in the log.
/// </summary>
public sealed class BodyLimitTests
{
    private const string SigningSecret = "5a0c3e9b7d1f4a6c8e2b0d4f6a8c1e3b";
    private const string AppId = "4f3e2d1c-0b9a-4876-9543-210fedcba987";
    private const string Filler = "bodyfill";
    private const int SlackLimit = 256 * 1024;
    private const int TeamsLimit = 256 * 1024;
    private const int ApiLimit = 64 * 1024;
    private const int PageLimit = 16 * 1024;

    public static TheoryData<bool> Servers => new() { false, true };

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task Chunked_bodies_of_300_KB_and_5_MB_get_413_in_each_endpoint_familys_format_never_500(bool kestrel)
    {
        await using var app = await BodyLimitApp.StartAsync(kestrel);
        var shared = await app.ShareAsync("limit test secret 0601");
        var failures = new List<string>();

        foreach (var size in new[] { 300 * 1024, 5 * 1024 * 1024 })
        {
            foreach (var target in BodyLimitApp.Targets(shared))
            {
                using var response = await app.SendAsync(target, FormOrJson(target.ContentType, size), chunked: true);
                failures.AddRange(await RefusalProblemsAsync(response, target, $"chunked {size:N0} bytes"));
            }
        }

        Assert.Empty(failures);
        AssertNothingOfTheBodyWasLogged(app.Host.Logs);
        Assert.Equal("limit test secret 0601", await app.RevealAsync(shared.SecretKey));
    }

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task A_declared_length_over_the_limit_gets_413_on_every_endpoint_even_ones_that_take_no_body(bool kestrel)
    {
        await using var app = await BodyLimitApp.StartAsync(kestrel);
        var shared = await app.ShareAsync("limit test secret 0602");
        var targets = BodyLimitApp.Targets(shared).Concat(
        [
            new Target(HttpMethod.Post, "/healthz", "text/plain", "text/plain"),
            new Target(HttpMethod.Get, "/slack/install", "text/plain", "text/plain"),
            new Target(HttpMethod.Get, "/slack/oauth_redirect?code=x&state=y", "text/plain", "text/plain"),
        ]);
        var failures = new List<string>();

        foreach (var target in targets)
        {
            using var response = await app.SendAsync(target, FormOrJson(target.ContentType, 300 * 1024), chunked: false);
            failures.AddRange(await RefusalProblemsAsync(response, target, "Content-Length 300 KB"));
        }

        Assert.Empty(failures);
        AssertNothingOfTheBodyWasLogged(app.Host.Logs);
    }

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task A_body_exactly_at_each_limit_still_works_and_one_byte_more_is_refused(bool kestrel)
    {
        await using var app = await BodyLimitApp.StartAsync(kestrel);

        // The v1 API: a share carrying a full 10,000-byte secret.
        var secret = new string('s', 10_000);
        var atLimit = await app.SendAsync(new Target(HttpMethod.Post, "/api/v1/share", "application/json", "application/json"), Json(new JsonObject { ["secret"] = secret, ["ttl"] = 3600 }, ApiLimit), chunked: true);
        var overLimit = await app.SendAsync(new Target(HttpMethod.Post, "/api/v1/share", "application/json", "application/json"), Json(new JsonObject { ["secret"] = secret, ["ttl"] = 3600 }, ApiLimit + 1), chunked: true);
        Assert.Equal(HttpStatusCode.OK, atLimit.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, overLimit.StatusCode);
        var created = JsonNode.Parse(await atLimit.Content.ReadAsStringAsync())!;

        // The secret page: one byte over reveals nothing; at the limit it reveals.
        var page = new Target(HttpMethod.Post, "/secret/" + created["secret_key"], "application/x-www-form-urlencoded", "text/html");
        var pageOver = await app.SendAsync(page, Form("passphrase=", PageLimit + 1), chunked: true);
        var pageAt = await app.SendAsync(page, Form("passphrase=", PageLimit), chunked: true);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, pageOver.StatusCode);
        Assert.Equal(HttpStatusCode.OK, pageAt.StatusCode);
        Assert.Contains(secret, await pageAt.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Slack: a signed help command.
        var slack = new Target(HttpMethod.Post, "/slack/commands", "application/x-www-form-urlencoded", "text/plain");
        var slackAt = await app.SendAsync(slack, Form("team_id=T0LIMIT&user_id=U0LIMIT&command=%2Fonetime&text=help&", SlackLimit), chunked: true);
        var slackOver = await app.SendAsync(slack, Form("team_id=T0LIMIT&user_id=U0LIMIT&command=%2Fonetime&text=help&", SlackLimit + 1), chunked: true);
        Assert.Equal(HttpStatusCode.OK, slackAt.StatusCode);
        Assert.Contains("/onetime share", await slackAt.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, slackOver.StatusCode);

        // Teams: an authenticated activity.
        var teams = new Target(HttpMethod.Post, "/api/messages", "application/json", "text/plain");
        var teamsAt = await app.SendAsync(teams, Json(app.Activity("help"), TeamsLimit), chunked: true);
        var teamsOver = await app.SendAsync(teams, Json(app.Activity("help"), TeamsLimit + 1), chunked: true);
        Assert.Equal(HttpStatusCode.OK, teamsAt.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, teamsOver.StatusCode);
    }

    private static byte[] FormOrJson(string contentType, int size) =>
        contentType == "application/json" ? Json(new JsonObject { ["secret"] = "x", ["text"] = "help" }, size) : Form("secret=x&passphrase=", size);

    /// <summary>A form of exactly <paramref name="size"/> bytes: the fields, then one long filler field.</summary>
    private static byte[] Form(string fields, int size)
    {
        var head = fields + "pad=";
        return Encoding.ASCII.GetBytes(head + Repeat(size - head.Length));
    }

    /// <summary>The object as JSON of exactly <paramref name="size"/> bytes, padded by one long filler property.</summary>
    private static byte[] Json(JsonObject value, int size)
    {
        value["pad"] = "";
        var bare = value.ToJsonString().Length;
        value["pad"] = Repeat(size - bare);
        return Encoding.UTF8.GetBytes(value.ToJsonString());
    }

    private static string Repeat(int length) =>
        string.Create(length, 0, static (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Filler[i % Filler.Length];
            }
        });

    private static async Task<IEnumerable<string>> RefusalProblemsAsync(HttpResponseMessage response, Target target, string what)
    {
        var problems = new List<string>();
        var body = await response.Content.ReadAsStringAsync();
        var where = $"{target.Method} {target.Path} ({what})";
        if (response.StatusCode != HttpStatusCode.RequestEntityTooLarge)
        {
            problems.Add($"{where}: {(int)response.StatusCode} instead of 413");
        }

        if (response.Content.Headers.ContentType?.MediaType != target.AnswerType)
        {
            problems.Add($"{where}: answered {response.Content.Headers.ContentType?.MediaType} instead of {target.AnswerType}");
        }

        var message = target.AnswerType == "application/json" ? JsonNode.Parse(body)?["message"]?.GetValue<string>() ?? "" : body;
        if (!message.Contains("The request is too large", StringComparison.Ordinal) || body.Contains("Exception", StringComparison.Ordinal))
        {
            problems.Add($"{where}: unclear answer '{body}'");
        }

        return problems;
    }

    private static void AssertNothingOfTheBodyWasLogged(CapturingLoggerProvider logs)
    {
        Assert.DoesNotContain(logs.Entries, e => e.FullText.Contains(Filler + Filler, StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
    }

    internal sealed record Target(HttpMethod Method, string Path, string ContentType, string AnswerType);

    /// <summary>The host with Slack signing and Teams tokens, on the in-process test server or on Kestrel.</summary>
    private sealed class BodyLimitApp : IAsyncDisposable
    {
        private BodyLimitApp(FakeBotFramework botFramework, HostFactory host, HttpClient client)
        {
            BotFramework = botFramework;
            Host = host;
            Client = client;
        }

        public FakeBotFramework BotFramework { get; }

        public HostFactory Host { get; }

        public HttpClient Client { get; }

        public static async Task<BodyLimitApp> StartAsync(bool kestrel)
        {
            var botFramework = await FakeBotFramework.StartAsync();
            var host = new HostFactory(
                new Dictionary<string, string?>
                {
                    ["Slack:SigningSecret"] = SigningSecret,
                    ["Teams:AppId"] = AppId,
                    ["Teams:AppPassword"] = "body-limit-app-password-0001",
                    ["Teams:OpenIdMetadataUrl"] = botFramework.MetadataUrl.ToString(),
                    ["Teams:LoginBaseUrl"] = botFramework.BaseUri.ToString().TrimEnd('/'),
                    ["SecretServer:PassphraseWorkFactor"] = "4",
                },
                kestrel)
            {
                TestServices = services => botFramework.TrustIn(services, BotFrameworkTokenValidator.HttpClientName, BotTokenProvider.HttpClientName, ConnectorClient.HttpClientName),
            };
            HttpClient client;
            if (kestrel)
            {
                host.StartServer();
                client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{host.Port}/") };
            }
            else
            {
                client = host.CreateClient();
            }

            return new BodyLimitApp(botFramework, host, client);
        }

        public static IEnumerable<Target> Targets(Shared shared) =>
        [
            new(HttpMethod.Post, "/api/v1/share", "application/x-www-form-urlencoded", "application/json"),
            new(HttpMethod.Post, "/api/v1/generate", "application/json", "application/json"),
            new(HttpMethod.Post, "/api/v1/secret/" + shared.SecretKey, "application/x-www-form-urlencoded", "application/json"),
            new(HttpMethod.Post, $"/api/v1/private/{shared.MetadataKey}/burn", "application/json", "application/json"),
            new(HttpMethod.Post, "/secret/" + shared.SecretKey, "application/x-www-form-urlencoded", "text/html"),
            new(HttpMethod.Post, $"/receipt/{shared.MetadataKey}/burn", "application/x-www-form-urlencoded", "text/html"),
            new(HttpMethod.Post, "/slack/commands", "application/x-www-form-urlencoded", "text/plain"),
            new(HttpMethod.Post, "/slack/interactivity", "application/x-www-form-urlencoded", "text/plain"),
            new(HttpMethod.Post, "/slack/events", "application/json", "text/plain"),
            new(HttpMethod.Post, "/api/messages", "application/json", "text/plain"),
        ];

        public async Task<Shared> ShareAsync(string secret)
        {
            TestRunLedger.Secret(secret);
            using var response = await Client.PostAsync(new Uri("/api/v1/share", UriKind.Relative), new FormUrlEncodedContent([new("secret", secret), new("ttl", "3600")]));
            var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            return new Shared(json["secret_key"]!.GetValue<string>(), json["metadata_key"]!.GetValue<string>());
        }

        public async Task<string?> RevealAsync(string secretKey)
        {
            using var response = await Client.PostAsync(new Uri("/api/v1/secret/" + secretKey, UriKind.Relative), new FormUrlEncodedContent([]));
            return JsonNode.Parse(await response.Content.ReadAsStringAsync())?["value"]?.GetValue<string>();
        }

        public JsonObject Activity(string text) => new()
        {
            ["type"] = "message",
            ["id"] = "limit-" + Guid.NewGuid().ToString("N")[..8],
            ["serviceUrl"] = BotFramework.ServiceUrl,
            ["channelId"] = FakeBotFramework.Channel,
            ["from"] = new JsonObject { ["id"] = "29:1limit", ["name"] = "Lim", ["aadObjectId"] = "a11ce000-0000-4000-8000-00000000000f" },
            ["conversation"] = new JsonObject { ["conversationType"] = "personal", ["id"] = "a:1limit" },
            ["recipient"] = new JsonObject { ["id"] = "28:" + AppId, ["name"] = "OneTimeBot" },
            ["text"] = text,
        };

        /// <summary>Sends a body as its endpoint's client would: signed for Slack, with a Bot Framework token for Teams.</summary>
        public async Task<HttpResponseMessage> SendAsync(Target target, byte[] body, bool chunked)
        {
            using var request = new HttpRequestMessage(target.Method, target.Path)
            {
                Content = chunked ? new ChunkedContent(body, target.ContentType) : new ByteArrayContent(body) { Headers = { ContentType = MediaTypeHeaderValue.Parse(target.ContentType) } },
            };
            if (target.Path.StartsWith("/slack/", StringComparison.Ordinal))
            {
                var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
                var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(SigningSecret), Encoding.UTF8.GetBytes($"v0:{timestamp}:").Concat(body).ToArray());
                request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
                request.Headers.Add("X-Slack-Signature", "v0=" + Convert.ToHexStringLower(signature));
            }
            else if (target.Path == "/api/messages")
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BotFramework.Token(AppId));
            }

            var response = await Client.SendAsync(request);
            await response.Content.LoadIntoBufferAsync();
            return response;
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await Host.DisposeAsync();
            await BotFramework.DisposeAsync();
        }
    }

    internal sealed record Shared(string SecretKey, string MetadataKey);
}
