using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace OneTimeBot.Core.Storage;

/// <summary>
/// The one SQLite file every store shares. Writes go to one long-lived writer connection that commits what queued
/// together (<see cref="SqliteWriter"/>); reads go to kept read connections (<see cref="SqliteReaders"/>); both keep
/// their compiled statements. Every call names the <see cref="SqliteSchema"/> it uses, which is prepared before its
/// first use in this process. A relative path is relative to the content root, not to wherever the process was
/// started; the file's folder is created on first use.
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    /// <summary>
    /// How many rows one purge step changes. Expired rows sit on random pages of the random-keyed indexes, so a step
    /// touches about one page per row; at this size a step takes milliseconds (some tens on a store of millions of
    /// rows), which is what a command that arrives during it may wait.
    /// </summary>
    public const int PurgeBatch = 200;

    private readonly ConcurrentDictionary<SqliteSchema, Task> _prepared = new();
    private readonly SqliteConnections _connections;
    private readonly SqliteWriter _writer;
    private readonly SqliteCheckpointer _checkpointer;
    private readonly SqliteReaders _readers;

    public SqliteDatabase(IOptions<StorageOptions> options, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        var builder = new SqliteConnectionStringBuilder(options.Value.SqliteConnectionString)
        {
            // The connections live as long as this object; a pool behind them would only keep closed files open.
            Pooling = false,
            DefaultTimeout = 10,
        };
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && !file.StartsWith("file:", StringComparison.Ordinal))
        {
            builder.DataSource = Path.GetFullPath(file, environment.ContentRootPath);
        }

        FilePath = builder.DataSource;
        _connections = new SqliteConnections(builder.ToString(), FilePath);
        _checkpointer = new SqliteCheckpointer(_connections);
        _writer = new SqliteWriter(_connections, _checkpointer);
        _readers = new SqliteReaders(_connections);
    }

    public string FilePath { get; }

    /// <summary>The WAL's checkpointer, for tests that wait for it.</summary>
    internal SqliteCheckpointer Checkpointer => _checkpointer;

    /// <summary>
    /// Runs <paramref name="work"/> on the writer, in a transaction it may share with other work; the task completes
    /// once that transaction has committed. The work must be quick and synchronous: other writers wait for it. It must
    /// also do nothing but its statements: when another work in its transaction fails, it runs again after a rollback.
    /// </summary>
    public async Task<T> WriteAsync<T>(SqliteSchema schema, Func<SqliteStatements, T> work, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(schema, cancellationToken).ConfigureAwait(false);
        return await _writer.WriteAsync(work, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs <paramref name="work"/> on the writer as <see cref="WriteAsync{T}"/> does, but answers as soon as it has run,
    /// before its transaction commits: only for a write whose loss in a failed commit or a crash does no harm, such as
    /// a count against a creation limit (<see cref="SqliteWriter.WriteAnsweredBeforeCommitAsync{T}"/>).
    /// </summary>
    public async Task<T> WriteAnsweredBeforeCommitAsync<T>(SqliteSchema schema, Func<SqliteStatements, T> work, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(schema, cancellationToken).ConfigureAwait(false);
        return await _writer.WriteAnsweredBeforeCommitAsync(work, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Queues <paramref name="work"/> for the writer without starting a commit of its own: it rides in the next one,
    /// or commits alone once <see cref="DeferredWrite{T}.CommittedAsync"/> is awaited. For a write that a command's
    /// next write can carry (its replay claim, carried by its receipt). It cannot be cancelled once queued.
    /// <paramref name="settled"/> runs on the writer's thread once it has committed or failed (quick bookkeeping only).
    /// </summary>
    public async Task<DeferredWrite<T>> WriteWithNextAsync<T>(SqliteSchema schema, Func<SqliteStatements, T> work, CancellationToken cancellationToken, Action? settled = null)
    {
        await EnsureSchemaAsync(schema, cancellationToken).ConfigureAwait(false);
        return _writer.WriteWithNext(work, settled);
    }

    /// <summary>Runs <paramref name="work"/> on a read connection; each of its statements sees the last commit.</summary>
    public async Task<T> ReadAsync<T>(SqliteSchema schema, Func<SqliteStatements, T> work, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(schema, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return _readers.Read(work);
    }

    /// <summary>
    /// Runs <paramref name="sql"/> on a connection opened for the purpose and closed after: a health check must see a
    /// file that broke under the kept connections, whose caches would still answer.
    /// </summary>
    public async Task PingAsync(SqliteSchema schema, string sql, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(schema, cancellationToken).ConfigureAwait(false);
        using var connection = _connections.OpenReader();
        using var probe = new SqliteStatements(connection);
        probe.Scalar(sql, []);
    }

    /// <summary>Runs one statement that changes rows, as a writer; returns how many it changed.</summary>
    public Task<int> ExecuteAsync(SqliteSchema schema, string sql, IEnumerable<(string Name, object? Value)> arguments, CancellationToken cancellationToken) =>
        WriteAsync(schema, statements => statements.Execute(sql, arguments), cancellationToken);

    /// <summary>Runs one statement that changes a row and returns a value of it (<c>RETURNING</c>), as a writer.</summary>
    public Task<object?> ExecuteScalarAsync(SqliteSchema schema, string sql, IEnumerable<(string Name, object? Value)> arguments, CancellationToken cancellationToken) =>
        WriteAsync(schema, statements => statements.Scalar(sql, arguments), cancellationToken);

    /// <summary>Reads one value, e.g. a stored document; null when there is no such row.</summary>
    public Task<object?> ReadScalarAsync(SqliteSchema schema, string sql, IEnumerable<(string Name, object? Value)> arguments, CancellationToken cancellationToken) =>
        ReadAsync(schema, statements => statements.Scalar(sql, arguments), cancellationToken);

    /// <summary>
    /// Deletes the rows of <paramref name="table"/> that <paramref name="condition"/> selects, <see cref="PurgeBatch"/>
    /// at a time, each step a background write: a step runs only when no command's write is waiting, so commands
    /// commit between steps instead of waiting for the lot.
    /// </summary>
    public Task<int> DeleteInStepsAsync(SqliteSchema schema, string table, string condition, IReadOnlyList<(string Name, object? Value)> arguments, CancellationToken cancellationToken) =>
        UpdateInStepsAsync(schema, $"DELETE FROM {table} WHERE rowid IN (SELECT rowid FROM {table} WHERE {condition} LIMIT {PurgeBatch.ToString(CultureInfo.InvariantCulture)})", arguments, cancellationToken);

    /// <summary>
    /// Runs <paramref name="sql"/>, which changes at most <see cref="PurgeBatch"/> rows a time and fewer once nothing is
    /// left, as background writes until it changes fewer; returns how many rows changed in all.
    /// </summary>
    public async Task<int> UpdateInStepsAsync(SqliteSchema schema, string sql, IReadOnlyList<(string Name, object? Value)> arguments, CancellationToken cancellationToken)
    {
        var total = 0;
        int changed;
        await EnsureSchemaAsync(schema, cancellationToken).ConfigureAwait(false);
        do
        {
            changed = await _writer.WriteInBackgroundAsync(statements => statements.Execute(sql, arguments), cancellationToken).ConfigureAwait(false);
            total += changed;
        }
        while (changed >= PurgeBatch);

        return total;
    }

    /// <summary>For the few synchronous interfaces (the Data Protection key ring): a read that blocks until done.</summary>
    public T Read<T>(SqliteSchema schema, Func<SqliteStatements, T> work)
    {
        // Waiting on the tasks themselves, not on async wrappers, needs no thread-pool thread to wake the waiter.
        EnsureSchemaAsync(schema, CancellationToken.None).GetAwaiter().GetResult();
        return _readers.Read(work);
    }

    /// <summary>For the few synchronous interfaces: a write that blocks until committed. Never from inside a write's work.</summary>
    public T Write<T>(SqliteSchema schema, Func<SqliteStatements, T> work)
    {
        if (_writer.IsWriterThread)
        {
            throw new InvalidOperationException("A write's work cannot wait for another write: the writer would wait on itself.");
        }

        EnsureSchemaAsync(schema, CancellationToken.None).GetAwaiter().GetResult();
        return _writer.WriteAsync(work, CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>Commits what is queued, then closes every connection.</summary>
    public void Dispose()
    {
        // The writer first: it commits what is queued, and tells the checkpointer of every commit until it ends.
        _writer.Dispose();
        _checkpointer.Dispose();
        _readers.Dispose();
    }

    /// <summary>
    /// Runs the schema's migrations that the file needs, then its DDL, once per process and before the first use of its
    /// tables, as one write: of two processes opening an old file only one migrates it. A failed preparation is tried
    /// again at the next use.
    /// </summary>
    private Task EnsureSchemaAsync(SqliteSchema schema, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var preparation = _prepared.GetOrAdd(schema, s => _writer.WriteAsync(statements => Prepare(statements, s), CancellationToken.None));
        if (preparation.IsCompletedSuccessfully)
        {
            return Task.CompletedTask;
        }

        if (preparation.IsFaulted)
        {
            _prepared.TryRemove(KeyValuePair.Create(schema, preparation));
        }

        return preparation.WaitAsync(cancellationToken);
    }

    private static bool Prepare(SqliteStatements statements, SqliteSchema schema)
    {
        foreach (var migration in schema.Migrations)
        {
            if (Convert.ToInt64(statements.Scalar(migration.Probe, []), CultureInfo.InvariantCulture) > 0)
            {
                statements.Execute(migration.Script, []);
            }
        }

        statements.Execute(schema.Ddl, []);
        return true;
    }
}
