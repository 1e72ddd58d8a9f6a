using Microsoft.Extensions.DependencyInjection;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Storage;
using OneTimeBot.Core.Tracking;
using OneTimeBot.Core.Workspaces;
using StackExchange.Redis;

namespace OneTimeBot.Core.Tests.Storage;

/// <summary>
/// On Redis, a workspace's notify choices and tracked links are purged from indexes of the workspace, not by walking the
/// keyspace: what a version without the indexes kept is indexed by one SCAN at the first purge, and no purge after it
/// scans again.
/// The fixture's redis-server serves this class alone, so its count of SCAN commands is this test's.
/// </summary>
public sealed class RedisPurgeScanTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private static readonly WorkspaceId Earlier = new(ChatPlatform.Slack, "T0EARLIER");
    private static readonly WorkspaceId Later = new(ChatPlatform.Slack, "T0LATER");
    private static readonly WorkspaceId Kept = new(ChatPlatform.Slack, "T0KEPT");
    private static readonly DateTimeOffset Made = new(2031, 5, 6, 10, 30, 0, TimeSpan.Zero);

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

        var earlierPurged = await choices.PurgeWorkspaceAsync(Earlier, state.Clock.GetUtcNow(), default);
        var scansBefore = await ScansAsync();
        var laterPurged = await choices.PurgeWorkspaceAsync(Later, state.Clock.GetUtcNow(), default);
        var scansAfter = await ScansAsync();

        Assert.Equal(1, earlierPurged);
        Assert.Null(await choices.FindAsync(Earlier, "U0OLD", default));
        Assert.Equal(1, laterPurged);
        Assert.Null(await choices.FindAsync(Later, "U0NEW", default));
        Assert.False(await choices.FindAsync(Kept, "U0STAYS", default));
        Assert.Equal(scansBefore, scansAfter);
    }

    [Fact]
    public async Task Links_kept_before_the_workspace_index_are_purged_with_their_owners_lists_and_later_purges_walk_no_keys()
    {
        await using var state = StateHarness.Start(redis.Server.ConnectionString, now: Made);
        var links = state.Services.GetRequiredService<ITrackedShareStore>();
        var db = await state.Services.GetRequiredService<RedisConnection>().DatabaseAsync();
        await links.SaveAsync(Link(state, "tearlier00000000000000001", Earlier, "U0OLD"), default);
        // As an earlier version kept it: in its owner's list, in no workspace index.
        await db.KeyDeleteAsync(state.KeyPrefix + "tracked-workspace:slack:T0EARLIER");
        await links.SaveAsync(Link(state, "tlater0000000000000000001", Later, "U0NEW"), default);
        await links.SaveAsync(Link(state, "tkept00000000000000000001", Kept, "U0STAYS"), default);

        var earlierPurged = await links.PurgeWorkspaceAsync(Earlier, state.Clock.GetUtcNow(), default);
        var scansBefore = await ScansAsync();
        var laterPurged = await links.PurgeWorkspaceAsync(Later, state.Clock.GetUtcNow(), default);
        var scansAfter = await ScansAsync();

        Assert.Equal((1, 1), (earlierPurged, laterPurged));
        Assert.Null(await links.FindAsync("tearlier00000000000000001", default));
        Assert.Null(await links.FindAsync("tlater0000000000000000001", default));
        Assert.NotNull(await links.FindAsync("tkept00000000000000000001", default));
        Assert.False(await db.KeyExistsAsync(state.KeyPrefix + "tracked-owner:slack:T0EARLIER:U0OLD"));
        Assert.False(await db.KeyExistsAsync(state.KeyPrefix + "tracked-owner:slack:T0LATER:U0NEW"));
        Assert.Equal(scansBefore, scansAfter);
    }

    private static TrackedShare Link(StateHarness state, string id, WorkspaceId workspace, string owner) =>
        new(id, workspace, owner, null, null, "eu", "eu.onetimesecret.com", state.Services.GetRequiredService<MetadataKeySeal>().Seal(id, "Mv3-purge-scan-metadata-key"),
            null, Made, Made.AddDays(1), TimeSpan.FromDays(1), PassphraseRequired: false, Generated: false, Recorded: Made) { NextPollAt = Made.AddMinutes(1) };

    private async Task<long> ScansAsync()
    {
        await using var admin = await ConnectionMultiplexer.ConnectAsync(redis.Server.ConnectionString + ",allowAdmin=true");
        var stats = await admin.GetServers()[0].InfoAsync("commandstats");
        var scan = stats.SelectMany(group => group).FirstOrDefault(pair => pair.Key == "cmdstat_scan").Value;
        // calls=3,usec=...: the number of SCAN commands the server has run.
        return scan is null ? 0 : long.Parse(scan.Split(',')[0]["calls=".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }
}
