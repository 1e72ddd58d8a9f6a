using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace OneTimeBot.Core.Storage;

/// <summary>
/// Opens connections to the one SQLite file every store shares, in WAL mode with a busy timeout so concurrent
/// writers wait for each other instead of failing, and with secure_delete so deleted rows are overwritten, not left in free pages. A relative path is relative to the content root, not to wherever the
/// process was started. Creates the file's folder on first use.
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    // SQLite allows one writer at a time; queueing writers here instead of in SQLite's busy handler avoids its
    // back-off sleeps, which under load cost more than the writes themselves.
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _schemas = new(StringComparer.Ordinal);
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

    /// <summary>Runs <paramref name="work"/> on its own connection while no other writer of this process runs.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, Task<T>> work, CancellationToken cancellationToken)
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

    public void Dispose() => _writeGate.Dispose();

    /// <summary>Runs a schema script (idempotent DDL) once per process, before the first use of its tables.</summary>
    public async Task EnsureSchemaAsync(string ddl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ddl);
        if (_schemas.ContainsKey(ddl))
        {
            return;
        }

        await WriteAsync(async connection =>
        {
            await using var create = connection.CreateCommand();
            create.CommandText = ddl;
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return _schemas.TryAdd(ddl, true);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A connection opened synchronously, for synchronous interfaces; schema must already exist or be created by the caller.</summary>
    public SqliteConnection Open()
    {
        EnsureFolder();
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA secure_delete=ON;";
        pragmas.ExecuteNonQuery();
        return connection;
    }

    private bool EnsureFolder()
    {
        var first = Interlocked.Exchange(ref _initialized, 1) == 0;
        if (first && Path.GetDirectoryName(FilePath) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        return first;
    }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var first = EnsureFolder();

        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var pragmas = connection.CreateCommand();
            // WAL is a property of the file and needs setting once; the rest belong to each connection.
            pragmas.CommandText = (first ? "PRAGMA journal_mode=WAL; " : "") + "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA secure_delete=ON;";
            await pragmas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
