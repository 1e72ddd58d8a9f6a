namespace OneTimeBot.Teams.Activities;

/// <summary>The names Teams gives what it sends the bot: activity types, invoke names and the manifest's command ids.</summary>
public static class TeamsNames
{
    public const string Message = "message";
    public const string Invoke = "invoke";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";

    /// <summary>What the name of every message extension invoke starts with.</summary>
    public const string MessageExtensionInvoke = "composeExtension/";

    public const string FetchTask = "composeExtension/fetchTask";
    public const string SubmitAction = "composeExtension/submitAction";

    /// <summary>The message extension's commands, as <c>manifests/teams/manifest.json</c> declares them.</summary>
    public const string ShareSecretCommand = "shareSecret";
    public const string GeneratePasswordCommand = "generatePassword";
}
