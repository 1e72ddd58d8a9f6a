using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OneTimeBot.Core.Storage;

namespace OneTimeBot.Bench;

/// <summary>
/// Writes through the <see cref="SqliteDatabase"/> in this build, timed from outside it: the replay record's INSERT,
/// handed to <see cref="SqliteDatabase.WriteAsync{T}"/> as the work to run while no other writer of the process runs.
/// Three stretches per write: from the call until the work starts (waiting for the writers ahead, and whatever the
/// engine does before running the work), the work itself (the INSERT; its commit too, where the engine commits each
/// write on its own), and from the end of the work until the call returns (where the engine commits a group of writes,
/// the rest of the group and the commit; handing over to the next writer).
/// </summary>
internal static class StoreWriteGate
{
    private const string InsertReplayRecord = "INSERT INTO bot_events (event_key, expires) VALUES ($key, $expires)";

    // The replay records' table as the host made it; the engine only needs a schema to name, and this one changes nothing.
    private static readonly SqliteSchema ReplayRecords = new("CREATE TABLE IF NOT EXISTS bot_events (event_key TEXT PRIMARY KEY, expires INTEGER NOT NULL);");

    public static async Task<StoreGateFigures> MeasureAsync(StoreUnderTest store, int writes, int writers)
    {
        var database = store.Services.GetRequiredService<SqliteDatabase>();
        var before = new long[writes];
        var work = new long[writes];
        var after = new long[writes];
        var expires = (DateTimeOffset.UtcNow + TimeSpan.FromMinutes(11)).ToUnixTimeMilliseconds();
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < writes)
            {
                var called = Stopwatch.GetTimestamp();
                var (workStarted, workEnded) = await database.WriteAsync(ReplayRecords, statements =>
                {
                    var started = Stopwatch.GetTimestamp();
                    statements.Execute(InsertReplayRecord, [("$key", "slack-request:" + PrefillRecords.RandomHex(32)), ("$expires", expires)]);
                    return (started, Stopwatch.GetTimestamp());
                }, CancellationToken.None);
                var returned = Stopwatch.GetTimestamp();
                before[i] = workStarted - called;
                work[i] = workEnded - workStarted;
                after[i] = returned - workEnded;
            }
        })));
        var elapsed = clock.Elapsed;
        return new StoreGateFigures(writers, writes / elapsed.TotalSeconds,
            StoreLatencies.Of(before.Zip(work, after).Select(t => t.First + t.Second + t.Third).ToArray()),
            StoreLatencies.Of(before), StoreLatencies.Of(work), StoreLatencies.Of(after));
    }

    /// <summary>The row the measure prints, for a file named <paramref name="file"/>.</summary>
    public static string Row(string file, StoreGateFigures f) => string.Create(CultureInfo.InvariantCulture,
        $"| {file} | {f.Writers} | {f.WritesPerSecond:F0} | {Cell(f.Total)} | {Cell(f.BeforeWork)} | {Cell(f.Work)} | {Cell(f.AfterWork)} |");

    public const string Header = """
        | file | writers | writes/s | whole write, mean / p99 (ms) | call → work starts, mean / p99 | the work (the INSERT), mean / p99 | work ends → call returns, mean / p99 |
        |---|---:|---:|---:|---:|---:|---:|
        """;

    private static string Cell(StoreLatencies l) => $"{StoreLatencies.Format(l.MeanMs)} / {StoreLatencies.Format(l.P99Ms)}";
}

internal sealed record StoreGateFigures(int Writers, double WritesPerSecond, StoreLatencies Total, StoreLatencies BeforeWork, StoreLatencies Work, StoreLatencies AfterWork);
