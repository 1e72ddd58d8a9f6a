using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OneTimeBot.Core.Requests;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Storage;
using OneTimeBot.Core.Tracking;
using OneTimeBot.Core.Workspaces;
using OneTimeSecret.Client;

namespace OneTimeBot.Core.Tests.Storage;

/// <summary>
/// Removing the app owes a purge, noted in the shared store before the removal is acknowledged: each of its steps is
/// tried whatever became of the others, and a purge left undone (a failing store, a host that stopped) is finished by
/// the cleaner's next pass on any replica. On a SQLite file and a real redis-server.
/// </summary>
public abstract class OwedPurgeContract
{
    private static readonly WorkspaceId Gone = new(ChatPlatform.Slack, "T0GONE");
    private static readonly PurgeTarget GoneTarget = PurgeTarget.SlackTeam("T0GONE");
    private const string OldLink = "towedold00000000000000001";
    private const string NewLink = "towednew00000000000000001";
    private const string NewRequest = "req000000000000000000newer";

    private volatile bool _linksFail;

    private protected abstract string? RedisConnectionString { get; }

    [Fact]
    public async Task A_purge_whose_tracked_links_fail_still_forgets_requests_and_notify_choices_and_the_cleaner_finishes_it_later()
    {
        await using var state = Start();
        await KeepAsync(state);
        _linksFail = true;
        await Purge(state).OweAsync(GoneTarget, default);

        await Assert.ThrowsAnyAsync<Exception>(() => Purge(state).PurgeAsync(GoneTarget, default));
        var afterFailure = (await StillKeptAsync(state), await Owed(state).ListAsync(default));
        _linksFail = false;
        await CleanerPassAsync(state);

        Assert.Equal((false, false), afterFailure.Item1);
        Assert.Equal([GoneTarget], afterFailure.Item2.Select(o => o.Target));
        Assert.Empty(await Owed(state).ListAsync(default));
        Assert.Contains("Purging the tracked links of slack:T0GONE, whose app was removed, threw InvalidOperationException", state.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("Kc2-links-store-failure-detail", state.Logs.AllText, StringComparison.Ordinal);
        Assert.Contains("Finished the owed purge of slack-team:T0GONE", state.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_purge_owed_by_a_host_that_stopped_before_doing_it_is_done_by_another_replicas_cleaner()
    {
        await using var stopped = Start();
        await using var live = Start(sameStoreAs: stopped);
        await KeepAsync(stopped);
        await Purge(stopped).OweAsync(GoneTarget, default);
        var before = await StillKeptAsync(live);

        await CleanerPassAsync(live);

        Assert.Equal((true, true), before);
        Assert.Equal((false, false), await StillKeptAsync(live));
        Assert.Empty(await Owed(live).ListAsync(default));
    }

    [Fact]
    public async Task Removing_an_org_wide_install_forgets_notify_choices_in_the_orgs_workspaces_that_have_no_links_or_requests()
    {
        await using var state = Start();
        var choices = state.Services.GetRequiredService<NotifyPreferences>();
        var inOrg = new Actor(new WorkspaceId(ChatPlatform.Slack, "T0ORGONE"), "U0ALICE") { Reach = new ChatReach(EnterpriseId: "E0ORG") };
        var outside = new Actor(new WorkspaceId(ChatPlatform.Slack, "T0OUTSIDE"), "U0ALICE") { Reach = new ChatReach(EnterpriseId: "E0OTHER") };
        await choices.SetAsync(inOrg, notify: false, default);
        await choices.SetAsync(outside, notify: false, default);

        await Purge(state).OweAsync(PurgeTarget.SlackEnterprise("E0ORG"), default);
        await Purge(state).PurgeAsync(PurgeTarget.SlackEnterprise("E0ORG"), default);

        var store = state.Services.GetRequiredService<INotifyPreferenceStore>();
        Assert.Null(await store.FindAsync(inOrg.Workspace, "U0ALICE", default));
        Assert.False(await store.FindAsync(outside.Workspace, "U0ALICE", default));
    }

    [Fact]
    public async Task A_purge_retried_after_the_workspace_installed_the_app_again_forgets_what_was_made_before_the_removal_and_keeps_what_was_made_since()
    {
        await using var state = Start();
        await KeepAsync(state);
        await SaveLinkAsync(state, OldLink);
        _linksFail = true;
        await Purge(state).OweAsync(GoneTarget, default);
        await Assert.ThrowsAnyAsync<Exception>(() => Purge(state).PurgeAsync(GoneTarget, default));

        state.Clock.Advance(TimeSpan.FromMinutes(2));
        await MakeAfterReinstallAsync(state);
        _linksFail = false;
        await CleanerPassAsync(state);

        Assert.Null(await Links(state).FindAsync(OldLink, default));
        Assert.Equal([NewLink], (await Links(state).RecentAsync(Gone, "U0ALICE", state.Clock.GetUtcNow(), default)).Select(s => s.Id));
        Assert.NotNull(await state.Services.GetRequiredService<SecretRequests>().FindAsync(NewRequest, default));
        Assert.True(await state.Services.GetRequiredService<INotifyPreferenceStore>().FindAsync(Gone, "U0ALICE", default));
        Assert.Empty(await Owed(state).ListAsync(default));
    }

    [Fact]
    public async Task An_org_wide_purge_retried_after_the_org_installed_the_app_again_keeps_what_its_workspaces_made_since()
    {
        await using var state = Start();
        var org = PurgeTarget.SlackEnterprise("E0GONEORG");
        var reach = new ChatReach(EnterpriseId: "E0GONEORG");
        await state.Services.GetRequiredService<INotifyPreferenceStore>().SaveAsync(Gone, "U0BOB", notify: false, "E0GONEORG", default);
        await SaveLinkAsync(state, OldLink, reach);
        _linksFail = true;
        await Purge(state).OweAsync(org, default);
        await Assert.ThrowsAnyAsync<Exception>(() => Purge(state).PurgeAsync(org, default));

        state.Clock.Advance(TimeSpan.FromMinutes(2));
        await MakeAfterReinstallAsync(state, reach);
        _linksFail = false;
        await CleanerPassAsync(state);

        Assert.Null(await Links(state).FindAsync(OldLink, default));
        Assert.Null(await state.Services.GetRequiredService<INotifyPreferenceStore>().FindAsync(Gone, "U0BOB", default));
        Assert.NotNull(await Links(state).FindAsync(NewLink, default));
        Assert.NotNull(await state.Services.GetRequiredService<SecretRequests>().FindAsync(NewRequest, default));
        Assert.True(await state.Services.GetRequiredService<INotifyPreferenceStore>().FindAsync(Gone, "U0ALICE", default));
        Assert.Empty(await Owed(state).ListAsync(default));
    }

    [Fact]
    public async Task A_second_removal_while_the_first_purge_is_still_owed_also_forgets_what_was_made_between_the_two()
    {
        await using var state = Start();
        await SaveLinkAsync(state, OldLink);
        _linksFail = true;
        await Purge(state).OweAsync(GoneTarget, default);
        await Assert.ThrowsAnyAsync<Exception>(() => Purge(state).PurgeAsync(GoneTarget, default));

        state.Clock.Advance(TimeSpan.FromMinutes(1));
        await MakeAfterReinstallAsync(state);
        state.Clock.Advance(TimeSpan.FromMinutes(1));
        await Purge(state).OweAsync(GoneTarget, default);
        _linksFail = false;
        await CleanerPassAsync(state);

        Assert.Null(await Links(state).FindAsync(OldLink, default));
        Assert.Null(await Links(state).FindAsync(NewLink, default));
        Assert.Null(await state.Services.GetRequiredService<SecretRequests>().FindAsync(NewRequest, default));
        Assert.Null(await state.Services.GetRequiredService<INotifyPreferenceStore>().FindAsync(Gone, "U0ALICE", default));
        Assert.Empty(await Owed(state).ListAsync(default));
    }

    [Fact]
    public async Task A_purge_owed_as_the_previous_version_noted_it_without_a_moment_is_finished_for_everything_made_until_it_runs()
    {
        await using var state = Start(notedByPreviousVersion: true);
        await KeepAsync(state);
        await SaveLinkAsync(state, OldLink);
        state.Clock.Advance(TimeSpan.FromMinutes(1));
        await MakeAfterReinstallAsync(state);

        await CleanerPassAsync(state);

        Assert.Null(await Links(state).FindAsync(OldLink, default));
        Assert.Null(await Links(state).FindAsync(NewLink, default));
        Assert.Equal((false, false), await StillKeptAsync(state));
        Assert.Null(await state.Services.GetRequiredService<SecretRequests>().FindAsync(NewRequest, default));
        Assert.Empty(await Owed(state).ListAsync(default));
        Assert.Contains("Finished the owed purge of slack-team:T0GONE", state.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_removal_noted_again_while_the_first_purge_runs_stays_owed_after_it_and_an_earlier_moment_never_replaces_a_later_one()
    {
        await using var state = Start();
        await Purge(state).OweAsync(GoneTarget, default);
        var first = Assert.Single(await Owed(state).ListAsync(default));
        state.Clock.Advance(TimeSpan.FromMinutes(1));
        await Purge(state).OweAsync(GoneTarget, default);
        await Owed(state).AddAsync(GoneTarget, first.RemovedAt!.Value.AddHours(-1), default);

        await Owed(state).RemoveAsync(GoneTarget, first.RemovedAt.Value, default);

        var second = Assert.Single(await Owed(state).ListAsync(default));
        Assert.Equal(first.RemovedAt.Value.AddMinutes(1), second.RemovedAt);
    }

    [Fact]
    public async Task A_link_whose_backend_answered_a_creation_time_ten_minutes_ahead_is_purged_with_the_workspace_it_was_made_in_before_the_removal()
    {
        await using var state = Start();
        var now = state.Clock.GetUtcNow();
        var receipt = new SecretReceipt("anon", "Qd8-ahead-metadata-key-7c1", "Qd8-ahead-secret-key-7c1", SecretState.New, TimeSpan.FromHours(1), null, null,
            now.AddMinutes(10), now.AddMinutes(10), null, [], null, PassphraseRequired: false, new Uri("https://ahead.example/secret/x"), new Uri("https://ahead.example/receipt/x"));
        await state.Services.GetRequiredService<ILinkTracking>().TrackAsync(OldLink,
            new NewLink(new Actor(Gone, "U0ALICE"), null, "custom", "ahead.example", receipt, Generated: false), default);
        var tracked = await Links(state).FindAsync(OldLink, default);
        await Purge(state).OweAsync(GoneTarget, default);

        await Purge(state).PurgeAsync(GoneTarget, default);

        Assert.Equal(now.AddMinutes(10), tracked?.Created);
        Assert.Null(await Links(state).FindAsync(OldLink, default));
        Assert.Empty(await Links(state).RecentAsync(Gone, "U0ALICE", now, default));
    }

    [Fact]
    public async Task What_a_replica_whose_clock_runs_half_a_minute_ahead_made_just_before_the_removal_is_purged_with_it()
    {
        await using var state = Start();
        await Purge(state).OweAsync(GoneTarget, default);
        state.Clock.Advance(TimeSpan.FromSeconds(30));
        await MakeAfterReinstallAsync(state);

        await Purge(state).PurgeAsync(GoneTarget, default);

        Assert.Null(await Links(state).FindAsync(NewLink, default));
        Assert.Null(await state.Services.GetRequiredService<SecretRequests>().FindAsync(NewRequest, default));
        Assert.Null(await state.Services.GetRequiredService<INotifyPreferenceStore>().FindAsync(Gone, "U0ALICE", default));
        Assert.Empty(await Owed(state).ListAsync(default));
    }

    [Fact]
    public async Task A_purge_owed_is_found_by_the_previous_version_after_a_rollback_until_it_is_done_up_to_its_latest_removal()
    {
        await using var state = Start();
        await Purge(state).OweAsync(GoneTarget, default);
        var first = Assert.Single(await Owed(state).ListAsync(default));
        var seenAtFirst = await ReadAsThePreviousVersionDoesAsync(state);
        state.Clock.Advance(TimeSpan.FromMinutes(1));
        await Purge(state).OweAsync(GoneTarget, default);

        await Owed(state).RemoveAsync(GoneTarget, first.RemovedAt!.Value, default);
        var seenWhileTheLaterIsOwed = await ReadAsThePreviousVersionDoesAsync(state);
        await CleanerPassAsync(state);

        Assert.Equal([GoneTarget.Key], seenAtFirst);
        Assert.Equal([GoneTarget.Key], seenWhileTheLaterIsOwed);
        Assert.Empty(await ReadAsThePreviousVersionDoesAsync(state));
        Assert.Empty(await Owed(state).ListAsync(default));
    }

    private static WorkspacePurge Purge(StateHarness state) => state.Services.GetRequiredService<WorkspacePurge>();

    private static IPendingPurgeStore Owed(StateHarness state) => state.Services.GetRequiredService<IPendingPurgeStore>();

    private static ITrackedShareStore Links(StateHarness state) => state.Services.GetRequiredService<ITrackedShareStore>();

    private static Task SaveLinkAsync(StateHarness state, string id, ChatReach? reach = null)
    {
        var now = state.Clock.GetUtcNow();
        return Links(state).SaveAsync(new TrackedShare(id, Gone, "U0ALICE", reach, null, "eu", "eu.onetimesecret.com",
            state.Services.GetRequiredService<MetadataKeySeal>().Seal(id, "Qd8-owed-purge-metadata-key"), null, now, now.AddDays(1), TimeSpan.FromDays(1),
            PassphraseRequired: false, Generated: false, Recorded: now) { NextPollAt = now.AddMinutes(5) }, default);
    }

    /// <summary>What the workspace makes once it installed the app again: a link, a request, and Alice's notify choice changed to on.</summary>
    private static async Task MakeAfterReinstallAsync(StateHarness state, ChatReach? reach = null)
    {
        var now = state.Clock.GetUtcNow();
        await SaveLinkAsync(state, NewLink, reach);
        await state.Services.GetRequiredService<SecretRequests>().SaveAsync(new SecretRequest(NewRequest, Gone, "U0ALICE", reach ?? new ChatReach(Name: "Alice"),
            new Person("U0BOB", "Bob"), "the Qd8-unique note asked after the reinstall", now, now.AddHours(24), RequestState.Open), default);
        await state.Services.GetRequiredService<INotifyPreferenceStore>().SaveAsync(Gone, "U0ALICE", notify: true, reach?.EnterpriseId, default);
    }

    private static async Task KeepAsync(StateHarness state)
    {
        var now = state.Clock.GetUtcNow();
        await state.Services.GetRequiredService<INotifyPreferenceStore>().SaveAsync(Gone, "U0ALICE", notify: false, null, default);
        await state.Services.GetRequiredService<SecretRequests>().SaveAsync(new SecretRequest("req0000000000000000000gone", Gone, "U0ALICE", new ChatReach(Name: "Alice"),
            new Person("U0BOB", "Bob"), "the Kc2-unique owed purge note", now, now.AddHours(24), RequestState.Open), default);
    }

    /// <summary>Whether the notify choice and the request are still kept.</summary>
    private static async Task<(bool Choice, bool Request)> StillKeptAsync(StateHarness state) =>
        (await state.Services.GetRequiredService<INotifyPreferenceStore>().FindAsync(Gone, "U0ALICE", default) is not null,
         await state.Services.GetRequiredService<SecretRequests>().FindAsync("req0000000000000000000gone", default) is not null);

    /// <summary>Starts the replica's cleaner, waits for its first pass to have finished the owed purges, and stops it.</summary>
    private static async Task CleanerPassAsync(StateHarness state)
    {
        var cleaner = state.Services.GetServices<IHostedService>().OfType<StateCleaner>().Single();
        await cleaner.StartAsync(default);
        try
        {
            // Not a limit on how fast: a pass that never finishes the purge would hang the test run instead of failing it.
            var patience = DateTime.UtcNow + TimeSpan.FromMinutes(1);
            while ((await Owed(state).ListAsync(default)).Count > 0 && DateTime.UtcNow < patience)
            {
                await Task.Delay(20);
            }
        }
        finally
        {
            await cleaner.StopAsync(default);
        }
    }

    /// <param name="notedByPreviousVersion">The store starts with the purge of T0GONE owed as the version before moments kept it.</param>
    private StateHarness Start(StateHarness? sameStoreAs = null, bool notedByPreviousVersion = false)
    {
        var state = StateHarness.Start(RedisConnectionString, sameStoreAs: sameStoreAs, services: s =>
            {
                var original = s.Last(d => d.ServiceType == typeof(ITrackedShareStore));
                s.Remove(original);
                s.AddSingleton(sp => LinksThatMayFail.Wrap((ITrackedShareStore)original.ImplementationFactory!(sp), () => _linksFail));
            });
        if (notedByPreviousVersion)
        {
            NoteAsThePreviousVersionDid(state);
        }

        return state;
    }

    /// <summary>SQLite: its table without the moment's column, a row in it. Redis: a plain set of targets.</summary>
    private void NoteAsThePreviousVersionDid(StateHarness state)
    {
        if (RedisConnectionString is null)
        {
            using var file = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(state.DataDirectory, "onetimebot.db")}");
            file.Open();
            using var command = file.CreateCommand();
            command.CommandText = """
                CREATE TABLE bot_pending_purges (target TEXT PRIMARY KEY, noted INTEGER NOT NULL) WITHOUT ROWID;
                INSERT INTO bot_pending_purges (target, noted) VALUES ('slack-team:T0GONE', 1);
                """;
            command.ExecuteNonQuery();
        }
        else
        {
            state.Services.GetRequiredService<RedisConnection>().DatabaseAsync().GetAwaiter().GetResult().SetAdd(state.KeyPrefix + "purge-pending", GoneTarget.Key);
        }
    }

    /// <summary>The purges owed as the previous version reads them. SQLite: the targets of its table. Redis: the plain set.</summary>
    private async Task<IReadOnlyList<string>> ReadAsThePreviousVersionDoesAsync(StateHarness state)
    {
        if (RedisConnectionString is null)
        {
            using var file = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(state.DataDirectory, "onetimebot.db")}");
            file.Open();
            using var command = file.CreateCommand();
            command.CommandText = "SELECT target FROM bot_pending_purges";
            using var reader = command.ExecuteReader();
            var targets = new List<string>();
            while (reader.Read())
            {
                targets.Add(reader.GetString(0));
            }

            return targets;
        }

        var db = await state.Services.GetRequiredService<RedisConnection>().DatabaseAsync();
        return [.. (await db.SetMembersAsync(state.KeyPrefix + "purge-pending")).Select(m => m.ToString())];
    }

    /// <summary>The real store of tracked links, whose workspace purge fails while the test says so.</summary>
    public class LinksThatMayFail : DispatchProxy
    {
        private ITrackedShareStore _inner = null!;
        private Func<bool> _fails = null!;

        internal static ITrackedShareStore Wrap(ITrackedShareStore inner, Func<bool> fails)
        {
            var proxy = Create<ITrackedShareStore, LinksThatMayFail>();
            var self = (LinksThatMayFail)(object)proxy;
            self._inner = inner;
            self._fails = fails;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(targetMethod);
            if (targetMethod.Name == nameof(ITrackedShareStore.PurgeWorkspaceAsync) && _fails())
            {
                return Task.FromException<int>(new InvalidOperationException("Kc2-links-store-failure-detail"));
            }

            try
            {
                return targetMethod.Invoke(_inner, args);
            }
            catch (TargetInvocationException wrapped) when (wrapped.InnerException is { } inner)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(inner);
                throw;
            }
        }
    }
}

public sealed class SqliteOwedPurgeTests : OwedPurgeContract
{
    private protected override string? RedisConnectionString => null;
}

public sealed class RedisOwedPurgeTests(RedisFixture redis) : OwedPurgeContract, IClassFixture<RedisFixture>
{
    private protected override string? RedisConnectionString => redis.Server.ConnectionString;
}
