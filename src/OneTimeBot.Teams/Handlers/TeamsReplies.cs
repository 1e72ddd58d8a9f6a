namespace OneTimeBot.Teams.Handlers;

/// <summary>What the bot says about a request itself, rather than about a secret: who sent it, whether it knows it.</summary>
public static class TeamsReplies
{
    public const string NoOrganisation = "Teams did not say which organisation this is, so nothing can be shared here.";
    public const string UnknownRequest = "That request is not one OneTimeBot knows, so nothing happened.";
    public const string AlreadyHandled = "That request was already handled.";
}
