using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OneTimeBot.Core.Storage.Redis;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Testing;

namespace OneTimeBot.Core.Tests.Storage;

/// <summary>
/// On Redis each replica keeps the workspace settings it read, instead of a round trip per secret, and still uses an
/// admin's change at once wherever it was made.
/// </summary>
public sealed partial class RedisSettingsCacheTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private static readonly WorkspaceId Acme = new(ChatPlatform.Slack, "T0ACME");
    private static readonly Actor AcmeAdmin = new(Acme, "U0ADMIN");
    // Only how long a broken replica is waited for: a loaded machine has taken one Redis timeout (5 s) of it.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_replica_reads_settings_from_redis_once_and_uses_a_change_made_on_another_replica_at_once()
    {
        var (first, second) = await TwoReplicasKeepingAnHourAsync();
        await using var firstReplica = first;
        await using var secondReplica = second;

        var readsBefore = await RedisReadsAsync();
        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(TimeSpan.FromHours(1), (await second.Workspaces.GetAsync(Acme, default)).DefaultTtl);
        }

        var readsOf50 = await RedisReadsAsync() - readsBefore;
        await first.Workspaces.UpdateAsync(AcmeAdmin, new WorkspaceSettingsChange(DefaultTtl: TimeSpan.FromHours(2)), default);
        var seen = await SecondSeesAsync(second, TimeSpan.FromHours(2));

        Assert.Equal(0, readsOf50);
        // The second replica's clock never moves, so only the first replica's notice can have made it read again.
        Assert.True(seen, "the second replica kept using the old default expiry");
    }

    [Fact]
    public async Task A_replica_whose_subscription_dropped_forgets_what_it_kept_as_it_may_have_missed_a_change()
    {
        var (first, second) = await TwoReplicasKeepingAnHourAsync();
        await using var firstReplica = first;
        await using var secondReplica = second;

        // A change whose notice went missing, then the subscription drops: the replica cannot know what it missed.
        await SaveUnannouncedAsync(first, TimeSpan.FromHours(3));
        await redis.Server.CommandAsync("CLIENT", "KILL", "TYPE", "pubsub");

        Assert.True(await SecondSeesAsync(second, TimeSpan.FromHours(3)), "the second replica kept the settings it read before the outage");
    }

    [Fact]
    public async Task A_change_whose_notice_never_arrived_is_used_once_what_was_kept_expires()
    {
        var (first, second) = await TwoReplicasKeepingAnHourAsync();
        await using var firstReplica = first;
        await using var secondReplica = second;

        await SaveUnannouncedAsync(first, TimeSpan.FromHours(4));
        var beforeExpiry = (await second.Workspaces.GetAsync(Acme, default)).DefaultTtl;
        second.Clock.Advance(CachedWorkspaceSettingsStore.Lifetime);
        var afterExpiry = (await second.Workspaces.GetAsync(Acme, default)).DefaultTtl;

        Assert.Equal(TimeSpan.FromHours(1), beforeExpiry);
        Assert.Equal(TimeSpan.FromHours(4), afterExpiry);
    }

    /// <summary>Two replicas on one prefix; the second has read and kept Acme's default expiry of one hour.</summary>
    private async Task<(StateHarness First, StateHarness Second)> TwoReplicasKeepingAnHourAsync()
    {
        var first = StateHarness.Start(redis.Server.ConnectionString);
        var second = StateHarness.Start(redis.Server.ConnectionString, sameStoreAs: first);
        await first.Workspaces.UpdateAsync(AcmeAdmin, new WorkspaceSettingsChange(DefaultTtl: TimeSpan.FromHours(1)), default);
        await KeepingAsync(second, announcer: first);
        return (first, second);
    }

    /// <summary>Changes the default expiry straight in Redis, as a replica whose announcement was lost leaves it.</summary>
    private static async Task SaveUnannouncedAsync(StateHarness replica, TimeSpan defaultTtl)
    {
        var raw = replica.Services.GetRequiredService<RedisWorkspaceSettingsStore>();
        await raw.SaveAsync(Acme, (await raw.FindAsync(Acme, default))! with { DefaultTtl = defaultTtl }, default);
    }

    /// <summary>
    /// Reads until the replica listens for changes, has heard one <paramref name="announcer"/> announced (so Redis holds
    /// its subscription: a notice sent before that is lost, not late), and keeps what it read.
    /// </summary>
    private async Task KeepingAsync(StateHarness replica, StateHarness announcer)
    {
        var changes = replica.Services.GetRequiredService<IWorkspaceSettingsChanges>();
        var probe = "probe:" + Guid.NewGuid().ToString("N");
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Hear(string? key)
        {
            if (key == probe)
            {
                heard.TrySetResult();
            }
        }

        changes.Changed += Hear;
        var deadline = DateTime.UtcNow + Patience;
        try
        {
            // Each read starts listening if it has not: a subscribe that failed (a timeout on a loaded machine) is tried
            // again on a later read, not on its own.
            await replica.Workspaces.GetAsync(Acme, default);
            while (!changes.IsListening && DateTime.UtcNow < deadline)
            {
                await Task.Delay(10);
                await replica.Workspaces.GetAsync(Acme, default);
            }

            Assert.True(changes.IsListening, "the replica never subscribed to settings changes");
            while (!heard.Task.IsCompleted && DateTime.UtcNow < deadline)
            {
                await announcer.Services.GetRequiredService<IWorkspaceSettingsChanges>().AnnounceAsync(probe);
                await Task.WhenAny(heard.Task, Task.Delay(100));
            }

            Assert.True(heard.Task.IsCompleted, "the replica never heard another replica's notice");
        }
        finally
        {
            changes.Changed -= Hear;
        }

        // A probe still on its way when a read ends stops that read from being kept: read until a read costs nothing.
        do
        {
            await replica.Workspaces.GetAsync(Acme, default);
            Assert.True(DateTime.UtcNow < deadline, "the replica never kept what it read");
        }
        while (await ReadCostsRedisAsync(replica));
    }

    private async Task<bool> ReadCostsRedisAsync(StateHarness replica)
    {
        var before = await RedisReadsAsync();
        await replica.Workspaces.GetAsync(Acme, default);
        return await RedisReadsAsync() != before;
    }

    private static async Task<bool> SecondSeesAsync(StateHarness replica, TimeSpan defaultTtl)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if ((await replica.Workspaces.GetAsync(Acme, default)).DefaultTtl == defaultTtl)
            {
                return true;
            }

            await Task.Delay(10);
        }

        return false;
    }

    private async Task<long> RedisReadsAsync()
    {
        var stats = await redis.Server.CommandAsync("INFO", "commandstats");
        var match = GetCalls().Match(stats);
        return match.Success ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
    }

    [GeneratedRegex(@"cmdstat_get:calls=(\d+)")]
    private static partial Regex GetCalls();
}
