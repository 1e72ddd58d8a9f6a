using System.Text.Json;
using System.Text.Json.Serialization;

namespace OneTimeBot.Slack.SocketMode;

/// <summary>
/// One frame Slack sends over a Socket Mode connection: <c>hello</c>, <c>disconnect</c> (with its <see cref="Reason"/>),
/// or an envelope (<c>slash_commands</c>, <c>interactive</c>, <c>events_api</c>) whose <see cref="Payload"/> is what the
/// HTTP endpoint would have been posted, to be acked by <see cref="EnvelopeId"/>. The payload may hold a secret: it is
/// never logged.
/// </summary>
public sealed record SocketEnvelope(
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("envelope_id")] string? EnvelopeId,
    [property: JsonPropertyName("payload")] JsonElement Payload,
    [property: JsonPropertyName("accepts_response_payload")] bool AcceptsResponsePayload,
    [property: JsonPropertyName("retry_attempt")] int RetryAttempt,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("num_connections")] int? NumConnections)
{
    public const string Hello = "hello";
    public const string Disconnect = "disconnect";
    public const string SlashCommands = "slash_commands";
    public const string Interactive = "interactive";
    public const string EventsApi = "events_api";

    /// <summary>The reasons Slack gives for a <c>disconnect</c>.</summary>
    public const string RefreshRequested = "refresh_requested";
    public const string Warning = "warning";
    public const string LinkDisabled = "link_disabled";

    private static readonly JsonSerializerOptions Options = new() { MaxDepth = 32 };

    /// <summary>The frame, or null when it is not JSON or not an object.</summary>
    public static SocketEnvelope? TryRead(ReadOnlySpan<byte> utf8)
    {
        try
        {
            return JsonSerializer.Deserialize<SocketEnvelope>(utf8, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
