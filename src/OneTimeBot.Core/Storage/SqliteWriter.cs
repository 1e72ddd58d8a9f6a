using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace OneTimeBot.Core.Storage;

/// <summary>
/// The one connection that writes, on a thread of its own. SQLite lets one writer in at a time, so writers queue here
/// instead of in SQLite's busy handler, whose back-off sleeps cost more than the writes. Whatever queued while a
/// transaction committed goes into the next one together (group commit): one commit for many commands' writes, and
/// none of them is answered before that commit is done. Each piece of work runs under a savepoint, so one that fails
/// is undone alone and the rest still commit. Background work (purges) has a lane of its own and runs only when no
/// command's write is waiting, one piece at a time, so a command waits at most for one small piece of it.
/// </summary>
internal sealed class SqliteWriter : IDisposable
{
    // Enough to gather every concurrent command's writes; small enough that one transaction stays short.
    private const int MaxBatch = 256;

    private readonly BlockingCollection<WriteWork> _queue = new(new ConcurrentQueue<WriteWork>());
    private readonly BlockingCollection<WriteWork> _background = new(new ConcurrentQueue<WriteWork>());
    private readonly SqliteConnections _connections;
    private readonly Lazy<Thread> _thread;
    private SqliteConnection? _connection;
    private SqliteStatements? _statements;
    private int _disposed;

    public SqliteWriter(SqliteConnections connections)
    {
        _connections = connections;
        _thread = new Lazy<Thread>(() =>
        {
            var thread = new Thread(Run) { IsBackground = true, Name = "SQLite writer" };
            thread.Start();
            return thread;
        });
    }

    /// <summary>Queues <paramref name="work"/>; the task completes once the transaction holding it has committed.</summary>
    public Task<T> WriteAsync<T>(Func<SqliteStatements, T> work, CancellationToken cancellationToken) => Enqueue(_queue, work, cancellationToken);

    /// <summary>Queues work that may wait while commands write, such as a step of a purge.</summary>
    public Task<T> WriteInBackgroundAsync<T>(Func<SqliteStatements, T> work, CancellationToken cancellationToken) => Enqueue(_background, work, cancellationToken);

    private Task<T> Enqueue<T>(BlockingCollection<WriteWork> lane, Func<SqliteStatements, T> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        var item = new WriteWork<T>(work, cancellationToken);
        _ = _thread.Value;
        try
        {
            lane.Add(item, CancellationToken.None);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException)
        {
            // Added after Dispose began: the host is stopping and this write would not be committed.
            return Task.FromException<T>(new ObjectDisposedException(nameof(SqliteDatabase)));
        }

        return item.Task;
    }

    /// <summary>Finishes what is queued, then closes the connection.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _queue.CompleteAdding();
        _background.CompleteAdding();
        if (_thread.IsValueCreated)
        {
            _thread.Value.Join(TimeSpan.FromSeconds(30));
        }

        _queue.Dispose();
        _background.Dispose();
    }

    private void Run()
    {
        var lanes = new[] { _queue, _background };
        var batch = new List<WriteWork>(MaxBatch);
        while (!(_queue.IsCompleted && _background.IsCompleted))
        {
            // TakeFromAny looks at the lanes in order, so a command's write always goes before background work.
            WriteWork? first;
            try
            {
                if (BlockingCollection<WriteWork>.TakeFromAny(lanes, out first) < 0 || first is null)
                {
                    break;
                }
            }
            catch (ArgumentException)
            {
                // Both lanes are completed and empty: the database is being disposed.
                break;
            }

            batch.Add(first);
            while (batch.Count < MaxBatch && _queue.TryTake(out var next))
            {
                batch.Add(next);
            }

            batch.RemoveAll(work => work.CancelIfRequested());
            if (batch.Count > 0)
            {
                Commit(batch);
            }

            batch.Clear();
        }

        CloseConnection();
    }

    private void Commit(List<WriteWork> batch)
    {
        try
        {
            var statements = Statements();
            statements.Execute("BEGIN IMMEDIATE", []);
            try
            {
                if (batch.Count == 1)
                {
                    batch[0].Run(statements);
                }
                else
                {
                    foreach (var work in batch)
                    {
                        RunUnderSavepoint(statements, work);
                    }
                }

                statements.Execute("COMMIT", []);
            }
            catch
            {
                RollBack(statements);
                throw;
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

        foreach (var work in batch)
        {
            work.Complete();
        }
    }

    private static void RunUnderSavepoint(SqliteStatements statements, WriteWork work)
    {
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
    }

    private void RollBack(SqliteStatements statements)
    {
        try
        {
            statements.Execute("ROLLBACK", []);
        }
        catch (SqliteException)
        {
            // SQLite rolled back on its own (a full disk, an I/O error) or the connection is broken: start afresh.
            CloseConnection();
        }
    }

    private SqliteStatements Statements()
    {
        if (_statements is null)
        {
            _connection = _connections.OpenWriter();
            _statements = new SqliteStatements(_connection);
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
        public abstract bool CancelIfRequested();

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

        public override bool CancelIfRequested() => cancellationToken.IsCancellationRequested && _completion.TrySetCanceled(cancellationToken);

        public override void Run(SqliteStatements statements)
        {
            _failure = null;
            _result = work(statements);
        }

        public override void Failed(Exception exception) => _failure = exception;

        public override void Fail(Exception exception) => _completion.TrySetException(_failure ?? exception);

        public override void Complete()
        {
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
