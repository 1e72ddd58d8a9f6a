using OneTimeBot.Slack.WebApi;
using OneTimeBot.Slack.Localization;

namespace OneTimeBot.Slack.Messaging;

/// <summary>
/// Why Slack would not deliver a direct message, in one sentence its sender can read and act on, from the error code
/// <c>conversations.open</c> or <c>chat.postMessage</c> answered. The sentence follows "Not sent to @bob.", so it says
/// "they" rather than naming them again. It is for the sender, so it is said in the current (the sender's) language.
/// </summary>
public static class SlackDirectMessageProblems
{
    public static string NotInstalled => SlackStrings.Get("Dm.NotInstalled");

    public static string NoBotToken => SlackStrings.Get("Dm.NoBotToken");

    /// <summary>Whether Slack turned it away for now (a rate limit, a server error, or it could not be reached or read), so it may go through later.</summary>
    public static bool IsTransient(string? error) =>
        error is SlackApiResponse.RateLimited or SlackApiResponse.Unreachable or SlackApiResponse.Unreadable
        || (error?.StartsWith("http_5", StringComparison.Ordinal) ?? false);

    public static string For(string? error) => error switch
    {
        "user_disabled" or "account_inactive" => SlackStrings.Get("Dm.Deactivated"),
        "user_not_found" or "user_not_visible" => SlackStrings.Get("Dm.NotFound"),
        "cannot_dm_bot" => SlackStrings.Get("Dm.App"),
        "missing_scope" => SlackStrings.Get("Dm.MissingScope"),
        "not_allowed_token_type" => SlackStrings.Get("Dm.WrongTokenType"),
        "channel_not_found" or "not_in_channel" or "is_archived" or "cannot_dm_external_user" or "restricted_action" => SlackStrings.Get("Dm.NoConversation"),
        "invalid_auth" or "account_inactive_bot" or "token_revoked" or "token_expired" => SlackStrings.Get("Dm.TokenRefused"),
        SlackApiResponse.RateLimited => SlackStrings.Get("Dm.RateLimited"),
        SlackApiResponse.Unreachable => SlackStrings.Get("Dm.Unreachable"),
        SlackApiResponse.Unreadable => SlackStrings.Get("Dm.Unreadable"),
        { Length: > 0 and <= 64 } code when code.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_') => SlackStrings.Format("Dm.RefusedWithCode", code),
        _ => SlackStrings.Get("Dm.Refused"),
    };
}
