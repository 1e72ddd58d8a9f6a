namespace OneTimeBot.Core.Workspaces;

/// <summary>The id of every input of a settings form, the same on every platform, so one reader serves them all.</summary>
public static class SettingsFields
{
    public const string Backend = WorkspaceSettings.BackendField;
    public const string CustomUrl = "customUrl";
    public const string Username = WorkspaceSettings.UsernameField;
    public const string ApiToken = WorkspaceSettings.ApiTokenField;
    public const string ClearToken = "clearToken";
    public const string DefaultTtl = WorkspaceSettings.DefaultTtlField;
    public const string MaxTtl = WorkspaceSettings.MaxTtlField;
    public const string NotifyOwners = WorkspaceSettings.NotifyOwnersField;

    /// <summary>The backend choice that means "the server named in <see cref="CustomUrl"/>".</summary>
    public const string CustomBackend = BackendChoices.Custom;
}
