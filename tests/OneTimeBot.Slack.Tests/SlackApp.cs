using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Testing;
using OneTimeBot.Testing.Slack;

namespace OneTimeBot.Slack.Tests;

/// <summary>
/// The real host on a loopback port with the embedded secret service and SQLite, its Slack Web API and response_urls
/// pointed at a <see cref="FakeSlackServer"/>, and a client that signs requests as Slack does.
/// </summary>
internal sealed class SlackApp : IAsyncDisposable
{
    public const string SigningSecret = "e2c1b5f0a9d84c37b6a1f0e9d8c7b6a5";
    public const string BotToken = "xoxb-1111-2222-singleworkspacetoken";

    private readonly bool _ownsSlack;

    private SlackApp(FakeSlackServer slack, HostFactory host, bool ownsSlack)
    {
        _ownsSlack = ownsSlack;
        Slack = slack;
        Host = host;
        // A browser-like client that shows redirects and cookies to the test instead of following and keeping them.
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri($"http://127.0.0.1:{host.Port}/") };
        Requests = new SlackRequests(Http, SigningSecret);
    }

    public FakeSlackServer Slack { get; }

    public HostFactory Host { get; }

    public HttpClient Http { get; }

    public SlackRequests Requests { get; }

    /// <summary>
    /// Starts the app for one workspace (a bot token), or installable through OAuth when <paramref name="oauth"/>;
    /// <paramref name="services"/> adds registrations after the host's own (e.g. to watch its HTTP clients).
    /// </summary>
    public static async Task<SlackApp> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null, bool oauth = false, FakeSlackServer? sharedSlack = null, Action<IServiceCollection>? services = null)
    {
        var slack = sharedSlack ?? await FakeSlackServer.StartAsync();
        var all = new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = SigningSecret,
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUri.ToString(),
            ["Slack:AuthorizeUrl"] = new Uri(slack.BaseUri, "oauth/v2/authorize").ToString(),
            // The fake's response_urls are plain http on loopback: listed, as an operator would list a local Slack stand-in.
            ["Slack:ResponseUrlHosts:0"] = slack.BaseUri.Authority,
        };
        if (oauth)
        {
            all["Slack:ClientId"] = "1111.2222";
            all["Slack:ClientSecret"] = "oauth-client-secret-value";
        }
        else
        {
            all["Slack:BotToken"] = BotToken;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var host = new HostFactory(all, kestrel: true) { TestServices = services };
        host.StartServer();
        return new SlackApp(slack, host, ownsSlack: sharedSlack is null);
    }

    /// <summary>Reveals a one-time link through the v1 API as a recipient's browser would; null when it is gone.</summary>
    public static async Task<string?> RevealAsync(Uri link, string? passphrase = null)
    {
        var key = link.AbsolutePath.TrimEnd('/').Split('/')[^1];
        using var browser = new HttpClient();
        using var form = new FormUrlEncodedContent(passphrase is null ? [] : new Dictionary<string, string> { ["passphrase"] = passphrase });
        using var response = await browser.PostAsync(new Uri(link, "/api/v1/secret/" + key), form);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return null;
        }

        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["value"]!.GetValue<string>();
    }

    public static async Task<JsonObject> JsonAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>
    /// The answer a user ends up with for a command: inline, or, when its work outlasted Slack:InlineWait (as on a busy
    /// machine) and the host acked with its progress line, what the host then posted to the command's response_url.
    /// </summary>
    public async Task<JsonObject> AnswerAsync(string text, string team = "T0ALPHA", string user = "U0ALICE", string channel = "C0GENERAL", string command = "/onetime")
    {
        var responseUrl = Slack.NewResponseUrl();
        return await AnswerAsync(await Requests.CommandAsync(text, responseUrl, team, user, channel, command), responseUrl);
    }

    /// <summary>The answer to a command sent with <paramref name="responseUrl"/>: <paramref name="response"/>, or what came later to that URL.</summary>
    public async Task<JsonObject> AnswerAsync(HttpResponseMessage response, Uri responseUrl)
    {
        var reply = await JsonAsync(response);
        return IsProgressLine(reply) ? (await Slack.WaitForPostsAsync(responseUrl))[0].Body : reply;
    }

    /// <summary>The ack of a command still at work (SlackMessages.Working): one context line that ends in an ellipsis.</summary>
    public static bool IsProgressLine(JsonObject reply) =>
        reply["blocks"] is JsonArray { Count: 1 } blocks &&
        blocks[0]?["type"]?.GetValue<string>() == "context" &&
        reply["text"]?.GetValue<string>() is { } text && text.EndsWith('…');

    /// <summary>The one-time link on a card, or in a message that sends one to its recipient: the section line that is the link.</summary>
    public static Uri LinkOn(JsonObject reply)
    {
        var line = reply["blocks"]!.AsArray().OfType<JsonObject>()
            .Select(b => b["text"]?["text"]?.GetValue<string>())
            .SelectMany(t => t?.Split('\n') ?? [])
            .First(l => l.Contains("/secret/", StringComparison.Ordinal) && Uri.IsWellFormedUriString(l.Replace("&amp;", "&", StringComparison.Ordinal), UriKind.Absolute));
        return new Uri(line.Replace("&amp;", "&", StringComparison.Ordinal));
    }

    /// <summary>The value of the button with <paramref name="actionId"/> on a reply.</summary>
    public static string ButtonValue(JsonObject reply, string actionId) =>
        reply["blocks"]!.AsArray().OfType<JsonObject>()
            .Where(b => b["type"]!.GetValue<string>() == "actions")
            .SelectMany(b => b["elements"]!.AsArray().OfType<JsonObject>())
            .First(e => e["action_id"]!.GetValue<string>() == actionId)["value"]!.GetValue<string>();

    public static IEnumerable<string> ActionIds(JsonObject reply) =>
        reply["blocks"]!.AsArray().OfType<JsonObject>()
            .Where(b => b["type"]!.GetValue<string>() == "actions")
            .SelectMany(b => b["elements"]!.AsArray().OfType<JsonObject>())
            .Select(e => e["action_id"]!.GetValue<string>());

    public static void AssertWithinBlockKitLimits(JsonObject reply) => Assert.Empty(PublishedBlockKitLimits.Violations(reply));

    /// <summary>Proves <paramref name="secrets"/> reached no log line and nothing Slack received.</summary>
    public void AssertNowhere(params string[] secrets)
    {
        var everything = Host.Logs.AllText + "\n" +
                         string.Join('\n', Slack.Calls.Select(c => c.Body.ToJsonString())) + "\n" +
                         string.Join('\n', Slack.ResponseUrlPosts.Select(p => p.Body.ToJsonString()));
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
        if (_ownsSlack)
        {
            await Slack.DisposeAsync();
        }
    }
}
