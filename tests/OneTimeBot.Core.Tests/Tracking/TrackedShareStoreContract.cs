using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Storage;
using OneTimeBot.Core.Tests.Storage;
using OneTimeBot.Core.Tracking;
using OneTimeBot.Core.Workspaces;
using StackExchange.Redis;

namespace OneTimeBot.Core.Tests.Tracking;

/// <summary>Tracked links and notification preferences, written once and run against SQLite and a real redis-server.</summary>
public abstract class TrackedShareStoreContract
{
    private const string MetadataKey = "q7trackedmetadatakeycanary0xk9v";
    private static readonly WorkspaceId Acme = new(ChatPlatform.Slack, "T0ACME");
    private static readonly DateTimeOffset Start = new(2031, 3, 4, 9, 0, 0, TimeSpan.Zero);

    private protected abstract string? RedisConnectionString { get; }

    private StateHarness Replica(StateHarness? sameStoreAs = null) =>
        StateHarness.Start(RedisConnectionString, now: Start, sameStoreAs: sameStoreAs);

    private static ITrackedShareStore Store(StateHarness state) => state.Services.GetRequiredService<ITrackedShareStore>();

    [Fact]
    public async Task A_saved_link_is_found_by_its_id_and_by_the_embedded_services_receipt_id_and_its_metadata_key_is_stored_only_sealed()
    {
        await using var state = Replica();
        var seal = state.Services.GetRequiredService<MetadataKeySeal>();
        var share = Share(state, "t00000000000000000000000001", Start, backendReceiptId: "c0ffee" + new string('a', 58)) with
        {
            OwnerReach = new ChatReach(EnterpriseId: "E0ORG", Name: "Alice"),
            SentTo = new Person("U0BOB", "Bob"),
        };

        await Store(state).SaveAsync(share, default);
        var found = await Store(state).FindAsync(share.Id, default);
        var byReceipt = await Store(state).FindByBackendReceiptAsync(share.BackendReceiptId!, default);
        var stored = await ReadAllStoredTextAsync(state);

        Assert.Equal(share, found);
        Assert.Equal(share, byReceipt);
        Assert.Equal(SecretStatus.New, found!.Status);
        Assert.Equal(Start.AddMinutes(1), found.NextPollAt);
        Assert.Equal(MetadataKey, seal.Open(found.Id, found.SealedMetadataKey));
        Assert.Null(await Store(state).FindAsync("t00000000000000000000000404", default));
        Assert.Null(await Store(state).FindByBackendReceiptAsync("unknown", default));
        Assert.Contains("U0BOB", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(MetadataKey, stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sealed_metadata_key_opens_only_on_its_own_row_and_only_with_the_deployments_key()
    {
        await using var state = Replica();
        await using var stranger = StateHarness.Start(RedisConnectionString, dataDirectory: state.DataDirectory, keyPrefix: state.KeyPrefix, now: Start);
        var share = Share(state, "t00000000000000000000000002", Start);
        await Store(state).SaveAsync(share, default);
        var found = (await Store(stranger).FindAsync(share.Id, default))!;

        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => stranger.Services.GetRequiredService<MetadataKeySeal>().Open(found.Id, found.SealedMetadataKey));
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => state.Services.GetRequiredService<MetadataKeySeal>().Open("t00000000000000000000000003", found.SealedMetadataKey));
    }

    [Fact]
    public async Task An_owners_list_holds_their_newest_links_first_up_to_twenty_and_no_one_elses()
    {
        await using var state = Replica();
        for (var i = 0; i < TrackedShare.RecentPerOwner + 3; i++)
        {
            await Store(state).SaveAsync(Share(state, $"t{i:D26}", Start.AddMinutes(i)), default);
        }

        await Store(state).SaveAsync(Share(state, "tbob0000000000000000000000", Start.AddHours(1), owner: "U0BOB"), default);
        await Store(state).SaveAsync(Share(state, "tother00000000000000000000", Start.AddHours(1), workspace: new WorkspaceId(ChatPlatform.Teams, "tenant-1")), default);

        var recent = await Store(state).RecentAsync(Acme, "U0ALICE", Start.AddHours(2), default);
        var bobs = await Store(state).RecentAsync(Acme, "U0BOB", Start.AddHours(2), default);

        Assert.Equal(Enumerable.Range(3, TrackedShare.RecentPerOwner).Reverse().Select(i => $"t{i:D26}"), recent.Select(s => s.Id));
        Assert.Equal(["tbob0000000000000000000000"], bobs.Select(s => s.Id));
    }

    [Fact]
    public async Task A_due_poll_goes_to_one_replica_only_and_comes_due_again_when_its_lease_ends_unfinished()
    {
        await using var first = Replica();
        await using var second = Replica(sameStoreAs: first);
        for (var i = 0; i < 30; i++)
        {
            await Store(first).SaveAsync(Share(first, $"tpoll{i:D21}", Start), default);
        }

        await Store(first).SaveAsync(Share(first, "tlater0000000000000000000", Start) with { NextPollAt = Start.AddHours(1) }, default);
        var due = Start.AddMinutes(1);
        var leases = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Store(i % 2 == 0 ? first : second).LeaseDuePollsAsync(due, due.AddMinutes(5), 10, default)));
        var taken = leases.SelectMany(l => l.Select(s => s.Id)).ToList();
        var whileLeased = await Store(second).LeaseDuePollsAsync(due.AddMinutes(4), due.AddMinutes(9), 50, default);
        await Store(first).ReschedulePollAsync("tpoll000000000000000000000", due.AddHours(1), default);
        var afterLease = await Store(second).LeaseDuePollsAsync(due.AddMinutes(5), due.AddMinutes(10), 50, default);

