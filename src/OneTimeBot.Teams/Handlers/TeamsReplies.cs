using OneTimeBot.Teams.Localization;

namespace OneTimeBot.Teams.Handlers;

/// <summary>What the bot says about a request itself, rather than about a secret: who sent it, whether it knows it.</summary>
public static class TeamsReplies
{
    public static string NoOrganisation => TeamsStrings.Get("Reply.NoOrganisation");

    public static string UnknownRequest => TeamsStrings.Get("Reply.UnknownRequest");

    public static string AlreadyHandled => TeamsStrings.Get("Reply.AlreadyHandled");
}
