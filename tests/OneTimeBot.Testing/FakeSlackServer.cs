using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneTimeBot.Testing.Slack;

namespace OneTimeBot.Testing;

/// <summary>
/// A loopback server that answers like Slack on the wire: the Web API under <c>/api/{method}</c> (always HTTP 200,
/// <c>ok</c> true or false) and <c>response_url</c>s under <c>/response/{id}</c>. Methods answer what a test
/// scripts, else Slack's usual success shape. Every call and every response_url post is recorded, and so is every
/// request of any kind (<see cref="Received"/>), so that a test can prove nothing at all reached a server; the tokens
/// sent and answered and the links posted go to the run's leak ledger.
/// </summary>
public sealed class FakeSlackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Func<SlackApiCall, FakeResponse>> _methods = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<SlackApiCall> _calls = new();
    private readonly ConcurrentQueue<ResponseUrlPost> _posts = new();
    private readonly ConcurrentQueue<string> _received = new();
    private readonly ConcurrentDictionary<string, string> _refusingDirectMessages = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _arrived = new(0);
    private FakeResponse _responseUrlAnswer = new(200, "ok");

    private FakeSlackServer(WebApplication app)
    {
        _app = app;
        SocketMode = new FakeSocketMode(() => BaseUri);
    }

    /// <summary>Slack's Socket Mode: the URLs <c>apps.connections.open</c> hands out lead here.</summary>
    public FakeSocketMode SocketMode { get; }

    public Uri BaseUri { get; private set; } = null!;

    public Uri ApiBaseUri => new(BaseUri, "api/");

    public IReadOnlyList<SlackApiCall> Calls => _calls.ToArray();

    public IReadOnlyList<ResponseUrlPost> ResponseUrlPosts => _posts.ToArray();

    /// <summary>Every request this server got, as <c>METHOD /path</c>, whatever it was.</summary>
    public IReadOnlyList<string> Received => _received.ToArray();

    /// <summary>Users that <c>users.info</c> reports as workspace admins.</summary>
    public ISet<string> Admins { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The language Slack gives a user without one set in <see cref="Locales"/>, as most workspaces' default.</summary>
    public const string DefaultLocale = "en-US";

    /// <summary>Each user's Slack language (<c>user.locale</c>, e.g. <c>sv-SE</c>) that <c>users.info</c> answers when asked with <c>include_locale</c>; else <see cref="DefaultLocale"/>.</summary>
    public ConcurrentDictionary<string, string> Locales { get; } = new(StringComparer.Ordinal);

    public static async Task<FakeSlackServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeSlackServer(app);
        app.UseWebSockets();
        app.Run(server.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUri = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>A fresh response_url, as Slack puts in each command and action.</summary>
    public Uri NewResponseUrl() => new(BaseUri, "response/" + Guid.NewGuid().ToString("N"));

    public FakeSlackServer On(string method, Func<SlackApiCall, FakeResponse> answer)
    {
        _methods[method] = answer;
        return this;
    }

    public FakeSlackServer On(string method, FakeResponse answer) => On(method, _ => answer);

    /// <summary>From now on <paramref name="method"/> answers as it did before any <see cref="On(string, FakeResponse)"/>.</summary>
    public FakeSlackServer Restore(string method)
    {
        _methods.TryRemove(method, out _);
        return this;
    }

    /// <summary>What every response_url answers from now on (Slack's is a 200 "ok").</summary>
    public FakeSlackServer OnResponseUrl(FakeResponse answer)
    {
        _responseUrlAnswer = answer;
        return this;
    }

    public IReadOnlyList<SlackApiCall> CallsOf(string method) => _calls.Where(c => c.Method == method).ToArray();

    /// <summary>The id of the DM <c>conversations.open</c> answers for <paramref name="user"/>: <c>U0BOB</c>'s is <c>D0BOB</c>.</summary>
    public static string DirectMessageChannelOf(string user) => "D" + user[1..];

    /// <summary>From now on, <c>conversations.open</c> with <paramref name="user"/> answers <c>ok:false</c> with <paramref name="error"/>, as Slack does for a deactivated user (<c>user_disabled</c>) and the like.</summary>
    public FakeSlackServer RefuseDirectMessagesTo(string user, string error)
    {
        _refusingDirectMessages[user] = error;
        return this;
    }

    /// <summary>The messages the bot posted into its DM with <paramref name="user"/>.</summary>
    public IReadOnlyList<SlackApiCall> DirectMessagesTo(string user) =>
        _calls.Where(c => c.Method == "chat.postMessage" && c.Body["channel"]?.GetValue<string>() == DirectMessageChannelOf(user)).ToArray();

    public Task<IReadOnlyList<SlackApiCall>> WaitForDirectMessagesAsync(string user, int count = 1, TimeSpan? timeout = null) =>
        WaitForAsync(() => DirectMessagesTo(user) is { } messages && messages.Count >= count ? messages : null, timeout, $"{count} direct message(s) to {user}");

    public IReadOnlyList<ResponseUrlPost> PostsTo(Uri responseUrl) => _posts.Where(p => p.Url == responseUrl.AbsolutePath).ToArray();

    /// <summary>Waits until <paramref name="count"/> posts reached <paramref name="responseUrl"/>; fails the test after <paramref name="timeout"/>.</summary>
    public Task<IReadOnlyList<ResponseUrlPost>> WaitForPostsAsync(Uri responseUrl, int count = 1, TimeSpan? timeout = null) =>
        WaitForAsync(() => PostsTo(responseUrl) is { } posts && posts.Count >= count ? posts : null, timeout, $"{count} post(s) to a response_url");

    public Task<IReadOnlyList<SlackApiCall>> WaitForCallsAsync(string method, int count = 1, TimeSpan? timeout = null) =>
        WaitForAsync(() => CallsOf(method) is { } calls && calls.Count >= count ? calls : null, timeout, $"{count} call(s) of {method}");

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _arrived.Dispose();
        SocketMode.Dispose();
    }

    private async Task<T> WaitForAsync<T>(Func<T?> check, TimeSpan? timeout, string what)
        where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            if (check() is { } found)
            {
                return found;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"The fake Slack did not receive {what} in time.");
            }

            await _arrived.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200)).ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/link") && context.WebSockets.IsWebSocketRequest)
        {
            _received.Enqueue("GET /link/");
            await SocketMode.AcceptAsync(context).ConfigureAwait(false);
            return;
        }

        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        var path = request.Path.Value ?? "";
        _received.Enqueue($"{request.Method} {path}");
        var ledger = TestRunLedger.Current;
        ledger.NoteAuthorization(request.Headers.Authorization.ToString());
        ledger.NoteCredentialsIn(body);
        ledger.NoteLinksIn(body);
        FakeResponse answer;

        if (path.StartsWith("/response/", StringComparison.Ordinal))
        {
            // A redirected client may arrive with a GET and no body; it is recorded all the same.
            _posts.Enqueue(new ResponseUrlPost(path, TryParse(body) ?? []));
            answer = _responseUrlAnswer;
        }
        else if (path.StartsWith("/api/", StringComparison.Ordinal))
        {
            var method = path["/api/".Length..];
            var json = request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true
                ? TryParse(body) ?? []
                : new JsonObject(QueryHelpers.ParseQuery(body).Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value.ToString()))));
            var call = new SlackApiCall(method, request.Headers.Authorization.ToString(), json);
            _calls.Enqueue(call);
            answer = _methods.TryGetValue(method, out var scripted) ? scripted(call) : Default(call);
        }
        else
        {
            answer = new FakeResponse(404, "Not Found");
        }

        ledger.NoteCredentialsIn(answer.Body);
        _arrived.Release();
        if (answer.Hold is { } hold && !await hold.WaitAsync(context.RequestAborted).ConfigureAwait(false))
        {
            return;
        }

        if (answer.Delay > TimeSpan.Zero)
        {
            await Task.Delay(answer.Delay, context.RequestAborted).ConfigureAwait(false);
        }

        context.Response.StatusCode = answer.Status;
        foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        context.Response.ContentType = answer.Body.StartsWith('{') ? "application/json; charset=utf-8" : "text/plain";
        await context.Response.WriteAsync(answer.Body, context.RequestAborted).ConfigureAwait(false);
    }

    private static JsonObject? TryParse(string body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>A user as Slack describes them, with their <c>locale</c> only when it was asked for, as Slack does.</summary>
    private JsonObject UserInfo(SlackApiCall call)
    {
        var id = call.Body["user"]?.GetValue<string>() ?? "";
        var user = new JsonObject
        {
            ["id"] = id,
            ["is_admin"] = Admins.Contains(id),
            ["is_owner"] = false,
            ["is_primary_owner"] = false,
        };
        if (call.Body["include_locale"]?.ToString() is "true" or "True")
        {
            user["locale"] = Locales.TryGetValue(id, out var locale) ? locale : DefaultLocale;
        }

        return new JsonObject { ["ok"] = true, ["user"] = user };
    }

    private FakeResponse Default(SlackApiCall call) => call.Method switch
    {
        "apps.connections.open" => SocketMode.OpenConnection(call),
        "auth.revoke" => FakeResponse.Json("""{"ok":true,"revoked":true}"""),
        "views.publish" => FakeResponse.Json(new JsonObject { ["ok"] = true, ["view"] = new JsonObject { ["id"] = "V0HOME", ["type"] = "home" } }.ToJsonString()),
        "views.open" => FakeResponse.Json(new JsonObject { ["ok"] = true, ["view"] = new JsonObject { ["id"] = "V0" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant() } }.ToJsonString()),
        "chat.postMessage" => FakeResponse.Json(new JsonObject { ["ok"] = true, ["channel"] = call.Body["channel"]?.DeepClone(), ["ts"] = "1700000000.000100" }.ToJsonString()),
        "conversations.open" => call.Body["users"]?.GetValue<string>() is { Length: > 1 } user && !user.Contains(',', StringComparison.Ordinal)
            ? _refusingDirectMessages.TryGetValue(user, out var refusal)
                ? FakeResponse.Json(new JsonObject { ["ok"] = false, ["error"] = refusal }.ToJsonString())
                : FakeResponse.Json(new JsonObject { ["ok"] = true, ["channel"] = new JsonObject { ["id"] = DirectMessageChannelOf(user) } }.ToJsonString())
            : FakeResponse.Json("""{"ok":false,"error":"users_list_not_supplied"}"""),
        "users.info" => FakeResponse.Json(UserInfo(call).ToJsonString()),
        "auth.test" => FakeResponse.Json("""{"ok":true,"url":"https://example.slack.com/","team":"Example","user":"onetimebot","team_id":"T0EXAMPLE","user_id":"U0BOT","bot_id":"B0BOT"}"""),
        _ => FakeResponse.Json("""{"ok":false,"error":"unknown_method"}"""),
    };
}

/// <summary>One Web API call: the method, the Authorization header and the body (JSON, or a form as strings).</summary>
public sealed record SlackApiCall(string Method, string Authorization, JsonObject Body);

/// <summary>One post to a response_url: its path and JSON body.</summary>
public sealed record ResponseUrlPost(string Url, JsonObject Body)
{
    public string Text => Body["text"]?.GetValue<string>() ?? "";

    public bool ReplaceOriginal => Body["replace_original"]?.GetValue<bool>() == true;
}
