using System.Globalization;
using Microsoft.Data.Sqlite;

namespace OneTimeBot.Core.Storage;

/// <summary>Opens the connections <see cref="SqliteDatabase"/> keeps for as long as it lives, each set up once.</summary>
internal sealed class SqliteConnections(string connectionString, string filePath)
{
    // WAL lets readers run while the writer commits. synchronous=NORMAL in WAL mode makes a commit durable when the
    // process dies (the write is in the operating system's hands before the commit returns); only a power cut can
    // take the last commits. The busy timeout is for other processes sharing the file; secure_delete overwrites
    // deleted rows instead of leaving them in free pages.
    // The writer keeps its cache (no other connection of the process writes to invalidate it); its size follows the
    // file's (SqliteWriterCache). The file is also mapped, so pages outside the cache are read without a system call.
    // The WAL is cut back to 64 MiB whenever it starts over, so old page images do not linger. Checkpoints are the
    // checkpointer's (SqliteCheckpointer); the writer checkpoints only a WAL that has grown past WriterCheckpointPages.
    private static readonly string WriterPragmas =
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA secure_delete=ON; " +
        "PRAGMA mmap_size=1073741824; PRAGMA journal_size_limit=67108864; PRAGMA temp_store=MEMORY; " +
        $"PRAGMA wal_autocheckpoint={WriterCheckpointPages.ToString(CultureInfo.InvariantCulture)};";

    // synchronous=NORMAL is what makes a checkpoint flush the WAL before it writes the file, and the file before the
    // WAL may start over. A PASSIVE checkpoint never waits for the checkpoint lock: another connection's checkpoint
    // shows in its result, not as a wait.
    private const string CheckpointerPragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=0;";

    /// <summary>
    /// How large (in pages) the WAL may grow before the writer checkpoints it itself at the end of a commit, as SQLite
    /// does from 1,000 by default: a net for a checkpointer that has fallen behind. Normally the WAL starts over at
    /// <see cref="SqliteCheckpointer.RestartPages"/>.
    /// </summary>
    public const int WriterCheckpointPages = 10_000;

    // query_only keeps a reader a reader, whatever work it is handed. A reader does not map the file: whenever another
    // connection has committed, SQLite drops a reader's cache and unmaps its whole map at its next read, and under
    // constant writes that unmapping (a TLB shootdown on every core) and the page faults after it cost more than
    // reading the few pages of a look-up with pread.
    private const string ReaderPragmas = "PRAGMA busy_timeout=10000; PRAGMA query_only=ON; PRAGMA mmap_size=0;";

    private int _folderMade;

    public SqliteConnection OpenWriter() => Open(WriterPragmas);

    public SqliteConnection OpenReader() => Open(ReaderPragmas);

    public SqliteConnection OpenCheckpointer() => Open(CheckpointerPragmas);

    private SqliteConnection Open(string pragmas)
    {
        if (Interlocked.Exchange(ref _folderMade, 1) == 0 && Path.GetDirectoryName(filePath) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            using var setup = connection.CreateCommand();
            setup.CommandText = pragmas;
            setup.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
