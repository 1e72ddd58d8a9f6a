namespace OneTimeBot.Core.Workspaces;

/// <summary>How replicas tell each other that an admin changed a workspace's settings, so none keeps using old ones.</summary>
public interface IWorkspaceSettingsChanges
{
    /// <summary>
    /// Raised with the key of the workspace whose settings another replica changed, or with null when changes may have
    /// been missed (the channel was down) and any workspace may have changed.
    /// </summary>
    event Action<string?>? Changed;

    /// <summary>True while changes made anywhere are being heard; while false, nothing may be kept.</summary>
    bool IsListening { get; }

    /// <summary>Starts listening if it is not already; harmless to call often.</summary>
    void Listen();

    /// <summary>Tells every other replica that the workspace's settings changed; never throws.</summary>
    Task AnnounceAsync(string workspaceKey);

    /// <summary>
    /// Before anything kept is used: hears changes that are looked for rather than pushed, raising
    /// <see cref="Changed"/> for any found. Completes at once when nothing needs looking at.
    /// </summary>
    ValueTask CatchUpAsync(CancellationToken cancellationToken);
}
