using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace OneTimeBot.Core.Storage;

/// <summary>
/// The one connection that writes, on a thread of its own. SQLite lets one writer in at a time, so writers queue here
/// instead of in SQLite's busy handler, whose back-off sleeps cost more than the writes. Whatever queued while a
/// transaction committed goes into the next one together (group commit): one commit for many commands' writes, and none
/// of them is answered before that commit is done, unless it asked to be
/// (<see cref="WriteAnsweredBeforeCommitAsync{T}"/>). A piece of work that fails is undone alone and the rest still
/// commit: the batch then runs again with each piece under a savepoint. Background work (purges) has a lane of its own
/// and runs when no command's write is waiting, or under constant load once the commands have had four times its last
/// piece's time, one piece at a time: a command waits at most for one small piece of it, and a purge still ends.
/// </summary>
internal sealed class SqliteWriter : IDisposable
{
    // Enough to gather every concurrent command's writes; small enough that one transaction stays short.
    private const int MaxBatch = 256;

    // Under constant load the command lane is never empty. A background piece then still runs once it has waited this
    // many times as long as the last piece took (and at least 20 ms), so a purge keeps moving with at most a fifth of
    // the writer.
    private const int ForegroundShare = 4;
    private static readonly long MinimumForeground = Stopwatch.Frequency / 50;

    // The file grows slowly: its cache is fitted to its size when the connection opens and after this many commits.
    private const int CommitsPerCacheFit = 4096;

    private readonly BlockingCollection<WriteWork> _queue = new(new ConcurrentQueue<WriteWork>());
    private readonly BlockingCollection<WriteWork> _background = new(new ConcurrentQueue<WriteWork>());
    // Work that waits for the next commit instead of starting one (WriteWithNext), drained into each command batch.
    private readonly ConcurrentQueue<WriteWork> _withNext = new();
    private readonly SqliteConnections _connections;
    private readonly Lock _lifetime = new();
    private Thread? _thread;
    private bool _disposed;
    private SqliteConnection? _connection;
    private SqliteStatements? _statements;
    private string? _cache;
    private int _commitsSinceCacheFit;

    private readonly SqliteCheckpointer _checkpointer;

    public SqliteWriter(SqliteConnections connections, SqliteCheckpointer checkpointer)
    {
        _connections = connections;
        _checkpointer = checkpointer;
    }

    /// <summary>Whether the caller is the writer's own thread, which must never wait for a write.</summary>
    public bool IsWriterThread => Thread.CurrentThread == _thread;

    /// <summary>Queues <paramref name="work"/>; the task completes once the transaction holding it has committed.</summary>
    public Task<T> WriteAsync<T>(Func<SqliteStatements, T> work, CancellationToken cancellationToken) => Enqueue(_queue, work, cancellationToken);

    /// <summary>
    /// Queues <paramref name="work"/> as <see cref="WriteAsync{T}"/> does, but hands out its result as soon as it has run,
    /// before the transaction holding it commits. Only for a write whose loss does no harm when that commit fails or
    /// the process dies first, such as a count against a creation limit: the caller then waits for one commit fewer.
    /// </summary>
    public Task<T> WriteAnsweredBeforeCommitAsync<T>(Func<SqliteStatements, T> work, CancellationToken cancellationToken) =>
        Enqueue(_queue, work, cancellationToken, answerOnRun: true);

    /// <summary>
    /// Queues <paramref name="work"/> without waking the writer: it goes into the next command batch, whoever's it is, or
    /// into one of its own once <see cref="DeferredWrite{T}.CommittedAsync"/> is awaited. Cannot be cancelled.
    /// <paramref name="settled"/> runs on the writer's thread once the work has committed or failed, just before its task
    /// completes: for quick bookkeeping that would otherwise take a thread-pool item of its own. It must not throw.
    /// </summary>
    public DeferredWrite<T> WriteWithNext<T>(Func<SqliteStatements, T> work, Action? settled = null)
    {
        ArgumentNullException.ThrowIfNull(work);
        var item = new WriteWork<T>(work, CancellationToken.None) { Settled = settled };
        _withNext.Enqueue(item);
        return new DeferredWrite<T>(item.Task, () => Enqueue(_queue, item));
    }

