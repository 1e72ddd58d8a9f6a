using System.Globalization;

namespace OneTimeBot.Core.Storage;

/// <summary>
/// How much of the file the writer keeps in its page cache, by the file's size. A large cache holds the indexes of a
/// filled store, so an insert finds its pages without reading them. But at the end of every write transaction SQLite
/// drops from its cache the pages numbered past the end of the file, and B-tree balancing files a page for a moment
/// under the number of the page that holds the file's lock bytes (the one at 1 GiB): while the file is smaller than
/// that, every commit walks the whole cache. With 64 MiB that walk took a tenth of the host's CPU per command on a
/// fresh store (bench/RESULTS.md); with SQLite's default 2 MiB it is small, and the memory-mapped file serves what the
/// small cache misses. Past 1 GiB there is no walk, and the large cache pays.
/// </summary>
internal static class SqliteWriterCache
{
    public const string Small = "PRAGMA cache_size=-2000";
    public const string Large = "PRAGMA cache_size=-65536";

    /// <summary>Where SQLite keeps its lock bytes: the page holding them is never used for data.</summary>
    private const long LockByteOffset = 1L << 30;

    /// <summary>The cache setting for a file of <paramref name="pages"/> pages of <paramref name="pageSize"/> bytes.</summary>
    public static string For(long pages, long pageSize) => pages * pageSize > LockByteOffset ? Large : Small;

    /// <summary>The cache setting for the file <paramref name="statements"/> write to, as it is now.</summary>
    public static string For(SqliteStatements statements) =>
        For(Convert.ToInt64(statements.Scalar("PRAGMA page_count", []), CultureInfo.InvariantCulture),
            Convert.ToInt64(statements.Scalar("PRAGMA page_size", []), CultureInfo.InvariantCulture));
}
