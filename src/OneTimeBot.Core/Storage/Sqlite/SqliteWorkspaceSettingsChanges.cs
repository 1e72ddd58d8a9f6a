using OneTimeBot.Core.Workspaces;

namespace OneTimeBot.Core.Storage.Sqlite;

/// <summary>
/// Settings changes on a SQLite file, heard by reading the counter every save bumps in its own commit
/// (<c>bot_workspace_settings_changes</c>), at most once every <see cref="CheckedEvery"/>: a change saved by this process
/// is forgotten at once by the store that saved it, one saved by another process on the same file within a second.
/// Reading the counter, one row, replaces reading a workspace's settings for every secret.
/// </summary>
public sealed class SqliteWorkspaceSettingsChanges(SqliteDatabase database, TimeProvider time) : IWorkspaceSettingsChanges
{
    public static readonly TimeSpan CheckedEvery = TimeSpan.FromSeconds(1);

    private const string Counter = "SELECT generation FROM bot_workspace_settings_changes WHERE id = 1";

    private Check? _check;

    // The count as last read or saved here; -1 while it is not known (before the first read, or after a read failed),
    // and then nothing is kept.
    private long _seen = -1;

    public event Action<string?>? Changed;

    public bool IsListening => Volatile.Read(ref _seen) >= 0;

    public void Listen()
    {
    }

    // The save's own commit bumps the counter every process reads.
    public Task AnnounceAsync(string workspaceKey) => Task.CompletedTask;

    /// <summary>
    /// This process's save made the count <paramref name="generation"/>: when it is the only change since the count was
    /// last read, the next read finds nothing new (the saving store has already forgotten that workspace).
    /// </summary>
    public void Saved(long generation) => Interlocked.CompareExchange(ref _seen, generation, generation - 1);

    public ValueTask CatchUpAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var check = Volatile.Read(ref _check);
        if (check is null || now >= check.Until)
        {
            check = new Check(now + CheckedEvery, CheckAsync());
            Volatile.Write(ref _check, check);
        }

        // A check still under way answers for this read too: what was kept may be used only once it has.
        return check.Done.IsCompleted ? ValueTask.CompletedTask : new ValueTask(check.Done.WaitAsync(cancellationToken));
    }

    // Never throws: a count that cannot be read stops anything from being kept until a later check reads it, and each
    // read goes to the store meanwhile, which reports a store that is down to the command that needed it.
    private async Task CheckAsync()
    {
        long generation;
        try
        {
            generation = await database.ReadAsync(SqliteStateSchema.Tables, statements =>
                statements.Prepare(Counter, []).ExecuteScalar() is long counted ? counted : 0L, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception)
        {
            Volatile.Write(ref _seen, -1);
            Changed?.Invoke(null);
            return;
        }

        if (Interlocked.Exchange(ref _seen, generation) != generation)
        {
            Changed?.Invoke(null);
        }
    }

    private sealed record Check(DateTimeOffset Until, Task Done);
}
