using System.Globalization;
using Microsoft.Data.Sqlite;
using OneTimeBot.Testing;

namespace OneTimeBot.Bench;

/// <summary>How big a host's state has grown: its SQLite file with its write-ahead log, or what Redis holds in memory.</summary>
internal static class StateSize
{
    public static string OfSqlite(string file) => string.Create(CultureInfo.InvariantCulture,
        $"SQLite file {MiB(Length(file)):F1} MiB + WAL {MiB(Length(file + "-wal")):F1} MiB");

    public static async Task<string> OfRedisAsync(RedisServer redis)
    {
        var used = long.Parse(await InfoFieldAsync(redis, "memory", "used_memory"), CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"Redis used_memory {MiB(used):F1} MiB");
    }

    /// <summary>One field of <c>INFO section</c>, e.g. <c>used_memory</c> or <c>process_id</c>.</summary>
    public static async Task<string> InfoFieldAsync(RedisServer redis, string section, string field)
    {
        var info = await redis.CommandAsync("INFO", section);
        return info.Split("\r\n").Select(l => l.Split(':', 2)).FirstOrDefault(p => p.Length == 2 && p[0] == field)?[1]
            ?? throw new InvalidOperationException($"redis-server's INFO {section} has no {field}");
    }

    /// <summary>How many receipts a SQLite file holds.</summary>
    public static long ReceiptsIn(string file)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        connection.Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM bot_receipts";
        return (long)count.ExecuteScalar()!;
    }

    private static long Length(string file) => File.Exists(file) ? new FileInfo(file).Length : 0;

    private static double MiB(long bytes) => bytes / 1048576.0;
}
