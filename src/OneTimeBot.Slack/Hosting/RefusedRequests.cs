namespace OneTimeBot.Slack.Hosting;

/// <summary>
/// The bodies of the 400s and 401s answered to a request that is malformed or not signed by Slack. No Slack user reads
/// them: Slack shows its own error in their place. They are for whoever debugs the caller, in English, as HTTP error
/// bodies are; the words a user reads are in <see cref="Localization.SlackStrings"/>.
/// </summary>
internal static class RefusedRequests
{
    public const string MalformedCommand = "A slash command needs team_id, user_id and command.";

    public const string MalformedInteraction = "An interaction payload needs a team and a user.";

    public const string MalformedEvent = "Not an event Slack sends.";

    public const string BadSignature = "The request's Slack signature is missing, wrong, stale or replayed.";
}
