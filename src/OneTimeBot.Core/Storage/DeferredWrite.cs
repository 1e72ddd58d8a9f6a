namespace OneTimeBot.Core.Storage;

/// <summary>
/// A write queued to ride along with the next commit (<see cref="SqliteDatabase.WriteWithNextAsync{T}"/>): a command's
/// replay claim and its receipt then share one commit instead of taking one each.
/// </summary>
public sealed class DeferredWrite<T>
{
    private readonly Task<T> _stored;
    private readonly Action _commitNow;
    private int _asked;

    internal DeferredWrite(Task<T> stored, Action commitNow)
    {
        _stored = stored;
        _commitNow = commitNow;
    }

    /// <summary>Completes once the work has committed, whoever's commit it rode in; never asks for a commit.</summary>
    public Task<T> Stored => _stored;

    /// <summary>The work's result once committed: it commits now if no other write has taken it along yet.</summary>
    public Task<T> CommittedAsync()
    {
        if (!_stored.IsCompleted && Interlocked.Exchange(ref _asked, 1) == 0)
        {
            _commitNow();
        }

        return _stored;
    }
}
