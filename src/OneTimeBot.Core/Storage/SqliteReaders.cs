using System.Collections.Concurrent;

namespace OneTimeBot.Core.Storage;

/// <summary>
/// Read connections kept open with their compiled statements, one per concurrent reader. In WAL mode they read while
/// the writer writes, each statement seeing the last committed state.
/// </summary>
internal sealed class SqliteReaders(SqliteConnections connections) : IDisposable
{
    // More idle readers than this are closed when returned: a burst should not hold file handles for ever.
    private static readonly int MaxIdle = Math.Max(4, Environment.ProcessorCount * 4);

    private readonly ConcurrentBag<SqliteStatements> _idle = [];
    private int _idleCount;
    private volatile bool _disposed;

    public T Read<T>(Func<SqliteStatements, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_idle.TryTake(out var reader))
        {
            Interlocked.Decrement(ref _idleCount);
        }
        else
        {
            var connection = connections.OpenReader();
            reader = new SqliteStatements(connection);
        }

        T result;
        try
        {
            result = work(reader);
        }
        catch
        {
            // The connection may be mid-statement or broken; a fresh one costs little next time.
            Close(reader);
            throw;
        }

        if (_disposed)
        {
            Close(reader);
            return result;
        }

        if (Interlocked.Increment(ref _idleCount) > MaxIdle)
        {
            Interlocked.Decrement(ref _idleCount);
            Close(reader);
            return result;
        }

        _idle.Add(reader);
        if (_disposed)
        {
            // Disposed while this read ran: the drain may have passed already.
            Dispose();
        }

        return result;
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var reader))
        {
            Close(reader);
        }
    }

    private static void Close(SqliteStatements reader)
    {
        reader.Dispose();
        reader.Connection.Dispose();
    }
}
