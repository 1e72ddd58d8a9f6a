namespace OneTimeBot.Core.Workspaces;

/// <summary>
/// What a settings form shows a workspace admin: the settings, the secret services they may choose, and in words
/// the servers of their own they may name (null when none).
/// </summary>
public sealed record SettingsForm(WorkspaceSettings Settings, IReadOnlyList<(string Value, string Label)> BackendChoices, string? OwnServersAllowed);
