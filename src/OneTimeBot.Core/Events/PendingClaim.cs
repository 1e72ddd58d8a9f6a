namespace OneTimeBot.Core.Events;

/// <summary>
/// A claim on an event key that no earlier claim holds, not yet necessarily stored: act on the event, then await
/// <see cref="StoredAsync"/> before anyone sees the outcome. False there means another process claimed the key first
/// and the outcome must not be shown.
/// </summary>
public sealed class PendingClaim
{
    private readonly Func<Task<bool>> _store;

    public PendingClaim(Func<Task<bool>> store) => _store = store ?? throw new ArgumentNullException(nameof(store));

    private static readonly Task<bool> AlreadyStored = Task.FromResult(true);

    /// <summary>A claim that was stored when it was made.</summary>
    public static PendingClaim Stored { get; } = new(() => AlreadyStored);

    /// <summary>True once the claim is stored; false when another process's claim on the key was stored first.</summary>
    public Task<bool> StoredAsync() => _store();
}
