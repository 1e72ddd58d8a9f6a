using Microsoft.Data.Sqlite;

namespace OneTimeBot.Core.Storage;

/// <summary>
/// Copies committed pages from the WAL into the database file, and flushes them there, on a thread and connection of
/// its own, at most every <see cref="Pause"/> while commits come in. A checkpoint flushes the WAL and then the file
/// (the fsyncs that keep the file whole through a power cut); run by the writer at the end of a commit, as SQLite does
/// by default, every command queued behind that commit waited for them. On the Slack benchmark the commands ran 1.64
/// times as fast with no fsync at all: those waits were the largest cost of the default store.
/// A checkpoint here takes no lock the writer waits for (PASSIVE). Under constant load it never catches up with the last
/// commit, though, and only a checkpoint that does lets the next transaction write the WAL from its start again: so
/// once the WAL is <see cref="RestartPages"/> long and this thread at most <see cref="CatchUpPages"/> behind, the writer
/// finishes the checkpoint between two commits, with only those few pages to copy and flush. The writer's own
/// checkpoint past <see cref="SqliteConnections.WriterCheckpointPages"/> stays as a net, should this thread fall behind.
/// </summary>
internal sealed class SqliteCheckpointer(SqliteConnections connections) : IDisposable
{
    /// <summary>The least time between two checkpoints while this thread keeps up: each flushes, so fewer cost less.</summary>
    public static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(100);

    /// <summary>The WAL's length (in pages) from which the writer is asked to finish a checkpoint so it starts over.</summary>
    public const int RestartPages = 4_000;

    /// <summary>How far behind the last commit (in pages) this thread may be when it asks the writer to finish.</summary>
    public const int CatchUpPages = 256;

    private readonly ManualResetEventSlim _committed = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lifetime = new();
    private Thread? _thread;
    private bool _disposed;
    private int _writersTurn;
    private SqliteConnection? _connection;
    private SqliteStatements? _statements;

    // How far into the WAL the copied pages have been flushed to the file, in frames; -1 when not known.
    private long _flushedUpTo = -1;

    // Whether the file can be flushed through SQLite's own handle here (SqliteFileFlush); the checkpoints go on without.
    private bool _canFlush = true;
    private long _runsStarted;
    private long _commits;
    private (long Run, long Length, long Copied, long Commits) _lastRun;

    /// <summary>Checkpoints started since this object was made.</summary>
    internal long RunsStarted => Volatile.Read(ref _runsStarted);

    /// <summary>Commits the writer has reported; for tests, which wait for a checkpoint that covers their last write.</summary>
    internal long Commits => Volatile.Read(ref _commits);

    /// <summary>
    /// The last checkpoint to finish: its number, the WAL's length and the part of it in the file, in pages, and how many
    /// of the writer's commits it covered (those reported before it started).
    /// </summary>
    internal (long Run, long Length, long Copied, long Commits) LastRun
    {
        get
        {
            lock (_lifetime)
            {
                return _lastRun;
            }
        }
    }

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

        Interlocked.Increment(ref _commits);
        _committed.Set();
    }

    /// <summary>Whether the writer is to finish a checkpoint now, between two commits; true once per request.</summary>
    public bool TakeWritersTurn() => Volatile.Read(ref _writersTurn) == 1 && Interlocked.Exchange(ref _writersTurn, 0) == 1;

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
        // the last connection to close, or the next process to open the file, checkpoints what is left).
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
                // Far behind the writer, the next run follows at once: each is shorter than the last while the copying
                // outpaces the commits.
                if (Checkpoint() <= CatchUpPages)
                {
                    _stopping.Token.WaitHandle.WaitOne(Pause);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed while waiting for a commit.
        }
        finally
        {
            CloseConnection();
        }
    }

    /// <summary>Runs one checkpoint and flushes what it copied; returns how many of the WAL's pages the file still lacks.</summary>
    private long Checkpoint()
    {
        try
        {
            if (_statements is null)
            {
                _connection = connections.OpenCheckpointer();
                _statements = new SqliteStatements(_connection);
                _flushedUpTo = -1;
            }

            var run = Interlocked.Increment(ref _runsStarted);
            var commits = Volatile.Read(ref _commits);

            // One row: whether it could not run (another connection was checkpointing), the WAL's length, and how much
            // of it the file now has, in pages.
            long length, copied;
            using (var result = _statements.Prepare("PRAGMA wal_checkpoint(PASSIVE)", []).ExecuteReader())
            {
                if (!result.Read() || result.GetInt64(0) != 0)
                {
                    return 0;
                }

                (length, copied) = (result.GetInt64(1), result.GetInt64(2));
            }

            if (copied != _flushedUpTo && _canFlush)
            {
                // SQLite flushes the file only at a checkpoint that copied every page up to the last commit, which
                // under load is only ever the writer's: without this flush the writer flushed everything copied here
                // since (7 to 35 ms on a store of a million receipts, seen with strace).
                _flushedUpTo = Flush() ? copied : -1;
            }

            lock (_lifetime)
            {
                _lastRun = (run, length, copied, commits);
            }

            if (length >= RestartPages && length - copied <= CatchUpPages)
            {
                Volatile.Write(ref _writersTurn, 1);
            }

            return length - copied;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A file that cannot be checkpointed now (another process holding it, a full disk) shows in the writes
            // themselves; the writer's own checkpoint is still there, and the next commit tries again here on a fresh
            // connection. Nothing may escape: an exception on this thread would end the process.
            CloseConnection();
            return 0;
        }
    }

    private bool Flush()
    {
        try
        {
            return SqliteFileFlush.Flush(_connection!);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // Another SQLite library than the bundled one: the writer's checkpoint flushes, as SQLite does by default.
            _canFlush = false;
            return false;
        }
    }

    private void CloseConnection()
    {
        _statements?.Dispose();
        _connection?.Dispose();
        _statements = null;
        _connection = null;
    }
}
