using OneTimeBot.Slack.WebApi;

namespace OneTimeBot.Slack.Messaging;

/// <summary>
/// Why Slack would not deliver a direct message, in one sentence its sender can read and act on, from the error code
/// <c>conversations.open</c> or <c>chat.postMessage</c> answered. The sentence follows "Not sent to @bob.", so it says
/// "they" rather than naming them again.
/// </summary>
public static class SlackDirectMessageProblems
{
    public const string NotInstalled = "OneTimeBot is not installed in this workspace any more, so it cannot message anyone here.";
    public const string NoBotToken = "This OneTimeBot runs without a Slack bot token, so it cannot send direct messages.";

    /// <summary>Whether Slack turned it away for now (a rate limit, a server error, or it could not be reached or read), so it may go through later.</summary>
    public static bool IsTransient(string? error) =>
        error is SlackApiResponse.RateLimited or SlackApiResponse.Unreachable or SlackApiResponse.Unreadable
        || (error?.StartsWith("http_5", StringComparison.Ordinal) ?? false);

    public static string For(string? error) => error switch
    {
        "user_disabled" or "account_inactive" => "Their Slack account is deactivated, so Slack delivers nothing to them.",
        "user_not_found" or "user_not_visible" => "Slack cannot find them in this workspace.",
        "cannot_dm_bot" => "They are an app, and Slack does not let apps receive direct messages.",
        "missing_scope" => "OneTimeBot lacks Slack's permission to message people (im:write); an admin needs to reinstall it.",
        "not_allowed_token_type" => "OneTimeBot's Slack token cannot send direct messages; whoever runs OneTimeBot needs to give it a bot token (xoxb-…).",
        "channel_not_found" or "not_in_channel" or "is_archived" or "cannot_dm_external_user" or "restricted_action" =>
            "Slack does not let OneTimeBot open a conversation with them, as happens with people from another organisation (Slack Connect).",
        "invalid_auth" or "account_inactive_bot" or "token_revoked" or "token_expired" => "Slack refused OneTimeBot's token; an admin may need to reinstall it.",
        SlackApiResponse.RateLimited => "Slack is limiting how many messages OneTimeBot may send right now; try again in a minute.",
        SlackApiResponse.Unreachable => "Slack could not be reached; try again in a minute.",
        SlackApiResponse.Unreadable => "Slack's answer could not be read; try again in a minute.",
        { Length: > 0 and <= 64 } code when code.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_') => $"Slack refused to deliver it ({code}).",
        _ => "Slack refused to deliver it.",
    };
}
