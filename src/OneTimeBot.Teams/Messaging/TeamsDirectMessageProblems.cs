using OneTimeBot.Teams.Localization;

namespace OneTimeBot.Teams.Messaging;

/// <summary>
/// Why Teams would not deliver a direct message, in one sentence its sender can read and act on, in the sender's
/// language (the current one), not the recipient's.
/// </summary>
public static class TeamsDirectMessageProblems
{
    public static string NoWayToReach => TeamsStrings.Get("Delivery.NoWayToReach");

    /// <summary>Whether Teams turned it away for now (429, a server error, or it could not be reached), so it may go through later.</summary>
    /// <param name="status">The Bot Connector's HTTP status; null when it could not be reached or answered nonsense.</param>
    public static bool IsTransient(int? status) => status is null or 429 or >= 500;

    /// <param name="status">The Bot Connector's HTTP status; null when it could not be reached or answered nonsense.</param>
    /// <param name="name">The person's name, when Teams gave it.</param>
    public static string For(int? status, string? name) => status switch
    {
        // Teams refuses a conversation with someone who has not installed the app (or who blocked or removed it).
        403 or 404 => TeamsStrings.Format("Delivery.NotInstalled", name ?? TeamsStrings.Get("Delivery.NotInstalled.Them")),
        429 => TeamsStrings.Get("Delivery.Throttled"),
        401 => TeamsStrings.Get("Delivery.Unauthorized"),
        null => TeamsStrings.Get("Delivery.Unreachable"),
        // The status is a code, not a number to read: never grouped or localised.
        _ => TeamsStrings.Format("Delivery.Refused", status.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    };
}
