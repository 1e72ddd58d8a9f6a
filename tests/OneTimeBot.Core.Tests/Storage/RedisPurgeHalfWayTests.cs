using Microsoft.Extensions.DependencyInjection;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Storage;
using OneTimeBot.Core.Tracking;
using OneTimeBot.Core.Workspaces;
using StackExchange.Redis;

namespace OneTimeBot.Core.Tests.Storage;

/// <summary>
/// On Redis a workspace's purge, and a notify choice's save, are several commands: one that fails half way (here a key
/// of the wrong type, standing in for a host that stops) must leave nothing made before the removal out of reach of the
/// purge that is tried again.
/// </summary>
public sealed class RedisPurgeHalfWayTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private static readonly WorkspaceId Acme = new(ChatPlatform.Slack, "T0HALFWAY");
    private static readonly DateTimeOffset Made = new(2031, 5, 6, 10, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_link_purge_that_stops_after_its_first_chunk_leaves_no_owner_list_that_the_retry_cannot_clear()
    {
        await using var state = StateHarness.Start(redis.Server.ConnectionString, now: Made);
        var links = state.Services.GetRequiredService<ITrackedShareStore>();
        var db = await state.Services.GetRequiredService<RedisConnection>().DatabaseAsync();
        for (var i = 0; i < 100; i++)
        {
            await links.SaveAsync(Link(state, $"thalfway{i:D17}", "U0FIRSTCHUNK"), default);
        }

        // Last in the index (kept longest), so in the second chunk: reading it fails, as a host stopping there would.
        var broken = "thalfwaybroken00000000001";
        await db.SortedSetAddAsync(state.KeyPrefix + "tracked-workspace:" + Acme.Key, broken, Made.AddDays(2).ToUnixTimeMilliseconds());
        await db.StringSetAsync(state.KeyPrefix + "tracked:" + broken, "Mv4-not-a-hash");

        await Assert.ThrowsAsync<RedisServerException>(() => links.PurgeWorkspaceAsync(Acme, Made, default));
        await db.KeyDeleteAsync(state.KeyPrefix + "tracked:" + broken);
        await links.PurgeWorkspaceAsync(Acme, Made, default);

        Assert.Null(await links.FindAsync("thalfway00000000000000000", default));
        Assert.False(await db.KeyExistsAsync(state.KeyPrefix + "tracked-owner:" + Acme.Key + ":U0FIRSTCHUNK"));
        Assert.False(await db.KeyExistsAsync(state.KeyPrefix + "tracked-workspace:" + Acme.Key));
    }

    [Fact]
    public async Task A_choice_whose_change_failed_half_way_after_the_removal_is_still_purged_as_the_choice_made_before_it()
    {
        await using var state = StateHarness.Start(redis.Server.ConnectionString, now: Made);
        var choices = state.Services.GetRequiredService<INotifyPreferenceStore>();
        var db = await state.Services.GetRequiredService<RedisConnection>().DatabaseAsync();
        await choices.SaveAsync(Acme, "U0ALICE", notify: false, null, default);
        var removedAt = state.Clock.GetUtcNow();
        state.Clock.Advance(TimeSpan.FromMinutes(2));
        // The org's set of teams, of the wrong type: the change fails there, as a host stopping there would.
        await db.StringSetAsync(state.KeyPrefix + "notify-org:E0HALFWAY", "Mv4-not-a-set");

        await Assert.ThrowsAsync<RedisServerException>(() => choices.SaveAsync(Acme, "U0ALICE", notify: true, "E0HALFWAY", default));
        var purged = await choices.PurgeWorkspaceAsync(Acme, removedAt, default);

        Assert.Equal(1, purged);
        Assert.Null(await choices.FindAsync(Acme, "U0ALICE", default));
    }

    private static TrackedShare Link(StateHarness state, string id, string owner) =>
        new(id, Acme, owner, null, null, "eu", "eu.onetimesecret.com", state.Services.GetRequiredService<MetadataKeySeal>().Seal(id, "Mv4-half-way-metadata-key"),
            null, Made, Made.AddDays(1), TimeSpan.FromDays(1), PassphraseRequired: false, Generated: false, Recorded: Made) { NextPollAt = Made.AddMinutes(1) };
}
