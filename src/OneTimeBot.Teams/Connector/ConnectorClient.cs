using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using OneTimeBot.Core.Telemetry;
using OneTimeBot.Teams.Activities;

namespace OneTimeBot.Teams.Connector;

/// <summary>
/// Sends and updates messages through the Bot Connector REST API at an activity's <c>serviceUrl</c>, which only ever
/// comes from an authenticated activity. Failures are logged by status, never with the message.
/// </summary>
public sealed partial class ConnectorClient(HttpClient http, BotTokenProvider tokens, BotMetrics metrics, ILogger<ConnectorClient> logger)
{
    public const string HttpClientName = "BotConnector";

    /// <summary>Posts a card into the activity's conversation, as a reply to it.</summary>
    public Task<bool> ReplyAsync(Activity to, JsonObject card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(to);
        return SucceedsAsync(HttpMethod.Post, to.ServiceUrl, $"v3/conversations/{Escape(to.Conversation?.Id)}/activities", Message(to, card), cancellationToken);
    }

    /// <summary>Replaces the card the activity came from (a button press on it).</summary>
    public Task<bool> UpdateAsync(Activity on, string activityId, JsonObject card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(on);
        var message = Message(on, card);
        message["id"] = activityId;
        return SucceedsAsync(HttpMethod.Put, on.ServiceUrl, $"v3/conversations/{Escape(on.Conversation?.Id)}/activities/{Escape(activityId)}", message, cancellationToken);
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
        return await SucceedsAsync(HttpMethod.Post, from.ServiceUrl, $"v3/conversations/{Escape(conversationId)}/activities", message, cancellationToken).ConfigureAwait(false);
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

    /// <summary>
    /// Opens the bot's 1:1 conversation with a person (Teams answers the existing one when there is one). Teams only
    /// allows it when the app is installed for them; otherwise it answers 403 (or 404), which the caller tells its user.
    /// </summary>
    /// <param name="memberId">The person's <c>29:</c> id, or their Azure AD object id as it is.</param>
    public Task<ConnectorAnswer> CreatePersonalConversationAsync(string serviceUrl, string botId, string memberId, string tenantId, CancellationToken cancellationToken)
    {
        var create = new JsonObject
        {
            ["bot"] = new JsonObject { ["id"] = botId },
            ["members"] = new JsonArray(new JsonObject { ["id"] = memberId }),
            ["isGroup"] = false,
            ["tenantId"] = tenantId,
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } },
        };
        return ExchangeAsync(HttpMethod.Post, serviceUrl, "v3/conversations", create, cancellationToken);
    }

    /// <summary>Posts a card into a conversation the bot opened itself (no activity to reply to).</summary>
    public Task<ConnectorAnswer> PostToConversationAsync(string serviceUrl, string conversationId, string botId, JsonObject card, CancellationToken cancellationToken)
    {
        var message = new JsonObject
        {
            ["type"] = "message",
            ["from"] = new JsonObject { ["id"] = botId },
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["attachments"] = new JsonArray(Cards.AdaptiveCard.Attachment(card)),
        };
        return DeliveredAsync(ExchangeAsync(HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities", message, cancellationToken));
    }

    private async Task<ConnectorAnswer> DeliveredAsync(Task<ConnectorAnswer> sending)
    {
        var answer = await sending.ConfigureAwait(false);
        metrics.Delivered(BotTelemetry.Teams, "connector", answer.Body is not null);
        return answer;
    }

    /// <summary>One member of a conversation, by their <c>29:</c> id or Azure AD object id: their name, among others.</summary>
    public Task<ConnectorAnswer> GetMemberAsync(string serviceUrl, string conversationId, string memberId, CancellationToken cancellationToken) =>
        ExchangeAsync(HttpMethod.Get, serviceUrl, $"v3/conversations/{Escape(conversationId)}/members/{Escape(memberId)}", null, cancellationToken);

    private static string Escape(string? id) => Uri.EscapeDataString(id ?? "");

    /// <summary>A message sent or updated: each one is a delivery, counted by its outcome.</summary>
    private async Task<bool> SucceedsAsync(HttpMethod method, string? serviceUrl, string path, JsonObject body, CancellationToken cancellationToken)
    {
        var delivered = await CallAsync(method, serviceUrl, path, body, cancellationToken).ConfigureAwait(false) is not null;
        metrics.Delivered(BotTelemetry.Teams, "connector", delivered);
        return delivered;
    }

    private async Task<JsonObject?> CallAsync(HttpMethod method, string? serviceUrl, string path, JsonObject body, CancellationToken cancellationToken) =>
        (await ExchangeAsync(method, serviceUrl, path, body, cancellationToken).ConfigureAwait(false)).Body;

    private async Task<ConnectorAnswer> ExchangeAsync(HttpMethod method, string? serviceUrl, string path, JsonObject? body, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(serviceUrl?.TrimEnd('/') + "/", UriKind.Absolute, out var baseUri))
        {
            LogFailed(method.Method, "no serviceUrl");
            return ConnectorAnswer.Failed(null);
        }

        try
        {
            using var request = new HttpRequestMessage(method, new Uri(baseUri, path));
            if (body is not null)
            {
                request.Content = new StringContent(body.ToJsonString(TeamsJson.Options), Encoding.UTF8, "application/json");
            }

            if (await tokens.TokenAsync(cancellationToken).ConfigureAwait(false) is { } token)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                LogFailed(method.Method, "HTTP " + (int)response.StatusCode);
                return ConnectorAnswer.Failed((int)response.StatusCode);
            }

            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return new ConnectorAnswer((int)response.StatusCode, text.Length > 0 && JsonNode.Parse(text) is JsonObject answer ? answer : []);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or Microsoft.Identity.Client.MsalException or System.Text.Json.JsonException && !cancellationToken.IsCancellationRequested)
        {
            LogFailed(method.Method, ex.GetType().Name);
            return ConnectorAnswer.Failed(null);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot Connector {Method} failed: {Failure}")]
    private partial void LogFailed(string method, string failure);
}

/// <summary>What the Bot Connector answered: its HTTP status (null when it could not be reached) and, on success, its JSON.</summary>
public sealed record ConnectorAnswer(int? Status, JsonObject? Body)
{
    public bool Ok => Body is not null;

    public static ConnectorAnswer Failed(int? status) => new(status, null);

    /// <summary>A string field of the answer, e.g. a created conversation's <c>id</c>.</summary>
    public string? Text(string name) => Body?[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
