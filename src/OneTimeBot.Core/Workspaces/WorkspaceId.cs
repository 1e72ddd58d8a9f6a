namespace OneTimeBot.Core.Workspaces;

public enum ChatPlatform
{
    Slack,
    Teams,
}

/// <summary>A workspace as the bot knows it: a Slack team or enterprise id, or a Teams tenant id.</summary>
public sealed record WorkspaceId
{
    public WorkspaceId(ChatPlatform platform, string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        if (id.Contains(':', StringComparison.Ordinal) || id.Length > 200)
        {
            throw new ArgumentException("A workspace id is at most 200 characters and has no ':'.", nameof(id));
        }

        Platform = platform;
        Id = id;
    }

    public ChatPlatform Platform { get; }

    public string Id { get; }

    /// <summary>The storage and configuration key, e.g. <c>slack:T024BE7LD</c>.</summary>
    public string Key => $"{Platform.ToString().ToLowerInvariant()}:{Id}";

    public override string ToString() => Key;
}

/// <summary>Who acts: a user of a workspace.</summary>
public sealed record Actor(WorkspaceId Workspace, string UserId)
{
    /// <summary>How to message them privately later (see <see cref="ChatReach"/>); null where the request did not say.</summary>
    public ChatReach? Reach { get; init; }
}
