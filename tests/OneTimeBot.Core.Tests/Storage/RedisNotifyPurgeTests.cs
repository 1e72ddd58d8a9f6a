using Microsoft.Extensions.DependencyInjection;
using OneTimeBot.Core.Storage;
using OneTimeBot.Core.Tracking;
using OneTimeBot.Core.Workspaces;
using StackExchange.Redis;

namespace OneTimeBot.Core.Tests.Storage;

/// <summary>
/// On Redis, a workspace's notify choices are purged from a set of who chose there, not by walking the keyspace: choices
/// kept by a version without the sets are indexed by one SCAN at the first purge, and no purge after it scans again.
/// The fixture's redis-server serves this class alone, so its count of SCAN commands is this test's.
/// </summary>
public sealed class RedisNotifyPurgeTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private static readonly WorkspaceId Earlier = new(ChatPlatform.Slack, "T0EARLIER");
    private static readonly WorkspaceId Later = new(ChatPlatform.Slack, "T0LATER");
    private static readonly WorkspaceId Kept = new(ChatPlatform.Slack, "T0KEPT");

    [Fact]
    public async Task Choices_kept_before_the_index_are_purged_and_purges_after_the_first_walk_no_keys()
    {
        await using var state = StateHarness.Start(redis.Server.ConnectionString);
        var choices = state.Services.GetRequiredService<INotifyPreferenceStore>();
        var db = await state.Services.GetRequiredService<RedisConnection>().DatabaseAsync();
        // As an earlier version kept it: the choice's key alone.
        await db.StringSetAsync(state.KeyPrefix + "notify:slack:T0EARLIER:U0OLD", "off");
        await choices.SaveAsync(Later, "U0NEW", notify: false, null, default);
        await choices.SaveAsync(Kept, "U0STAYS", notify: false, null, default);

        var earlierPurged = await choices.PurgeWorkspaceAsync(Earlier, default);
        var scansBefore = await ScansAsync();
        var laterPurged = await choices.PurgeWorkspaceAsync(Later, default);
        var scansAfter = await ScansAsync();

        Assert.Equal(1, earlierPurged);
        Assert.Null(await choices.FindAsync(Earlier, "U0OLD", default));
        Assert.Equal(1, laterPurged);
        Assert.Null(await choices.FindAsync(Later, "U0NEW", default));
        Assert.False(await choices.FindAsync(Kept, "U0STAYS", default));
        Assert.Equal(scansBefore, scansAfter);
    }

    private async Task<long> ScansAsync()
    {
        await using var admin = await ConnectionMultiplexer.ConnectAsync(redis.Server.ConnectionString + ",allowAdmin=true");
        var stats = await admin.GetServers()[0].InfoAsync("commandstats");
        var scan = stats.SelectMany(group => group).FirstOrDefault(pair => pair.Key == "cmdstat_scan").Value;
        // calls=3,usec=...: the number of SCAN commands the server has run.
        return scan is null ? 0 : long.Parse(scan.Split(',')[0]["calls=".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }
}
