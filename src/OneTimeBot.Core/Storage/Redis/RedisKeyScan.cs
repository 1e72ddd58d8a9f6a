using System.Text;
using StackExchange.Redis;

namespace OneTimeBot.Core.Storage.Redis;

/// <summary>
/// Finds keys by a pattern with SCAN, page by page, on every primary: never KEYS, which blocks the server while it
/// walks every key. For rare work only, such as purging a workspace whose app was removed.
/// </summary>
internal static class RedisKeyScan
{
    private const int PageSize = 500;

    /// <summary>Every key that starts with <paramref name="literalPrefix"/>, which is matched as written, not as a pattern.</summary>
    public static async Task<IReadOnlyList<RedisKey>> StartingWithAsync(RedisConnection redis, string literalPrefix)
    {
        var multiplexer = await redis.MultiplexerAsync().ConfigureAwait(false);
        var database = (await redis.DatabaseAsync().ConfigureAwait(false)).Database;
        var pattern = Escape(literalPrefix) + "*";
        var primaries = multiplexer.GetServers().Where(s => s.IsConnected && !s.IsReplica).ToList();
        if (primaries.Count == 0)
        {
            // Finding nothing is not "there is nothing": a purge must fail, and stay owed, rather than report itself done.
            throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, CommandFlags.None, "No connected Redis primary to scan.");
        }

        var keys = new List<RedisKey>();
        foreach (var server in primaries)
        {
            // SE.Redis pages through SCAN here (every server the bot supports has it).
            await foreach (var key in server.KeysAsync(database, pattern, PageSize).ConfigureAwait(false))
            {
                keys.Add(key);
            }
        }

        return keys;
    }

    /// <summary>A glob pattern that matches <paramref name="literal"/> alone: its *, ?, [, ] and \ escaped.</summary>
    private static string Escape(string literal)
    {
        var escaped = new StringBuilder(literal.Length);
        foreach (var c in literal)
        {
            if (c is '*' or '?' or '[' or ']' or '\\')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}
