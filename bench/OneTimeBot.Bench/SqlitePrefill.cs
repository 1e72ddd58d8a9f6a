using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OneTimeBot.Core.Events;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Storage;

namespace OneTimeBot.Bench;

/// <summary>
/// Fills the SQLite file a host is about to open with receipts and replay records, as after months of use. The tables
/// are made by the host's own storage code, configured and rooted as the host will be, so the file is the one the host
/// opens and its schema is the host's; the rows then go in with plain SQL (<see cref="Insert"/>).
/// </summary>
internal static class SqlitePrefill
{
    private const int RowsPerTransaction = 50_000;

    /// <param name="contentRoot">The host's content root, against which it resolves a relative <c>Data Source</c>.</param>
    /// <param name="configuration">The host's configuration as far as its <c>Storage</c> section goes.</param>
    /// <param name="file">Where the host's file is expected; the prefill fails if its storage code put it elsewhere.</param>
    public static async Task<PrefillReport> RunAsync(string contentRoot, IConfiguration configuration, string file, int count, PrefillRecords records)
    {
        var started = PrefillReport.Start();
        await CreateTablesAsync(contentRoot, configuration, records);
        if (!File.Exists(file))
        {
            throw new InvalidOperationException($"The host's storage code did not make its SQLite file at {file}: the benchmark would fill a file the host does not open.");
        }

        Insert(file, count, records, expired: false);
        return PrefillReport.Finish(started, count, StateSize.OfSqlite(file));
    }

    /// <summary>
    /// Puts <paramref name="count"/> receipts and as many replay records, live or already expired, into a file whose
    /// tables the stores have made, in large transactions, the two tables interleaved as a running host writes them.
    /// </summary>
    public static void Insert(string file, int count, PrefillRecords records, bool expired)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            // Only this connection's commits skip the fsync (a crash mid-prefill spoils a benchmark, not a user's
            // data), and its page cache holds the indexes that random keys scatter inserts over: a third less CPU.
            pragma.CommandText = "PRAGMA synchronous=OFF; PRAGMA cache_size=-262144";
            pragma.ExecuteNonQuery();
        }

        using var receipt = connection.CreateCommand();
        receipt.CommandText = "INSERT INTO bot_receipts (id, body, keep_until) VALUES ($id, $body, $keep_until)";
        var id = receipt.Parameters.Add("$id", SqliteType.Text);
        var body = receipt.Parameters.Add("$body", SqliteType.Text);
        var keepUntil = receipt.Parameters.Add("$keep_until", SqliteType.Integer);
        // Keys filed under their signing time go where the host keeps them (SqliteStateSchema), the rest in bot_events.
        using var filedReplay = connection.CreateCommand();
        filedReplay.CommandText = "INSERT INTO bot_claims (event_key, expires) VALUES ($key, $expires)";
        var filedKey = filedReplay.Parameters.Add("$key", SqliteType.Text);
        var filedExpires = filedReplay.Parameters.Add("$expires", SqliteType.Integer);
        using var replay = connection.CreateCommand();
        replay.CommandText = "INSERT INTO bot_events (event_key, expires) VALUES ($key, $expires)";
        var key = replay.Parameters.Add("$key", SqliteType.Text);
        var expires = replay.Parameters.Add("$expires", SqliteType.Integer);

        var now = DateTimeOffset.UtcNow;
        for (var done = 0; done < count;)
        {
            using var transaction = connection.BeginTransaction();
            receipt.Transaction = transaction;
            replay.Transaction = transaction;
            filedReplay.Transaction = transaction;
            for (var end = Math.Min(count, done + RowsPerTransaction); done < end; done++)
            {
                var r = records.Receipt(now, expired);
                (id.Value, body.Value, keepUntil.Value) = (r.Id, r.Body, r.KeepUntil.ToUnixTimeMilliseconds());
                receipt.ExecuteNonQuery();
                var e = records.Replay(now, expired);
                if (e.SignedAt is not null)
                {
                    (filedKey.Value, filedExpires.Value) = (e.SqliteKey, e.Expires.ToUnixTimeMilliseconds());
                    filedReplay.ExecuteNonQuery();
                }
                else
                {
                    (key.Value, expires.Value) = (e.SqliteKey, e.Expires.ToUnixTimeMilliseconds());
                    replay.ExecuteNonQuery();
                }
            }

            transaction.Commit();
        }
    }

    /// <summary>One read and one claim through the host's stores, which make their tables before first use.</summary>
    private static async Task CreateTablesAsync(string contentRoot, IConfiguration configuration, PrefillRecords records)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = contentRoot, EnvironmentName = Environments.Production });
        builder.Configuration.AddConfiguration(configuration);
        builder.Services.AddOneTimeBotState(builder.Configuration);
        using (var host = builder.Build())
        {
            await host.Services.GetRequiredService<IReceiptStore>().FindAsync(Convert.ToHexStringLower(new byte[32]), CancellationToken.None);
            await host.Services.GetRequiredService<IEventDeduplicator>().TryClaimAsync(records.Replay(DateTimeOffset.UtcNow).SqliteKey, TimeSpan.FromMinutes(11), CancellationToken.None);
        }

        SqliteConnection.ClearAllPools();
    }
}
