using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace OneTimeBot.Core.Storage;

/// <summary>
/// Opens connections to the one SQLite file every store shares, in WAL mode with a busy timeout so concurrent
/// writers wait for each other instead of failing, and with secure_delete so deleted rows are overwritten, not left in free pages. A relative path is relative to the content root, not to wherever the
/// process was started. Creates the file's folder on first use.
/// </summary>
public sealed class SqliteDatabase
{
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

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _initialized, 1) == 0 && Path.GetDirectoryName(FilePath) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var pragmas = connection.CreateCommand();
            pragmas.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA secure_delete=ON;";
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
