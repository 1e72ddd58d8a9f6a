using System.Collections.Concurrent;

namespace OneTimeBot.Core.Workspaces;

/// <summary>
/// Settings are read for every secret and changed by an admin now and then, so each replica (or process on one SQLite
/// file) keeps what it read and drops it the moment it hears that any of them saved a change
/// (<see cref="IWorkspaceSettingsChanges"/>). Nothing is kept while changes cannot be heard, and <see cref="Lifetime"/>
/// bounds how long a notice lost in transit could leave one stale.
/// </summary>
public sealed class CachedWorkspaceSettingsStore : IWorkspaceSettingsStore
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    // Workspaces are those that installed the app; the cap only stops a flood of strange ones from growing memory.
    private const int MostWorkspaces = 10_000;

    private readonly IWorkspaceSettingsStore _store;
    private readonly IWorkspaceSettingsChanges _changes;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, Kept> _kept = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    // Bumped by every change heard: a read that started before a change must not keep what it read.
    private long _generation;

    public CachedWorkspaceSettingsStore(IWorkspaceSettingsStore store, IWorkspaceSettingsChanges changes, TimeProvider time)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _changes = changes ?? throw new ArgumentNullException(nameof(changes));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _changes.Changed += Forget;
    }

    public async Task<StoredWorkspaceSettings?> FindAsync(WorkspaceId workspace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var catchingUp = _changes.CatchUpAsync(cancellationToken);
        if (!catchingUp.IsCompletedSuccessfully)
        {
            await catchingUp.ConfigureAwait(false);
        }

        var key = workspace.Key;
        var now = _time.GetUtcNow();
        if (_kept.TryGetValue(key, out var kept) && now < kept.Until)
        {
            return kept.Settings;
        }

        _changes.Listen();
        var listening = _changes.IsListening;
        var generation = Volatile.Read(ref _generation);
        var settings = await _store.FindAsync(workspace, cancellationToken).ConfigureAwait(false);
        if (listening)
        {
            lock (_gate)
            {
                if (generation == _generation && _changes.IsListening)
                {
                    if (_kept.Count >= MostWorkspaces)
                    {
                        _kept.Clear();
                    }

                    _kept[key] = new Kept(settings, now + Lifetime);
                }
            }
        }

        return settings;
    }

    public async Task SaveAsync(WorkspaceId workspace, StoredWorkspaceSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        await _store.SaveAsync(workspace, settings, cancellationToken).ConfigureAwait(false);
        Forget(workspace.Key);
        await _changes.AnnounceAsync(workspace.Key).ConfigureAwait(false);
    }

    private void Forget(string? workspaceKey)
    {
        lock (_gate)
        {
            _generation++;
            if (workspaceKey is null)
            {
                _kept.Clear();
            }
            else
            {
                _kept.TryRemove(workspaceKey, out _);
            }
        }
    }

    private sealed record Kept(StoredWorkspaceSettings? Settings, DateTimeOffset Until);
}