        Assert.Equal(30, taken.Count);
        Assert.Equal(30, taken.Distinct().Count());
        Assert.DoesNotContain("tlater0000000000000000000", taken);
        Assert.Empty(whileLeased);
        Assert.Equal(29, afterLease.Count);
        Assert.DoesNotContain(afterLease, s => s.Id == "tpoll000000000000000000000");
    }

    [Fact]
    public async Task A_link_settles_once_first_come_first_served_and_is_then_due_only_to_offer_its_message_until_that_is_decided()
    {
        await using var first = Replica();
        await using var second = Replica(sameStoreAs: first);
        var share = Share(first, "tsettle0000000000000000000", Start);
        await Store(first).SaveAsync(share, default);

        var settled = await Task.WhenAll(
            Store(first).SettleAsync(share.Id, SecretStatus.Viewed, Start.AddMinutes(3), Start.AddMinutes(6), default),
            Store(second).SettleAsync(share.Id, SecretStatus.Burned, Start.AddMinutes(4), Start.AddMinutes(7), default));
        await Store(second).ReschedulePollAsync(share.Id, Start.AddMinutes(20), default);
        var found = (await Store(first).FindAsync(share.Id, default))!;
        var early = await Store(first).LeaseDuePollsAsync(Start.AddMinutes(5), Start.AddMinutes(10), 10, default);
        await Store(second).RecordNotificationAsync(share.Id, NotificationOutcome.Sent, default);
        var decided = (await Store(first).FindAsync(share.Id, default))!;
        var due = await Store(first).LeaseDuePollsAsync(Start.AddDays(1), Start.AddDays(2), 10, default);

        Assert.Single(settled, s => s);
        Assert.Equal(settled[0] ? SecretStatus.Viewed : SecretStatus.Burned, found.Status);
        Assert.Equal(settled[0] ? Start.AddMinutes(3) : Start.AddMinutes(4), found.StatusChangedAt);
        Assert.Equal(settled[0] ? Start.AddMinutes(6) : Start.AddMinutes(7), found.NextPollAt);
        Assert.Empty(early);
        Assert.Null(decided.NextPollAt);
        Assert.Empty(due);
        Assert.False(await Store(first).SettleAsync("tunknown000000000000000000", SecretStatus.Viewed, Start, Start, default));
        Assert.Null(await Store(first).FindAsync("tunknown000000000000000000", default));
    }

    [Fact]
    public async Task A_link_whose_message_was_decided_before_it_settled_is_not_offered_again()
    {
        await using var state = Replica();
        var share = Share(state, "tdecided000000000000000000", Start);
        await Store(state).SaveAsync(share, default);

        Assert.True(await Store(state).TryClaimNotificationAsync(share.Id, Start, Start.AddMinutes(5), default));
        await Store(state).RecordNotificationAsync(share.Id, NotificationOutcome.OwnersBurn, default);
        Assert.True(await Store(state).SettleAsync(share.Id, SecretStatus.Burned, Start.AddMinutes(1), Start.AddMinutes(3), default));

        Assert.Null((await Store(state).FindAsync(share.Id, default))!.NextPollAt);
        Assert.Empty(await Store(state).LeaseDuePollsAsync(Start.AddDays(1), Start.AddDays(2), 10, default));
    }

    [Fact]
    public async Task The_message_is_claimed_by_exactly_one_of_many_concurrent_replicas_and_a_claim_given_back_before_an_outcome_can_be_taken_again()
    {
        await using var first = Replica();
        await using var second = Replica(sameStoreAs: first);
        var share = Share(first, "tclaim00000000000000000000", Start);
        await Store(first).SaveAsync(share, default);
        var until = Start.AddMinutes(5);

        var claims = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Store(i % 2 == 0 ? first : second).TryClaimNotificationAsync(share.Id, Start, until, default)));
        await Store(second).ReleaseNotificationAsync(share.Id, default);
        var again = await Store(first).TryClaimNotificationAsync(share.Id, Start, until, default);
        await Store(first).RecordNotificationAsync(share.Id, NotificationOutcome.Sent, default);
        await Store(second).ReleaseNotificationAsync(share.Id, default);
        var afterOutcome = await Store(second).TryClaimNotificationAsync(share.Id, Start.AddDays(1), Start.AddDays(2), default);
        var found = (await Store(second).FindAsync(share.Id, default))!;

        Assert.Equal(1, claims.Count(c => c));
        Assert.True(again);
        Assert.False(afterOutcome);
        Assert.Equal(until, found.NotificationClaimedUntil);
        Assert.Equal(NotificationOutcome.Sent, found.Notification);
        Assert.False(await Store(first).TryClaimNotificationAsync("tunknown000000000000000000", Start, until, default));
    }

    [Fact]
    public async Task A_claim_its_holder_never_decided_runs_out_at_its_time_when_the_settled_link_is_offered_again_and_one_replica_takes_it()
    {
        await using var first = Replica();
        await using var second = Replica(sameStoreAs: first);
        var share = Share(first, "tlease00000000000000000000", Start);
        await Store(first).SaveAsync(share, default);
        await Store(first).SettleAsync(share.Id, SecretStatus.Viewed, Start.AddMinutes(1), Start.AddMinutes(3), default);
        var until = Start.AddMinutes(6);

        Assert.True(await Store(first).TryClaimNotificationAsync(share.Id, Start.AddMinutes(1), until, default));
        var offeredWhileHeld = await Store(second).LeaseDuePollsAsync(Start.AddMinutes(5), Start.AddMinutes(10), 10, default);
        var takenWhileHeld = await Store(second).TryClaimNotificationAsync(share.Id, until.AddMilliseconds(-1), until.AddMinutes(5), default);
        var offered = await Store(second).LeaseDuePollsAsync(until, until.AddMinutes(5), 10, default);
        var taken = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Store(i % 2 == 0 ? first : second).TryClaimNotificationAsync(share.Id, until, until.AddMinutes(5), default)));
        var found = (await Store(first).FindAsync(share.Id, default))!;

        Assert.Empty(offeredWhileHeld);
        Assert.False(takenWhileHeld);
        Assert.Equal(share.Id, Assert.Single(offered).Id);
        Assert.Equal(1, taken.Count(t => t));
        Assert.Equal(until.AddMinutes(5), found.NotificationClaimedUntil);
        Assert.Equal(until.AddMinutes(5), found.NextPollAt);
    }

    [Fact]
    public async Task A_link_whose_backend_answered_a_creation_time_years_ahead_is_kept_for_its_lifetime_from_when_it_was_recorded()
    {
        await using var state = Replica();
        var ahead = Start.AddYears(10);
        var lifetime = TimeSpan.FromHours(1);
        var share = new TrackedShare("tahead00000000000000000000", Acme, "U0ALICE", null, null, "custom", "ahead.example",
            state.Services.GetRequiredService<MetadataKeySeal>().Seal("tahead00000000000000000000", MetadataKey), null, ahead, ahead + lifetime, lifetime,
            PassphraseRequired: false, Generated: false, Recorded: Start);
        await Store(state).SaveAsync(share, default);

        await AssertKeptTwoHoursFromStartAsync(state, share.Id);
    }

    [Fact]
    public async Task A_link_is_kept_as_long_as_its_receipt_and_then_no_longer_listed_and_purged()
    {
        await using var state = Replica();
        var share = Share(state, "tkept000000000000000000000", Start, ttl: TimeSpan.FromHours(1));
        await Store(state).SaveAsync(share, default);

        var listedBefore = await Store(state).RecentAsync(Acme, "U0ALICE", Start.AddMinutes(119), default);
        var listedAfter = await Store(state).RecentAsync(Acme, "U0ALICE", Start.AddHours(2), default);

        Assert.Single(listedBefore);
        Assert.Empty(listedAfter);
        await AssertKeptTwoHoursFromStartAsync(state, share.Id);
        if (RedisConnectionString is not null)
        {
            // Redis forgets the link, and its owner's list, on its own clock: each must carry the receipt's lifetime.
            var db = await state.Services.GetRequiredService<RedisConnection>().DatabaseAsync();
            Assert.InRange((await db.KeyTimeToLiveAsync(state.KeyPrefix + "tracked-owner:slack:T0ACME:U0ALICE"))!.Value, TimeSpan.FromMinutes(119), TimeSpan.FromHours(2));
            Assert.InRange((await db.KeyTimeToLiveAsync(state.KeyPrefix + "tracked-workspace:slack:T0ACME"))!.Value, TimeSpan.FromMinutes(119), TimeSpan.FromHours(2));
        }
    }

    [Fact]
    public async Task A_persons_notify_choice_is_kept_per_workspace_and_person_and_can_be_changed()
    {
        await using var first = Replica();
        await using var second = Replica(sameStoreAs: first);
        var preferences = first.Services.GetRequiredService<INotifyPreferenceStore>();

        var never = await preferences.FindAsync(Acme, "U0ALICE", default);
        await preferences.SaveAsync(Acme, "U0ALICE", false, null, default);
        var off = await second.Services.GetRequiredService<INotifyPreferenceStore>().FindAsync(Acme, "U0ALICE", default);
        await preferences.SaveAsync(Acme, "U0ALICE", true, null, default);
        var on = await preferences.FindAsync(Acme, "U0ALICE", default);

        Assert.Null(never);
        Assert.False(off);
        Assert.True(on);
        Assert.Null(await preferences.FindAsync(Acme, "U0BOB", default));
        Assert.Null(await preferences.FindAsync(new WorkspaceId(ChatPlatform.Teams, "T0ACME"), "U0ALICE", default));
    }

    [Fact]
    public async Task Purging_a_workspace_deletes_all_its_links_past_any_owners_list_stops_their_polls_and_leaves_other_workspaces_alone()
    {
        await using var first = Replica();
        await using var second = Replica(sameStoreAs: first);
        var beta = new WorkspaceId(ChatPlatform.Slack, "T0BETA");
        var alices = Enumerable.Range(0, TrackedShare.RecentPerOwner + 5).Select(i => Share(first, $"tpurge{i:D20}", Start.AddSeconds(i))).ToList();
        var bobs = Share(first, "tpurgebob00000000000000000", Start, owner: "U0BOB", backendReceiptId: "beef" + new string('b', 60)) with { SentTo = new Person("U0CAROL") };
        var betas = Share(first, "tpurgebeta0000000000000000", Start, workspace: beta);
        foreach (var share in alices.Append(bobs).Append(betas))
        {
            await Store(first).SaveAsync(share, default);
        }

        var purged = await Store(second).PurgeWorkspaceAsync(Acme, Start.AddHours(1), default);
        var due = await Store(second).LeaseDuePollsAsync(Start.AddHours(1), Start.AddHours(2), 100, default);
        // Every key left: no list, index or pointer still names the workspace or whom its links went to. (SQLite's
        // file keeps old pages in its write-ahead log until a checkpoint; its rows are gone, as the finds show.)
        var stored = RedisConnectionString is null ? "" : await ReadAllStoredTextAsync(first);

        Assert.Equal(alices.Count + 1, purged);
        Assert.All(alices.Append(bobs), s => Assert.Null(Store(first).FindAsync(s.Id, default).Result));
        Assert.Null(await Store(first).FindByBackendReceiptAsync(bobs.BackendReceiptId!, default));
        Assert.Empty(await Store(first).RecentAsync(Acme, "U0ALICE", Start, default));
        Assert.Empty(await Store(first).RecentAsync(Acme, "U0BOB", Start, default));
        Assert.Equal([betas.Id], due.Select(s => s.Id));
        Assert.NotNull(await Store(first).FindAsync(betas.Id, default));
        Assert.DoesNotContain("U0CAROL", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("T0ACME", stored, StringComparison.Ordinal);
        Assert.Equal(0, await Store(second).PurgeWorkspaceAsync(Acme, Start.AddHours(1), default));
    }

    [Fact]
    public async Task The_workspaces_of_an_enterprise_grid_org_are_those_whose_people_made_links_through_it()
    {
        await using var first = Replica();
        await using var second = Replica(sameStoreAs: first);
        var inOrg = new ChatReach(EnterpriseId: "E0ORG");
        await Store(first).SaveAsync(Share(first, "torg0000000000000000000001", Start) with { OwnerReach = inOrg }, default);
        await Store(first).SaveAsync(Share(first, "torg0000000000000000000002", Start, owner: "U0BOB") with { OwnerReach = inOrg }, default);
        await Store(first).SaveAsync(Share(first, "torg0000000000000000000003", Start, workspace: new WorkspaceId(ChatPlatform.Slack, "T0BETA")) with { OwnerReach = inOrg }, default);
        await Store(first).SaveAsync(Share(first, "torg0000000000000000000004", Start, workspace: new WorkspaceId(ChatPlatform.Slack, "T0GAMMA")) with { OwnerReach = new ChatReach(EnterpriseId: "E0OTHER") }, default);
        await Store(first).SaveAsync(Share(first, "torg0000000000000000000005", Start, workspace: new WorkspaceId(ChatPlatform.Slack, "T0DELTA")), default);

        var org = await Store(second).WorkspacesOfEnterpriseAsync("E0ORG", default);

        Assert.Equal(["slack:T0ACME", "slack:T0BETA"], org.Select(w => w.Key).Order(StringComparer.Ordinal));
        Assert.Empty(await Store(second).WorkspacesOfEnterpriseAsync("E0NONE", default));
    }

    [Fact]
    public async Task Purging_a_workspace_forgets_its_peoples_notify_choices_and_one_person_can_be_forgotten_alone()
    {
        await using var state = Replica();
        var preferences = state.Services.GetRequiredService<INotifyPreferenceStore>();
        var teams = new WorkspaceId(ChatPlatform.Teams, "tenant-1");
        await preferences.SaveAsync(Acme, "U0ALICE", false, null, default);
        await preferences.SaveAsync(Acme, "U0BOB", true, null, default);
        await preferences.SaveAsync(new WorkspaceId(ChatPlatform.Slack, "T0ACMEX"), "U0ALICE", false, null, default);
        await preferences.SaveAsync(teams, "aad-ada", false, null, default);
        await preferences.SaveAsync(teams, "aad-bob", false, null, default);

        var purged = await preferences.PurgeWorkspaceAsync(Acme, state.Clock.GetUtcNow(), default);
        await preferences.DeleteAsync(teams, "aad-ada", default);

        Assert.Equal(2, purged);
        Assert.Null(await preferences.FindAsync(Acme, "U0ALICE", default));
        Assert.Null(await preferences.FindAsync(Acme, "U0BOB", default));
        Assert.False(await preferences.FindAsync(new WorkspaceId(ChatPlatform.Slack, "T0ACMEX"), "U0ALICE", default));
        Assert.Null(await preferences.FindAsync(teams, "aad-ada", default));
        Assert.False(await preferences.FindAsync(teams, "aad-bob", default));
    }

    [Fact]
    public async Task Whom_a_link_went_to_can_be_set_once_known_or_cleared_and_every_replica_sees_it_in_the_owners_list()
    {
        await using var first = Replica();
        await using var second = Replica(sameStoreAs: first);
        var named = Share(first, "t00000000000000000000000010", Start) with { SentTo = new Person("aad-0b0b") };
        var unsent = Share(first, "t00000000000000000000000011", Start.AddSeconds(1)) with { SentTo = new Person("aad-0c0c", "Carol") };
        await Store(first).SaveAsync(named, default);
        await Store(first).SaveAsync(unsent, default);

        await Store(first).SetSentToAsync(named.Id, new Person("aad-0b0b", "Bob Builder"), default);
        await Store(first).SetSentToAsync(unsent.Id, null, default);
        await Store(first).SetSentToAsync("t00000000000000000000000404", new Person("aad-0d0d", "Dan"), default);
        var listed = await Store(second).RecentAsync(Acme, "U0ALICE", Start, default);
        await Store(second).SettleAsync(named.Id, SecretStatus.Viewed, Start.AddMinutes(2), Start.AddMinutes(4), default);

        Assert.Equal([null, new Person("aad-0b0b", "Bob Builder")], listed.Select(l => l.SentTo));
        Assert.Equal(new Person("aad-0b0b", "Bob Builder"), (await Store(second).FindAsync(named.Id, default))!.SentTo);
        Assert.Null(await Store(second).FindAsync("t00000000000000000000000404", default));
    }

    // A link recorded at Start (with a one-hour secret) is purged two hours on, not a minute before (SQLite), or its key
    // expires then on Redis's own clock.
    private async Task AssertKeptTwoHoursFromStartAsync(StateHarness state, string id)
    {
        if (RedisConnectionString is null)
        {
            Assert.Equal(0, await Store(state).PurgeExpiredAsync(Start.AddMinutes(119), default));
            Assert.Equal(1, await Store(state).PurgeExpiredAsync(Start.AddHours(2), default));
            Assert.Null(await Store(state).FindAsync(id, default));
        }
        else
        {
            var db = await state.Services.GetRequiredService<RedisConnection>().DatabaseAsync();
            Assert.InRange((await db.KeyTimeToLiveAsync(state.KeyPrefix + "tracked:" + id))!.Value, TimeSpan.FromMinutes(119), TimeSpan.FromHours(2));
        }
    }

    private static TrackedShare Share(StateHarness state, string id, DateTimeOffset created, string owner = "U0ALICE", WorkspaceId? workspace = null, string? backendReceiptId = null, TimeSpan? ttl = null)
    {
        var lifetime = ttl ?? TimeSpan.FromDays(1);
        return new TrackedShare(id, workspace ?? Acme, owner, null, null, "eu", "eu.onetimesecret.com",
            state.Services.GetRequiredService<MetadataKeySeal>().Seal(id, MetadataKey), backendReceiptId, created, created + lifetime, lifetime, PassphraseRequired: false, Generated: false, Recorded: created)
        {
            NextPollAt = created.AddMinutes(1),
        };
    }

    private async Task<string> ReadAllStoredTextAsync(StateHarness state)
    {
        if (RedisConnectionString is null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var bytes = Directory.GetFiles(state.DataDirectory, "*", SearchOption.AllDirectories).SelectMany(f =>
            {
                using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var memory = new MemoryStream();
                stream.CopyTo(memory);
                return memory.ToArray();
            }).ToArray();
            return Encoding.UTF8.GetString(bytes);
        }

        var db = await state.Services.GetRequiredService<RedisConnection>().DatabaseAsync();
        var text = new StringBuilder();
        await foreach (var key in db.Multiplexer.GetServers()[0].KeysAsync(pattern: state.KeyPrefix + "*"))
        {
            text.Append(key).Append('\n').Append(await db.KeyTypeAsync(key) switch
            {
                RedisType.Hash => string.Join('\n', (await db.HashGetAllAsync(key)).Select(e => e.Value.ToString())),
                RedisType.SortedSet => string.Join('\n', await db.SortedSetRangeByRankAsync(key)),
                RedisType.Set => string.Join('\n', await db.SetMembersAsync(key)),
                _ => (string?)await db.StringGetAsync(key),
            }).Append('\n');
        }

        return text.ToString();
    }
}

public sealed class SqliteTrackedShareStoreTests : TrackedShareStoreContract
{
    private protected override string? RedisConnectionString => null;
}

public sealed class RedisTrackedShareStoreTests(RedisFixture redis) : TrackedShareStoreContract, IClassFixture<RedisFixture>
{
    private protected override string? RedisConnectionString => redis.Server.ConnectionString;
}