    /// <summary>Queues work that may wait while commands write, such as a step of a purge.</summary>
    public Task<T> WriteInBackgroundAsync<T>(Func<SqliteStatements, T> work, CancellationToken cancellationToken) => Enqueue(_background, work, cancellationToken);

    /// <summary>Finishes what is queued, then closes the connection.</summary>
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
            _queue.CompleteAdding();
            _background.CompleteAdding();
            thread = _thread;
        }

        if (thread is null)
        {
            // No writer ever ran to commit what waited for a commit.
            while (_withNext.TryDequeue(out var left))
            {
                left.Fail(new ObjectDisposedException(nameof(SqliteDatabase)));
            }
        }

        // A writer still busy after this (another process holding the file's write lock) keeps its queues; it fails
        // nothing silently, and the process is ending.
        if (thread is null || thread.Join(TimeSpan.FromSeconds(30)))
        {
            _queue.Dispose();
            _background.Dispose();
        }
    }

    private Task<T> Enqueue<T>(BlockingCollection<WriteWork> lane, Func<SqliteStatements, T> work, CancellationToken cancellationToken, bool answerOnRun = false)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        var item = new WriteWork<T>(work, cancellationToken) { AnswersOnRun = answerOnRun };
        Enqueue(lane, item);
        return item.Task;
    }

    private void Enqueue(BlockingCollection<WriteWork> lane, WriteWork item)
    {
        lock (_lifetime)
        {
            if (_disposed)
            {
                // The host is stopping: this write would not be committed.
                item.Fail(new ObjectDisposedException(nameof(SqliteDatabase)));
                return;
            }

            if (_thread is null)
            {
                // UnsafeStart: the writer serves every request and must not carry the first one's context for ever.
                _thread = new Thread(Run) { IsBackground = true, Name = "SQLite writer" };
                _thread.UnsafeStart();
            }

            lane.Add(item, CancellationToken.None);
        }
    }

    private void Run()
    {
        var lanes = new[] { _queue, _background };
        var batch = new List<WriteWork>(MaxBatch);
        var backgroundWaitingSince = 0L;
        var lastPiece = 0L;
        while (!(_queue.IsCompleted && _background.IsCompleted))
        {
            WriteWork? first = null;
            var now = Stopwatch.GetTimestamp();
            if (backgroundWaitingSince == 0 && _background.Count > 0)
            {
                backgroundWaitingSince = now;
            }

            var background = backgroundWaitingSince != 0
                && now - backgroundWaitingSince >= Math.Max(ForegroundShare * lastPiece, MinimumForeground)
                && _background.TryTake(out first);
            if (!background)
            {
                try
                {
                    // TakeFromAny looks at the lanes in order, so a command's write goes before background work.
                    background = BlockingCollection<WriteWork>.TakeFromAny(lanes, out first) == 1;
                }
                catch (ArgumentException)
                {
                    // Both lanes are completed and empty: the database is being disposed.
                    break;
                }
            }

            if (background)
            {
                // A background piece runs alone; the commands then get their share before the next one may cut in.
                var started = Stopwatch.GetTimestamp();
                batch.Add(first!);
                batch.RemoveAll(work => work.CancelIfRequested());
                if (batch.Count > 0)
                {
                    Commit(batch);
                }

                batch.Clear();
                lastPiece = Stopwatch.GetTimestamp() - started;
                backgroundWaitingSince = 0;
                continue;
            }

            // Deferred work first: it has waited longest, and it may be what the first item's caller waits for.
            while (batch.Count < MaxBatch - 1 && _withNext.TryDequeue(out var deferred))
            {
                AddOnce(batch, deferred);
            }

            AddOnce(batch, first!);
            while (batch.Count < MaxBatch && _queue.TryTake(out var next))
            {
                AddOnce(batch, next);
            }

            batch.RemoveAll(work => work.CancelIfRequested());
            if (batch.Count > 0)
            {
                Commit(batch);
            }

            batch.Clear();
        }

        // Deferred work nobody asked after still commits before the connection closes.
        while (_withNext.TryDequeue(out var left))
        {
            AddOnce(batch, left);
        }

        if (batch.Count > 0)
        {
            Commit(batch);
        }

        CloseConnection();
    }

    /// <summary>Deferred work is queued twice once it is awaited; it runs from whichever queue reaches it first.</summary>
    private static void AddOnce(List<WriteWork> batch, WriteWork work)
    {
        if (work.Take())
        {
            batch.Add(work);
        }
    }

    private void Commit(List<WriteWork> batch)
    {
        try
        {
            if (!TryRunTogether(batch))
            {
                RunApart(batch);
            }
        }
        catch (Exception ex)
        {
            // Nothing of this batch was committed: every work in it fails, not only the one that broke.
            foreach (var work in batch)
            {
                work.Fail(ex);
            }

            return;
        }

        // Reported before anyone waiting for this commit goes on, so that what they do next comes after it.
        _checkpointer.Committed();
        foreach (var work in batch)
        {
            work.Complete();
        }

        if (_checkpointer.TakeWritersTurn())
        {
            FinishCheckpoint();
        }

        if (++_commitsSinceCacheFit >= CommitsPerCacheFit)
        {
            FitCache();
        }
    }

    /// <summary>
    /// Copies the few pages the checkpointer left behind, between transactions, so the next one starts the WAL over
    /// (<see cref="SqliteCheckpointer.RestartPages"/>).
    /// </summary>
    private void FinishCheckpoint()
    {
        try
        {
            Statements().Scalar("PRAGMA wal_checkpoint(PASSIVE)", []);
        }
        catch (SqliteException)
        {
            // The checkpointer asks again after its next run; a broken file shows in the next write.
        }
    }

    /// <summary>Sizes the writer's page cache to the file (<see cref="SqliteWriterCache"/>), between transactions.</summary>
    private void FitCache()
    {
        _commitsSinceCacheFit = 0;
        try
        {
            var statements = Statements();
            var fitting = SqliteWriterCache.For(statements);
            if (fitting != _cache)
            {
                statements.Execute(fitting, []);
                _cache = fitting;
            }
        }
        catch (SqliteException)
        {
            // The size is only a matter of speed; the next fit tries again, and a broken file shows in the next write.
        }
    }

    /// <summary>
    /// Runs and commits the batch as one transaction with no savepoint per work: work almost never fails, and a
    /// savepoint and its release cost two statements each. Returns false, with nothing written, when one of several
    /// works failed, so that <see cref="RunApart"/> can run them again, each on its own.
    /// </summary>
    private bool TryRunTogether(List<WriteWork> batch)
    {
        var statements = Statements();
        statements.Execute("BEGIN IMMEDIATE", []);
        try
        {
            foreach (var work in batch)
            {
                // A caller that gave up while its batch waited behind another's work is not written after all.
                if (work.CancelIfRequested())
                {
                    continue;
                }

                work.Run(statements);
                work.AnswerIfEarly();
            }
        }
        catch (Exception ex) when (batch.Count > 1 && ex is not OutOfMemoryException)
        {
            RollBack(statements);
            return false;
        }
        catch
        {
            RollBack(statements);
            throw;
        }

        Finish(statements);
        return true;
    }

    /// <summary>
    /// Runs the batch again, each work under a savepoint, so the one that failed is undone alone and the rest commit.
    /// A work answered before its commit keeps the answer it was given: it runs again on a store rolled back to where
    /// it first ran.
    /// </summary>
    private void RunApart(List<WriteWork> batch)
    {
        var statements = Statements();
        statements.Execute("BEGIN IMMEDIATE", []);
        try
        {
            foreach (var work in batch)
            {
                RunUnderSavepoint(statements, work);
            }
        }
        catch
        {
            RollBack(statements);
            throw;
        }

        Finish(statements);
    }

    private void Finish(SqliteStatements statements)
    {
        try
        {
            statements.Execute("COMMIT", []);
        }
        catch
        {
            RollBack(statements);
            throw;
        }
    }

    private static void RunUnderSavepoint(SqliteStatements statements, WriteWork work)
    {
        if (work.CancelIfRequested() || work.WasCancelled)
        {
            return;
        }

        statements.Execute("SAVEPOINT work", []);
        try
        {
            work.Run(statements);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            statements.Execute("ROLLBACK TO work", []);
            work.Failed(ex);
        }

        statements.Execute("RELEASE work", []);
        work.AnswerIfEarly();
    }

    private void RollBack(SqliteStatements statements)
    {
        try
        {
            statements.Execute("ROLLBACK", []);
        }
        catch (Exception)
        {
            // SQLite rolled back on its own (a full disk, an I/O error) or the connection is broken; either way it
            // may still think a transaction is open, and a fresh connection is certain not to.
            CloseConnection();
        }
    }

    private SqliteStatements Statements()
    {
        if (_statements is null)
        {
            _connection = _connections.OpenWriter();
            _statements = new SqliteStatements(_connection);
            _cache = null;
            FitCache();
        }

        return _statements;
    }

    private void CloseConnection()
    {
        _statements?.Dispose();
        _connection?.Dispose();
        _statements = null;
        _connection = null;
    }

    private abstract class WriteWork
    {
        private int _taken;

        /// <summary>True the first time only: the caller runs this work.</summary>
        public bool Take() => Interlocked.Exchange(ref _taken, 1) == 0;

        /// <summary>Whether the caller is answered once the work has run, without waiting for the commit.</summary>
        public bool AnswersOnRun { get; init; }

        public abstract bool CancelIfRequested();

        /// <summary>Whether this work's caller was told it was cancelled, so it must not be written any more.</summary>
        public abstract bool WasCancelled { get; }

        /// <summary>Hands out the result or failure of work that <see cref="AnswersOnRun"/> now; what follows cannot change it.</summary>
        public void AnswerIfEarly()
        {
            if (AnswersOnRun)
            {
                Complete();
            }
        }

        public abstract void Run(SqliteStatements statements);

        /// <summary>This work failed and was undone; the rest of its batch may still commit.</summary>
        public abstract void Failed(Exception exception);

        /// <summary>The batch did not commit.</summary>
        public abstract void Fail(Exception exception);

        /// <summary>The batch committed: hand out this work's result, or its own failure.</summary>
        public abstract void Complete();
    }

    private sealed class WriteWork<T>(Func<SqliteStatements, T> work, CancellationToken cancellationToken) : WriteWork
    {
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;
        private Exception? _failure;

        public Task<T> Task => _completion.Task;

        public Action? Settled { get; init; }

        public override bool CancelIfRequested()
        {
            if (!cancellationToken.IsCancellationRequested || _completion.Task.IsCompleted)
            {
                return false;
            }

            Settled?.Invoke();
            return _completion.TrySetCanceled(cancellationToken);
        }

        public override bool WasCancelled => _completion.Task.IsCanceled;

        public override void Run(SqliteStatements statements)
        {
            _failure = null;
            _result = work(statements);
        }

        public override void Failed(Exception exception) => _failure = exception;

        public override void Fail(Exception exception)
        {
            if (!_completion.Task.IsCompleted)
            {
                Settled?.Invoke();
                _completion.TrySetException(_failure ?? exception);
            }
        }

        public override void Complete()
        {
            if (_completion.Task.IsCompleted)
            {
                return;
            }

            // Before the task completes: whoever awaits it may go on at once, on another thread.
            Settled?.Invoke();
            if (_failure is null)
            {
                _completion.TrySetResult(_result!);
            }
            else
            {
                _completion.TrySetException(_failure);
            }
        }
    }
}
