namespace OneTimeBot.Slack.Delivery;

/// <summary>
/// Where an answer goes when it cannot be the HTTP response: a <c>response_url</c> when Slack gave one, else a
/// <c>chat.postMessage</c> into <see cref="Channel"/> (a DM) with the team's bot token.
/// </summary>
public sealed record ReplyTarget(string TeamId, string? EnterpriseId, Uri? ResponseUrl, string? Channel);
