using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using OneTimeBot.Teams.Activities;

namespace OneTimeBot.Teams.Connector;

/// <summary>
/// Sends and updates messages through the Bot Connector REST API at an activity's <c>serviceUrl</c>, which only ever
/// comes from an authenticated activity. Failures are logged by status, never with the message.
/// </summary>
public sealed partial class ConnectorClient(HttpClient http, BotTokenProvider tokens, ILogger<ConnectorClient> logger)
{
    public const string HttpClientName = "BotConnector";

    /// <summary>Posts a card into the activity's conversation, as a reply to it.</summary>
    public Task<bool> ReplyAsync(Activity to, JsonObject card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(to);
        return SendAsync(HttpMethod.Post, to.ServiceUrl, $"v3/conversations/{Escape(to.Conversation?.Id)}/activities", Message(to, card), cancellationToken);
    }

    /// <summary>Replaces the card the activity came from (a button press on it).</summary>
    public Task<bool> UpdateAsync(Activity on, string activityId, JsonObject card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(on);
        var message = Message(on, card);
        message["id"] = activityId;
        return SendAsync(HttpMethod.Put, on.ServiceUrl, $"v3/conversations/{Escape(on.Conversation?.Id)}/activities/{Escape(activityId)}", message, cancellationToken);
    }

    /// <summary>Sends a card to the user in their 1:1 chat with the bot, creating it if need be: private, wherever they pressed.</summary>
    public async Task<bool> SendPrivatelyAsync(Activity from, JsonObject card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(from);
        if (from.Conversation?.ConversationType == "personal")
        {
            return await ReplyAsync(from, card, cancellationToken).ConfigureAwait(false);
        }

        var create = new JsonObject
        {
            ["isGroup"] = false,
            ["bot"] = new JsonObject { ["id"] = from.Recipient?.Id },
            ["members"] = new JsonArray(new JsonObject { ["id"] = from.From?.Id }),
            ["tenantId"] = from.TenantId,
        };
        var created = await CallAsync(HttpMethod.Post, from.ServiceUrl, "v3/conversations", create, cancellationToken).ConfigureAwait(false);
        if (created?["id"]?.GetValue<string>() is not { } conversationId)
        {
            return false;
        }

        var message = Message(from, card);
        message.Remove("replyToId");
        message["conversation"] = new JsonObject { ["id"] = conversationId };
        return await SendAsync(HttpMethod.Post, from.ServiceUrl, $"v3/conversations/{Escape(conversationId)}/activities", message, cancellationToken).ConfigureAwait(false);
    }

    private static JsonObject Message(Activity to, JsonObject card) => new()
    {
        ["type"] = "message",
        ["from"] = new JsonObject { ["id"] = to.Recipient?.Id, ["name"] = to.Recipient?.Name },
        ["recipient"] = new JsonObject { ["id"] = to.From?.Id, ["name"] = to.From?.Name },
        ["conversation"] = new JsonObject { ["id"] = to.Conversation?.Id },
        ["replyToId"] = to.Id,
        ["attachments"] = new JsonArray(Cards.AdaptiveCard.Attachment(card)),
    };

    private static string Escape(string? id) => Uri.EscapeDataString(id ?? "");

    private async Task<bool> SendAsync(HttpMethod method, string? serviceUrl, string path, JsonObject body, CancellationToken cancellationToken) =>
        await CallAsync(method, serviceUrl, path, body, cancellationToken).ConfigureAwait(false) is not null;

    private async Task<JsonObject?> CallAsync(HttpMethod method, string? serviceUrl, string path, JsonObject body, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(serviceUrl?.TrimEnd('/') + "/", UriKind.Absolute, out var baseUri))
        {
            LogFailed(method.Method, "no serviceUrl");
            return null;
        }

        try
        {
            using var request = new HttpRequestMessage(method, new Uri(baseUri, path))
            {
                Content = new StringContent(body.ToJsonString(TeamsJson.Options), Encoding.UTF8, "application/json"),
            };
            if (await tokens.TokenAsync(cancellationToken).ConfigureAwait(false) is { } token)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                LogFailed(method.Method, "HTTP " + (int)response.StatusCode);
                return null;
            }

            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return text.Length > 0 && JsonNode.Parse(text) is JsonObject answer ? answer : [];
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or Microsoft.Identity.Client.MsalException or System.Text.Json.JsonException && !cancellationToken.IsCancellationRequested)
        {
            LogFailed(method.Method, ex.GetType().Name);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot Connector {Method} failed: {Failure}")]
    private partial void LogFailed(string method, string failure);
}
