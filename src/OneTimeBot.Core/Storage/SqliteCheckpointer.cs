using Microsoft.Data.Sqlite;

namespace OneTimeBot.Core.Storage;

/// <summary>
/// Copies committed pages from the WAL into the database file on a thread and connection of its own, at most every
/// <see cref="Pause"/> while commits come in. A checkpoint flushes the WAL and then the file to disk (two fsyncs, which
/// is what keeps the file whole through a power cut); run by the writer at the end of a commit, as SQLite does by
/// default, every command queued behind that commit waited for them. Measured on the Slack benchmark, the commands'
/// throughput with no fsync at all was 1.6 times the default's: those waits were the largest cost of the default store.
/// A checkpoint here never waits for the writer nor blocks it (PASSIVE). The writer still checkpoints once the WAL
/// passes <see cref="SqliteConnections.WriterCheckpointPages"/>: under constant load this thread's checkpoint never
/// catches up with the last commit, and only a checkpoint that does lets the next transaction start the WAL over.
/// </summary>
internal sealed class SqliteCheckpointer(SqliteConnections connections) : IDisposable
{
    /// <summary>The least time between two checkpoints: each flushes, so fewer and larger ones cost less.</summary>
    public static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(100);

    private readonly ManualResetEventSlim _committed = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lifetime = new();
    private Thread? _thread;
    private bool _disposed;
    private SqliteConnection? _connection;
    private SqliteStatements? _statements;

    /// <summary>Called by the writer after each commit: the WAL has pages the file does not.</summary>
    public void Committed()
    {
        if (_thread is null)
        {
            lock (_lifetime)
            {
                if (_disposed)
                {
                    return;
                }

                if (_thread is null)
                {
                    // UnsafeStart: this thread serves every commit and must not carry the first one's context for ever.
                    _thread = new Thread(Run) { IsBackground = true, Name = "SQLite checkpointer" };
                    _thread.UnsafeStart();
                }
            }
        }

        _committed.Set();
    }

    public void Dispose()
    {
        Thread? thread;
        lock (_lifetime)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            thread = _thread;
        }

        _stopping.Cancel();
        // A checkpoint under way finishes first; one never started is not needed (the file is whole either way, and
        // the next process to open it checkpoints what is left).
        if (thread is null || thread.Join(TimeSpan.FromSeconds(30)))
        {
            _committed.Dispose();
            _stopping.Dispose();
        }
    }

    private void Run()
    {
        try
        {
            while (!_stopping.IsCancellationRequested)
            {
                _committed.Wait(_stopping.Token);
                _committed.Reset();
                Checkpoint();
                _stopping.Token.WaitHandle.WaitOne(Pause);
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed while waiting for a commit.
        }
        finally
        {
            _statements?.Dispose();
            _connection?.Dispose();
        }
    }

    private void Checkpoint()
    {
        try
        {
            if (_statements is null)
            {
                _connection = connections.OpenCheckpointer();
                _statements = new SqliteStatements(_connection);
            }

            _statements.Scalar("PRAGMA wal_checkpoint(PASSIVE)", []);
        }
        catch (SqliteException)
        {
            // A file that cannot be checkpointed now (another process holding it, a full disk) shows in the writes
            // themselves; the writer's own checkpoint is still there, and the next commit tries again here on a fresh
            // connection.
            _statements?.Dispose();
            _connection?.Dispose();
            _statements = null;
            _connection = null;
        }
    }
}
