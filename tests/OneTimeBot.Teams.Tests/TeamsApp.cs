using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Teams.Auth;
using OneTimeBot.Teams.Connector;
using OneTimeBot.Testing;

namespace OneTimeBot.Teams.Tests;

/// <summary>
/// The real host on a loopback port with the embedded secret service, its Bot Framework metadata, Microsoft login and
/// Bot Connector pointed at a <see cref="FakeBotFramework"/>, and a client that sends activities as Teams does.
/// </summary>
internal sealed class TeamsApp : IAsyncDisposable
{
    public const string AppId = "7c6a1f40-2b8e-4c57-9d3a-5e0f1b2c3d4e";
    public const string TenantId = "0d9c8b7a-6f5e-4d3c-2b1a-0f9e8d7c6b5a";
    public const string AliceAad = "a11ce000-0000-4000-8000-000000000001";
    private readonly bool _owned;
    private int _next;

    private TeamsApp(FakeBotFramework botFramework, HostFactory host, bool owned = true)
    {
        _owned = owned;
        BotFramework = botFramework;
        Host = host;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{host.Port}/") };
    }

    public FakeBotFramework BotFramework { get; }

    public HostFactory Host { get; }

    public HttpClient Http { get; }

    /// <param name="services">Services of the test's own over the host's, e.g. a <see cref="TimeProvider"/> it moves.</param>
    public static async Task<TeamsApp> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null)
    {
        var botFramework = await FakeBotFramework.StartAsync();
        var all = new Dictionary<string, string?>
        {
            ["Teams:AppId"] = AppId,
            ["Teams:AppPassword"] = "app-password-value-0001",
            ["Teams:OpenIdMetadataUrl"] = botFramework.MetadataUrl.ToString(),
            ["Teams:LoginBaseUrl"] = botFramework.BaseUri.ToString().TrimEnd('/'),
            ["Teams:AdminObjectIds:0"] = "ad000000-0000-4000-8000-0000000000ad",
            // The most Teams' 5 s allows, not the 3 s default: an invoke has no later delivery to fall back on, so a
            // first share that pays for JIT and connects on a loaded machine would otherwise fail a test about cards.
            ["Teams:InvokeBudget"] = "00:00:04.5",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var host = new HostFactory(all, kestrel: true)
        {
            TestServices = all =>
            {
                botFramework.TrustIn(all, BotFrameworkTokenValidator.HttpClientName, BotTokenProvider.HttpClientName, ConnectorClient.HttpClientName);
                services?.Invoke(all);
            },
        };
        host.StartServer();
        return new TeamsApp(botFramework, host);
    }

    /// <summary>
    /// A client for a host the caller built (with services of its own, such as telemetry exporters) around
    /// <paramref name="botFramework"/>; disposing it leaves the host and the fake to their owner.
    /// </summary>
    public static TeamsApp On(FakeBotFramework botFramework, HostFactory host) => new(botFramework, host, owned: false);

    public JsonObject Activity(string type, string? text = null, JsonNode? value = null, string? name = null, string conversationType = "personal", string fromAad = AliceAad, string? replyToId = null)
    {
        TestRunLedger.TypedCommand(text);
        NoteSecretsIn(value as JsonObject);
        NoteSecretsIn(value?["data"] as JsonObject);
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = "f:" + Interlocked.Increment(ref _next) + "-" + Guid.NewGuid().ToString("N")[..8],
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["serviceUrl"] = BotFramework.ServiceUrl,
            ["channelId"] = FakeBotFramework.Channel,
            ["from"] = new JsonObject { ["id"] = "29:1" + fromAad, ["name"] = "Alice", ["aadObjectId"] = fromAad },
            ["conversation"] = new JsonObject { ["conversationType"] = conversationType, ["tenantId"] = TenantId, ["id"] = "a:1conv" + conversationType },
            ["recipient"] = new JsonObject { ["id"] = "28:" + AppId, ["name"] = "OneTimeBot" },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
            ["locale"] = "en-US",
        };
        if (text is not null)
        {
            activity["text"] = text;
        }

        if (value is not null)
        {
            activity["value"] = value;
        }

        if (name is not null)
        {
            activity["name"] = name;
        }

        if (replyToId is not null)
        {
            activity["replyToId"] = replyToId;
        }

        return activity;
    }

    /// <summary>Gives the run's leak scan what a test typed into a form's secret, passphrase and API token fields.</summary>
    private static void NoteSecretsIn(JsonObject? values)
    {
        foreach (var (field, kind) in new[] { ("secret", LedgerKind.Secret), ("passphrase", LedgerKind.Passphrase), (WorkspaceSettings.ApiTokenField, LedgerKind.Token) })
        {
            TestRunLedger.Note(kind, values?[field] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null);
        }
    }

    public JsonObject Invoke(string name, string commandId, JsonObject? data = null) =>
        Activity("invoke", name: name, value: new JsonObject
        {
            ["commandId"] = commandId,
            ["commandContext"] = "compose",
            ["context"] = new JsonObject { ["theme"] = "default" },
            ["data"] = data ?? new JsonObject(),
        });

    public Task<HttpResponseMessage> SendAsync(JsonObject activity, string? token = null, bool authorize = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (authorize)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? BotFramework.Token(AppId));
        }

        return Http.SendAsync(request);
    }

    public static async Task<JsonObject> JsonAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>Reveals a one-time link as a recipient's browser would; null when it is gone.</summary>
    public static async Task<string?> RevealAsync(Uri link, string? passphrase = null)
    {
        var key = link.AbsolutePath.TrimEnd('/').Split('/')[^1];
        using var browser = new HttpClient();
        using var form = new FormUrlEncodedContent(passphrase is null ? [] : new Dictionary<string, string> { ["passphrase"] = passphrase });
        using var response = await browser.PostAsync(new Uri(link, "/api/v1/secret/" + key), form);
        return response.StatusCode == HttpStatusCode.OK ? JsonNode.Parse(await response.Content.ReadAsStringAsync())!["value"]!.GetValue<string>() : null;
    }

    /// <summary>The one-time link of a secret card: its Action.OpenUrl.</summary>
    public static Uri LinkOn(JsonObject card) =>
        new(card["actions"]!.AsArray().First(a => a!["type"]!.GetValue<string>() == "Action.OpenUrl")!["url"]!.GetValue<string>());

    /// <summary>The card's title: the first TextBlock of its body.</summary>
    public static string TitleOf(JsonObject card) => TextsOf(card)[0];

    /// <summary>The text of every TextBlock in the card's body, in order.</summary>
    public static IReadOnlyList<string> TextsOf(JsonObject card) =>
        [.. card["body"]!.AsArray().OfType<JsonObject>().Where(e => e["type"]!.GetValue<string>() == "TextBlock").Select(e => e["text"]!.GetValue<string>())];

    public static string ReceiptOn(JsonObject card) =>
        card["actions"]!.AsArray().First(a => a!["type"]!.GetValue<string>() == "Action.Submit")!["data"]!["receiptId"]!.GetValue<string>();

    public void AssertNowhere(params string[] secrets)
    {
        var everything = Host.Logs.AllText + "\n" + string.Join('\n', BotFramework.Calls.Select(c => c.Body.ToJsonString()));
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (_owned)
        {
            await Host.DisposeAsync();
            await BotFramework.DisposeAsync();
        }
    }
}
