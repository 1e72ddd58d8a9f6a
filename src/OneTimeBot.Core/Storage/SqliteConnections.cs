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
    // The WAL is cut back to 64 MiB whenever it starts over, so old page images do not linger.
    private const string WriterPragmas =
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA secure_delete=ON; " +
        "PRAGMA mmap_size=1073741824; PRAGMA journal_size_limit=67108864; PRAGMA temp_store=MEMORY;";

    // query_only keeps a reader a reader, whatever work it is handed. A reader's cache is emptied whenever another
    // connection commits, so the map, not the cache, is what makes its reads cheap.
    private const string ReaderPragmas = "PRAGMA busy_timeout=10000; PRAGMA query_only=ON; PRAGMA mmap_size=1073741824;";

    private int _folderMade;

    public SqliteConnection OpenWriter() => Open(WriterPragmas);

    public SqliteConnection OpenReader() => Open(ReaderPragmas);

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
