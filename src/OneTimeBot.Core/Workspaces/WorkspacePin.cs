namespace OneTimeBot.Core.Workspaces;

/// <summary>
/// Settings an operator fixes for one workspace in configuration, e.g. <c>Workspaces:slack:T024BE7LD:Backend=eu</c>
/// (environment: <c>Workspaces__slack__T024BE7LD__Backend</c>). A pinned field wins over what an admin sets at run time.
/// </summary>
public sealed class WorkspacePin
{
    public const string SectionName = "Workspaces";

    public string? Backend { get; set; }

    public string? Username { get; set; }

    public string? ApiToken { get; set; }

    public TimeSpan? DefaultTtl { get; set; }

    public TimeSpan? MaxTtl { get; set; }

    public bool? AllowAnonymous { get; set; }

    public string? ShareDomain { get; set; }

    public bool? NotifyOwners { get; set; }
}

/// <summary>All pins: platform (<c>slack</c>, <c>teams</c>) → workspace id → pin.</summary>
public sealed class WorkspacePinsOptions : Dictionary<string, Dictionary<string, WorkspacePin>>
{
    public WorkspacePinsOptions()
        : base(StringComparer.OrdinalIgnoreCase)
    {
    }

    public WorkspacePin? For(WorkspaceId workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return TryGetValue(workspace.Platform.ToString(), out var ids) && ids.TryGetValue(workspace.Id, out var pin) ? pin : null;
    }
}
