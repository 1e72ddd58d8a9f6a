using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using OneTimeBot.Slack.BlockKit;

namespace OneTimeBot.Slack.WebApi;

/// <summary>
/// The handful of Slack Web API methods OneTimeBot calls, as JSON posts with the workspace's bot token. Failures come
/// back as <see cref="SlackApiResponse"/> with an error code, never as exceptions, and are logged by method and code
/// only: tokens, message bodies and view contents stay out of the logs.
/// </summary>
public sealed partial class SlackApiClient(HttpClient http, ILogger<SlackApiClient> logger)
{
    public const string HttpClientName = "SlackWebApi";

    public Task<SlackApiResponse> OpenViewAsync(string token, string triggerId, JsonObject view, CancellationToken cancellationToken) =>
        CallAsync("views.open", token, new JsonObject { ["trigger_id"] = triggerId, ["view"] = view }, cancellationToken);

    public Task<SlackApiResponse> PostMessageAsync(string token, string channel, SlackReply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return PostJsonAsync("chat.postMessage", token, reply.ToUtf8Json(channel), cancellationToken);
    }

    /// <summary>Opens (or finds) the bot's DM with <paramref name="userId"/>; its id is in <c>channel.id</c>.</summary>
    public Task<SlackApiResponse> OpenConversationAsync(string token, string userId, CancellationToken cancellationToken) =>
        CallAsync("conversations.open", token, new JsonObject { ["users"] = userId }, cancellationToken);

    /// <summary>Shows <paramref name="view"/> (of type <c>home</c>) as the user's App Home tab.</summary>
    public Task<SlackApiResponse> PublishViewAsync(string token, string userId, JsonObject view, CancellationToken cancellationToken) =>
        CallAsync("views.publish", token, new JsonObject { ["user_id"] = userId, ["view"] = view }, cancellationToken);

    /// <summary>
    /// The person's profile with their language (<c>user.locale</c>, e.g. <c>sv-SE</c>). Posted as a form: users.info is a
    /// read method, which Slack documents with form-encoded arguments, as its own SDKs send them.
    /// </summary>
    public async Task<SlackApiResponse> UserInfoAsync(string token, string userId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "users.info")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["user"] = userId, ["include_locale"] = "true" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await SendAsync("users.info", request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gives back a token this app must not keep (an install it refused).</summary>
    public Task<SlackApiResponse> RevokeAsync(string token, CancellationToken cancellationToken) =>
        CallAsync("auth.revoke", token, [], cancellationToken);

    public Task<SlackApiResponse> AuthTestAsync(string token, CancellationToken cancellationToken) =>
        CallAsync("auth.test", token, [], cancellationToken);

    /// <summary>
    /// A new Socket Mode URL (<c>url</c>), authenticated with the app-level token. The URL carries a single-use ticket:
    /// it is a credential, never logged.
    /// </summary>
    public Task<SlackApiResponse> OpenConnectionAsync(string appToken, CancellationToken cancellationToken) =>
        CallAsync("apps.connections.open", appToken, [], cancellationToken);

    /// <summary>Exchanges an OAuth code for the installation's tokens, authenticating the app with HTTP Basic.</summary>
    public async Task<SlackApiResponse> OAuthAccessAsync(string clientId, string clientSecret, string code, Uri redirectUri, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "oauth.v2.access")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = code, ["redirect_uri"] = redirectUri.ToString() }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{clientSecret}")));
        return await SendAsync("oauth.v2.access", request, cancellationToken).ConfigureAwait(false);
    }

    private Task<SlackApiResponse> CallAsync(string method, string token, JsonObject body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        return PostJsonAsync(method, token, JsonSerializer.SerializeToUtf8Bytes(body, SlackReply.WireOptions), cancellationToken);
    }

    /// <summary>A JSON body as Slack's endpoints take it, UTF-8 with the charset named.</summary>
    internal static ByteArrayContent JsonContent(byte[] utf8Json)
    {
        var content = new ByteArrayContent(utf8Json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private async Task<SlackApiResponse> PostJsonAsync(string method, string token, byte[] utf8Json, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, method) { Content = JsonContent(utf8Json) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await SendAsync(method, request, cancellationToken).ConfigureAwait(false);
    }

    private async Task<SlackApiResponse> SendAsync(string method, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        SlackApiResponse result;
        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                result = SlackApiResponse.Failed(SlackApiResponse.RateLimited);
            }
            else if (!response.IsSuccessStatusCode)
            {
                result = SlackApiResponse.Failed($"http_{(int)response.StatusCode}");
            }
            else
            {
                var json = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                result = JsonNode.Parse(json) is JsonObject answer
                    ? new SlackApiResponse(answer["ok"] is JsonValue ok && ok.TryGetValue<bool>(out var isOk) && isOk, answer["error"]?.GetValue<string>(), answer)
                    : SlackApiResponse.Failed(SlackApiResponse.Unreadable);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or TimeoutException or Polly.Timeout.TimeoutRejectedException && !cancellationToken.IsCancellationRequested)
        {
            result = SlackApiResponse.Failed(SlackApiResponse.Unreachable);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            result = SlackApiResponse.Failed(SlackApiResponse.Unreadable);
        }

        if (!result.Ok)
        {
            LogFailed(method, result.Error ?? "unknown");
        }

        return result;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Web API {Method} failed: {Error}")]
    private partial void LogFailed(string method, string error);
}
