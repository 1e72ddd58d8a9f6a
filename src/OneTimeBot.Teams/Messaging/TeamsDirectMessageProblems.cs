namespace OneTimeBot.Teams.Messaging;

/// <summary>Why Teams would not deliver a direct message, in one sentence its sender can read and act on.</summary>
public static class TeamsDirectMessageProblems
{
    public const string NoWayToReach = "OneTimeBot has no way to reach Teams for them from here; try again from your chat with OneTimeBot.";

    /// <summary>Whether Teams turned it away for now (429, a server error, or it could not be reached), so it may go through later.</summary>
    /// <param name="status">The Bot Connector's HTTP status; null when it could not be reached or answered nonsense.</param>
    public static bool IsTransient(int? status) => status is null or 429 or >= 500;

    /// <param name="status">The Bot Connector's HTTP status; null when it could not be reached or answered nonsense.</param>
    /// <param name="name">The person's name, when Teams gave it.</param>
    public static string For(int? status, string? name) => status switch
    {
        // Teams refuses a conversation with someone who has not installed the app (or who blocked or removed it).
        403 or 404 => $"OneTimeBot isn't installed for {name ?? "them"}, so Teams won't let it message them. They can add OneTimeBot from Apps in Teams.",
        429 => "Teams is limiting how many messages OneTimeBot may send right now; try again in a minute.",
        401 => "Teams refused OneTimeBot's credentials; tell whoever runs OneTimeBot.",
        null => "Teams could not be reached; try again in a minute.",
        _ => $"Teams refused to deliver it (HTTP {status}).",
    };
}
