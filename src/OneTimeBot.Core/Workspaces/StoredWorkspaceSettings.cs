namespace OneTimeBot.Core.Workspaces;

/// <summary>
/// What an admin changed for a workspace at run time; a null field means "as configured". The API token is only
/// ever stored protected (Data Protection), never in plaintext, together with <see cref="TokenBackend"/>, the backend
/// it was entered for: it is sent nowhere else.
/// </summary>
public sealed record StoredWorkspaceSettings(
    string? Backend = null,
    string? Username = null,
    string? ProtectedApiToken = null,
    TimeSpan? DefaultTtl = null,
    TimeSpan? MaxTtl = null,
    bool? AllowAnonymous = null,
    string? ShareDomain = null,
    DateTimeOffset? UpdatedAt = null,
    string? UpdatedBy = null,
    string? TokenBackend = null,
    bool? NotifyOwners = null);

public interface IWorkspaceSettingsStore
{
    Task<StoredWorkspaceSettings?> FindAsync(WorkspaceId workspace, CancellationToken cancellationToken);

    Task SaveAsync(WorkspaceId workspace, StoredWorkspaceSettings settings, CancellationToken cancellationToken);
}
