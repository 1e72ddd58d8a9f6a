using Microsoft.Extensions.DependencyInjection;
using OneTimeBot.Core.RateLimits;
using OneTimeBot.Core.Storage;

namespace OneTimeBot.Core.Tests.Storage;

/// <summary>The one rate counter the bot and the secret service count with, run against SQLite and a real redis-server.</summary>
public abstract class RateCounterContract
{
    private protected abstract string? RedisConnectionString { get; }

    [Fact]
    public async Task Replicas_count_one_counter_together_and_it_starts_again_from_one_after_its_lifetime()
    {
        var now = DateTimeOffset.UtcNow;
        await using var first = StateHarness.Start(RedisConnectionString, now: now);
        await using var second = StateHarness.Start(RedisConnectionString, dataDirectory: first.DataDirectory, keyPrefix: first.KeyPrefix, now: now);
        var a = first.Services.GetRequiredService<IRateCounter>();
        var b = second.Services.GetRequiredService<IRateCounter>();
        var lifetime = TimeSpan.FromMinutes(1);

        long[] counts = [await a.IncrementAsync("test:shared", lifetime, default), await b.IncrementAsync("test:shared", lifetime, default), await a.IncrementAsync("test:shared", lifetime, default)];

        Assert.Equal([1, 2, 3], counts);
        if (RedisConnectionString is null)
        {
            first.Clock.Advance(lifetime);
            second.Clock.Advance(lifetime);
            Assert.Equal(1, await b.IncrementAsync("test:shared", lifetime, default));
            first.Clock.Advance(lifetime);
            Assert.Equal(1, await a.PurgeExpiredAsync(first.Clock.GetUtcNow(), default));
        }
        else
        {
            // Redis forgets the counter on its own clock: it must carry the lifetime from its first count.
            var db = await first.Services.GetRequiredService<RedisConnection>().DatabaseAsync();
            var ttl = await db.KeyTimeToLiveAsync(first.KeyPrefix + "test:shared");
            Assert.InRange(ttl!.Value, TimeSpan.FromSeconds(50), lifetime);
        }
    }

    [Fact]
    public async Task A_pause_set_by_one_replica_is_seen_by_another_keeps_the_longer_of_two_and_ends_when_it_said()
    {
        var now = new DateTimeOffset(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);
        await using var first = StateHarness.Start(RedisConnectionString, now: now);
        await using var second = StateHarness.Start(RedisConnectionString, dataDirectory: first.DataDirectory, keyPrefix: first.KeyPrefix, now: now);
        var a = first.Services.GetRequiredService<IRateCounter>();
        var b = second.Services.GetRequiredService<IRateCounter>();

        var before = await b.PausedUntilAsync("test:pause", now, default);
        await a.PauseAsync("test:pause", now, now.AddMinutes(2), default);
        await b.PauseAsync("test:pause", now, now.AddMinutes(1), default);
        var seen = await b.PausedUntilAsync("test:pause", now.AddSeconds(119), default);
        var after = await a.PausedUntilAsync("test:pause", now.AddMinutes(2), default);

        Assert.Null(before);
        Assert.Equal(now.AddMinutes(2), seen);
        Assert.Null(after);
        Assert.Null(await a.PausedUntilAsync("test:other", now, default));
        if (RedisConnectionString is null)
        {
            Assert.Equal(1, await a.PurgeExpiredAsync(now.AddMinutes(2), default));
        }
        else
        {
            var db = await first.Services.GetRequiredService<RedisConnection>().DatabaseAsync();
            Assert.InRange((await db.KeyTimeToLiveAsync(first.KeyPrefix + "test:pause"))!.Value, TimeSpan.FromSeconds(100), TimeSpan.FromMinutes(2));
        }
    }

    [Fact]
    public async Task A_fixed_window_says_how_long_until_the_next_one_and_counts_each_window_apart()
    {
        var start = new DateTimeOffset(2030, 1, 1, 12, 0, 45, TimeSpan.Zero);
        await using var state = StateHarness.Start(RedisConnectionString, now: start);
        var counter = state.Services.GetRequiredService<IRateCounter>();

        var thisMinute = FixedWindow.At(start, TimeSpan.FromMinutes(1));
        var counted = new[] { await counter.CountAsync("test:window", thisMinute, default), await counter.CountAsync("test:window", thisMinute, default) };
        var nextMinute = FixedWindow.At(start.AddSeconds(20), TimeSpan.FromMinutes(1));

        Assert.Equal([1L, 2L], counted);
        Assert.Equal(TimeSpan.FromSeconds(15), thisMinute.Remaining);
        Assert.Equal(15, thisMinute.RemainingSeconds);
        Assert.Equal(1, await counter.CountAsync("test:window", nextMinute, default));
        Assert.Equal(TimeSpan.FromSeconds(55), nextMinute.Remaining);
    }

    [Fact]
    public async Task Counting_in_turn_stops_at_the_first_counter_over_its_limit_so_a_refused_user_costs_the_workspace_nothing()
    {
        var now = DateTimeOffset.UtcNow;
        await using var first = StateHarness.Start(RedisConnectionString, now: now);
        await using var second = StateHarness.Start(RedisConnectionString, dataDirectory: first.DataDirectory, keyPrefix: first.KeyPrefix, now: now);
        var a = first.Services.GetRequiredService<IRateCounter>();
        var b = second.Services.GetRequiredService<IRateCounter>();
        var window = FixedWindow.At(now, TimeSpan.FromMinutes(1));
        (string, long)[] limits = [("test:user", 2), ("test:workspace", 3)];

        // The user may count twice; their third is refused by the first counter and leaves the workspace at two.
        int[] verdicts = [await a.CountInTurnAsync(limits, window, default), await b.CountInTurnAsync(limits, window, default), await a.CountInTurnAsync(limits, window, default)];
        var workspaceAfterUser = await b.CountAsync("test:workspace", window, default);
        var otherUser = await a.CountInTurnAsync([("test:other-user", 2), ("test:workspace", 3)], window, default);
        var unlimited = await b.CountInTurnAsync([("test:off", 0), ("test:workspace", 0)], window, default);

        Assert.Equal([-1, -1, 0], verdicts);
        Assert.Equal(3, workspaceAfterUser);
        Assert.Equal(1, otherUser);
        Assert.Equal(-1, unlimited);
        Assert.Equal(1, await a.CountAsync("test:off", window, default));
        if (RedisConnectionString is not null)
        {
            var db = await first.Services.GetRequiredService<RedisConnection>().DatabaseAsync();
            Assert.InRange((await db.KeyTimeToLiveAsync(first.KeyPrefix + window.Counter("test:user")))!.Value, TimeSpan.FromSeconds(50), TimeSpan.FromMinutes(1));
        }
    }
}

public sealed class SqliteRateCounterTests : RateCounterContract
{
    private protected override string? RedisConnectionString => null;
}

public sealed class RedisRateCounterTests(RedisFixture redis) : RateCounterContract, IClassFixture<RedisFixture>
{
    private protected override string? RedisConnectionString => redis.Server.ConnectionString;
}
