namespace OneTimeBot.Slack.Installations;

/// <summary>
/// One installation of the app: into a workspace (<see cref="TeamId"/>), or org-wide into an Enterprise Grid org
/// (<see cref="IsEnterpriseInstall"/>, keyed by <see cref="EnterpriseId"/>). The bot token is kept only as Data
/// Protection ciphertext.
/// </summary>
public sealed record SlackInstallation(
    string? TeamId,
    string? EnterpriseId,
    bool IsEnterpriseInstall,
    string ProtectedBotToken,
    string? BotUserId,
    string? BotId,
    string? AppId,
    string Scopes,
    string? InstallerUserId,
    DateTimeOffset InstalledAt)
{
    /// <summary>The key the installation is stored and found under.</summary>
    public string Key => IsEnterpriseInstall ? EnterpriseKey(EnterpriseId!) : TeamKey(TeamId!);

    public static string TeamKey(string teamId) => "team:" + teamId;

    public static string EnterpriseKey(string enterpriseId) => "enterprise:" + enterpriseId;
}
