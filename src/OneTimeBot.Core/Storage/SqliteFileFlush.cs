using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace OneTimeBot.Core.Storage;

/// <summary>
/// Flushes the database file to disk through the file handle SQLite itself keeps for a connection
/// (<c>SQLITE_FCNTL_FILE_POINTER</c>, then the VFS's <c>xSync</c>): a checkpoint that copies pages while commits go on
/// leaves that flush to the next checkpoint that catches up with them all, which is the writer's, so without this the
/// writer flushed every page the checkpointer had copied since (7 to 35 ms on a store of a million receipts, seen with
/// strace). A handle of our own would not do: closing any descriptor of the file drops every POSIX lock this process
/// holds on it, SQLite's included.
/// </summary>
internal static unsafe partial class SqliteFileFlush
{
    private const int FileControlFilePointer = 7; // SQLITE_FCNTL_FILE_POINTER
    private const int SyncNormal = 0x2; // SQLITE_SYNC_NORMAL

    // sqlite3_io_methods: int iVersion, then the methods in order xClose, xRead, xWrite, xTruncate, xSync.
    private static readonly int SyncSlot = IntPtr.Size * 5;

    /// <summary>Flushes the main database file of <paramref name="connection"/>; false when SQLite could not.</summary>
    public static bool Flush(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var handle = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            IntPtr file;
            if (FileControl(handle.DangerousGetHandle(), "main"u8, FileControlFilePointer, &file) != 0 || file == IntPtr.Zero)
            {
                return false;
            }

            var methods = *(IntPtr*)file;
            var sync = (delegate* unmanaged<IntPtr, int, int>)*(IntPtr*)(methods + SyncSlot);
            return sync(file, SyncNormal) == 0;
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    private static int FileControl(IntPtr db, ReadOnlySpan<byte> name, int operation, void* argument)
    {
        // A NUL-terminated copy: the schema name SQLite expects is a C string.
        Span<byte> terminated = stackalloc byte[name.Length + 1];
        name.CopyTo(terminated);
        fixed (byte* schema = terminated)
        {
            return sqlite3_file_control(db, schema, operation, argument);
        }
    }

    // The SQLite library Microsoft.Data.Sqlite loads (SQLitePCLRaw's bundle), which does not expose this call itself.
    [LibraryImport("e_sqlite3")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int sqlite3_file_control(IntPtr db, byte* schema, int operation, void* argument);
}
