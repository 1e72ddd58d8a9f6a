using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneTimeBot.Core.Storage;

namespace OneTimeBot.Bench;

/// <summary>
/// Commands while expired rows are deleted: the share's store work runs without pause, a few seconds alone, then while
/// the store purges (on SQLite the host's own <see cref="StateCleaner"/>, started as the host starts it; on Redis its
/// native expiry, all the keys expiring at one instant), then a few seconds after. Each command is put in the phase
/// its time overlapped: before the purge, during it, or after it.
/// </summary>
internal static class StorePurgeLoad
{
    private static readonly TimeSpan Alone = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan LongestPurge = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan RedisWatch = TimeSpan.FromSeconds(10);

    /// <summary>Adds the expired rows to the store's SQLite file, then runs the load around one run of the cleaner.</summary>
    public static async Task<StorePurgeFigures> SqliteAsync(StoreUnderTest store, int expiredRows, int workers)
    {
        var filled = await store.FillAsync(expiredRows / 2, expired: true);
        await using var probe = new SqliteConnection($"Data Source={store.SqliteFile};Pooling=False;Mode=ReadOnly");
        await probe.OpenAsync();
        await using var expiredLeft = probe.CreateCommand();
        expiredLeft.CommandText = """
            SELECT EXISTS (SELECT 1 FROM bot_receipts WHERE keep_until <= $now) OR EXISTS (SELECT 1 FROM bot_events WHERE expires <= $now)
                OR EXISTS (SELECT 1 FROM bot_claims WHERE expires <= $now)
            """;
        expiredLeft.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        await using var countExpired = probe.CreateCommand();
        countExpired.CommandText = """
            SELECT (SELECT count(*) FROM bot_receipts WHERE keep_until <= $now) + (SELECT count(*) FROM bot_events WHERE expires <= $now)
                + (SELECT count(*) FROM bot_claims WHERE expires <= $now)
            """;
        countExpired.Parameters.AddWithValue("$now", expiredLeft.Parameters["$now"].Value);
        var expired = Convert.ToInt32(await countExpired.ExecuteScalarAsync(), CultureInfo.InvariantCulture);

        return await RunAsync(store, workers, filled, async () =>
        {
            var log = new PurgeLog();
            var started = Stopwatch.GetTimestamp();
            using var cleaner = ActivatorUtilities.CreateInstance<StateCleaner>(store.Services, log);
            await cleaner.StartAsync(CancellationToken.None);
            var deadline = Stopwatch.StartNew();
            // Done when no row that had expired when the purge began is left for a reader to see.
            while (Convert.ToInt64(await expiredLeft.ExecuteScalarAsync(), CultureInfo.InvariantCulture) != 0)
            {
                if (log.Failure is { } failure)
                {
                    throw new InvalidOperationException("The cleaner failed: " + failure);
                }

                if (deadline.Elapsed > LongestPurge)
                {
                    throw new TimeoutException($"The cleaner left expired rows after {LongestPurge}.");
                }

                await Task.Delay(20);
            }

            var purged = Stopwatch.GetTimestamp();
            await cleaner.StopAsync(CancellationToken.None);
            return (started, purged, expired);
        });
    }

    /// <summary>
    /// Adds keys that all expire a few seconds after the load starts, then runs the load until Redis has deleted them or
    /// for <see cref="RedisWatch"/>: Redis reclaims expired keys in the background only while they are a good part of
    /// what it samples, and under a load that keeps adding keys with a lifetime it may leave many for later.
    /// </summary>
    public static async Task<StorePurgeFigures> RedisAsync(StoreUnderTest store, int expiredKeys, int workers)
    {
        // Long enough to write the keys on a busy machine and still run the load alone before they expire.
        var expireAt = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(40);
        var filled = await store.FillAsync(expiredKeys / 2, expireAt: expireAt);
        var wait = expireAt - DateTimeOffset.UtcNow - Alone;
        if (wait < TimeSpan.Zero)
        {
            throw new TimeoutException($"Writing the keys took {filled.TotalSeconds:F0} s, past the instant they expire.");
        }

        await Task.Delay(wait);

        return await RunAsync(store, workers, filled, async () =>
        {
            var expiredBefore = await store.RedisInfoAsync("stats", "expired_keys");
            var untilExpiry = expireAt - DateTimeOffset.UtcNow;
            if (untilExpiry > TimeSpan.Zero)
            {
                await Task.Delay(untilExpiry);
            }

            var started = Stopwatch.GetTimestamp();
            var deleted = 0;
            while (Stopwatch.GetElapsedTime(started) < RedisWatch
                && (deleted = (int)(await store.RedisInfoAsync("stats", "expired_keys") - expiredBefore)) < expiredKeys)
            {
                await Task.Delay(20);
            }

            return (started, Stopwatch.GetTimestamp(), deleted);
        });
    }

    /// <summary>
    /// Runs the load alone for a while, then <paramref name="purge"/> (which returns when the purge began and ended and
    /// how many rows went), then alone again.
    /// </summary>
    private static async Task<StorePurgeFigures> RunAsync(StoreUnderTest store, int workers, TimeSpan filled, Func<Task<(long Started, long Ended, int Deleted)>> purge)
    {
        var command = new StoreShareCommand(store, creationLimits: false);
        var timings = new ConcurrentBag<(long Started, long Ended)>();
        var stop = 0;
        var next = -1;
        var load = Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            while (Volatile.Read(ref stop) == 0)
            {
                var i = Interlocked.Increment(ref next);
                var started = Stopwatch.GetTimestamp();
                foreach (var step in command.Steps)
                {
                    await step.RunAsync(i);
                }

                timings.Add((started, Stopwatch.GetTimestamp()));
            }
        })));

        var loadStarted = Stopwatch.GetTimestamp();
        await Task.Delay(Alone);
        var (purgeStarted, purgeEnded, deleted) = await purge();
        await Task.Delay(Alone);
        Volatile.Write(ref stop, 1);
        await load;
        var loadEnded = Stopwatch.GetTimestamp();

        var all = timings.ToArray();
        return new StorePurgeFigures(
            store.Name,
            filled,
            deleted,
            Stopwatch.GetElapsedTime(purgeStarted, purgeEnded),
            Phase(all, loadStarted, purgeStarted, c => c.Ended <= purgeStarted),
            Phase(all, purgeStarted, purgeEnded, c => c.Ended > purgeStarted && c.Started < purgeEnded),
            Phase(all, purgeEnded, loadEnded, c => c.Started >= purgeEnded));
    }

    private static StorePhase Phase((long Started, long Ended)[] all, long from, long to, Func<(long Started, long Ended), bool> inPhase)
    {
        var ticks = all.Where(inPhase).Select(c => c.Ended - c.Started).ToArray();
        return new StorePhase(ticks.Length / Stopwatch.GetElapsedTime(from, to).TotalSeconds, StoreLatencies.Of(ticks));
    }

    /// <summary>Why the cleaner failed, if it says so.</summary>
    private sealed class PurgeLog : ILogger<StateCleaner>
    {
        public string? Failure { get; private set; }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Warning)
            {
                Failure = formatter(state, exception) + (exception is null ? "" : $" ({exception.GetType().Name}: {exception.Message})");
            }
        }
    }
}

internal sealed record StorePhase(double CommandsPerSecond, StoreLatencies Latencies);

internal sealed record StorePurgeFigures(string Store, TimeSpan Filled, int Deleted, TimeSpan PurgeTook, StorePhase Before, StorePhase During, StorePhase After);
