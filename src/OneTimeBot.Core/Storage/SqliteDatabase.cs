using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace OneTimeBot.Core.Storage;

/// <summary>
/// The one SQLite file every store shares. Connections run in WAL mode with a busy timeout so concurrent writers wait
/// for each other instead of failing, and with secure_delete so deleted rows are overwritten, not left in free pages.
/// Every call names the <see cref="SqliteSchema"/> it uses, which is prepared before its first use in this process.
/// A relative path is relative to the content root, not to wherever the process was started; the file's folder is
/// created on first use.
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    private const string ConnectionPragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA secure_delete=ON;";

    // SQLite allows one writer at a time; queueing writers here instead of in SQLite's busy handler avoids its
    // back-off sleeps, which under load cost more than the writes themselves.
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly ConcurrentDictionary<SqliteSchema, bool> _prepared = new();
    private readonly string _connectionString;
    private int _initialized;

    public SqliteDatabase(IOptions<StorageOptions> options, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        var builder = new SqliteConnectionStringBuilder(options.Value.SqliteConnectionString)
        {
            Pooling = true,
            DefaultTimeout = 10,
        };
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && !file.StartsWith("file:", StringComparison.Ordinal))
        {
            builder.DataSource = Path.GetFullPath(file, environment.ContentRootPath);
        }

        _connectionString = builder.ToString();
        FilePath = builder.DataSource;
    }

    public string FilePath { get; }

    /// <summary>Runs one statement that changes rows, while no other writer of this process runs; returns how many it changed.</summary>
    public Task<int> ExecuteAsync(SqliteSchema schema, string sql, IEnumerable<(string Name, object? Value)> arguments, CancellationToken cancellationToken) =>
        WriteAsync(schema, async connection =>
        {
            await using var command = Command(connection, sql, arguments);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>Runs one statement that changes a row and returns a value of it (<c>RETURNING</c>), as a writer.</summary>
    public Task<object?> ExecuteScalarAsync(SqliteSchema schema, string sql, IEnumerable<(string Name, object? Value)> arguments, CancellationToken cancellationToken) =>
        WriteAsync(schema, async connection =>
        {
            await using var command = Command(connection, sql, arguments);
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>Reads one value, e.g. a stored document; null when there is no such row.</summary>
    public async Task<object?> ReadScalarAsync(SqliteSchema schema, string sql, IEnumerable<(string Name, object? Value)> arguments, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(schema, cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, sql, arguments);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="work"/> on its own connection while no other writer of this process runs.</summary>
    public async Task<T> WriteAsync<T>(SqliteSchema schema, Func<SqliteConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(schema, cancellationToken).ConfigureAwait(false);
        return await WriteAsync(work, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A connection for reading.</summary>
    public async Task<SqliteConnection> OpenAsync(SqliteSchema schema, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(schema, cancellationToken).ConfigureAwait(false);
        return await OpenAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A connection opened synchronously, for the few synchronous interfaces (the Data Protection key ring).</summary>
    public SqliteConnection Open(SqliteSchema schema)
    {
        // Microsoft.Data.Sqlite does its work synchronously even in its async methods, so this blocks no longer than
        // a synchronous call would.
        EnsureSchemaAsync(schema, CancellationToken.None).GetAwaiter().GetResult();
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = ConnectionPragmas;
        pragmas.ExecuteNonQuery();
        return connection;
    }

    public void Dispose() => _writeGate.Dispose();

    /// <summary>
    /// Runs the schema's migrations that the file needs, then its DDL, once per process and before the first use of its
    /// tables. A concurrent first use prepares it twice, one after the other, which the probes and the DDL allow.
    /// </summary>
    private async Task EnsureSchemaAsync(SqliteSchema schema, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (_prepared.ContainsKey(schema))
        {
            return;
        }

        await WriteAsync(async connection =>
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            foreach (var migration in schema.Migrations)
            {
                await using var probe = Command(connection, migration.Probe, [], transaction);
                if (Convert.ToInt64(await probe.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) > 0)
                {
                    await using var migrate = Command(connection, migration.Script, [], transaction);
                    await migrate.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            await using (var create = Command(connection, schema.Ddl, [], transaction))
            {
                await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return _prepared.TryAdd(schema, true);
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<T> WriteAsync<T>(Func<SqliteConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            return await work(connection).ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var first = Interlocked.Exchange(ref _initialized, 1) == 0;
        if (first && Path.GetDirectoryName(FilePath) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var pragmas = connection.CreateCommand();
            // WAL is a property of the file and needs setting once; the rest belong to each connection.
            pragmas.CommandText = (first ? "PRAGMA journal_mode=WAL; " : "") + ConnectionPragmas;
            await pragmas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    [SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification = "Statements are the stores' own constants; every value travels as a parameter.")]
    private static SqliteCommand Command(SqliteConnection connection, string sql, IEnumerable<(string Name, object? Value)> arguments, SqliteTransaction? transaction = null)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(arguments);
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in arguments)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
