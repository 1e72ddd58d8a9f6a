namespace OneTimeBot.Slack.Payloads;

/// <summary>An Events API request: a <c>url_verification</c> handshake or an <c>event_callback</c>.</summary>
public sealed record EventEnvelope(
    string? Type,
    string? Challenge,
    string? TeamId,
    string? EnterpriseId,
    string? EventId,
    SlackEvent? Event,
    bool IsEnterpriseInstall = false)
{
    /// <summary>The language tag Slack gave for the event's user (<c>users.info</c>), once the event is verified; not in Slack's JSON.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? UserLocale { get; init; }
}

/// <summary>The event inside a callback. <see cref="Text"/> of a message is never logged.</summary>
public sealed record SlackEvent(
    string? Type,
    string? Subtype,
    string? ChannelType,
    string? Channel,
    string? User,
    string? Text,
    string? BotId,
    string? Team,
    RevokedTokens? Tokens,
    string? Tab = null);

public sealed record RevokedTokens(IReadOnlyList<string>? Oauth, IReadOnlyList<string>? Bot);
