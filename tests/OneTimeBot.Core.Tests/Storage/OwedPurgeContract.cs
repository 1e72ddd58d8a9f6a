using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OneTimeBot.Core.Requests;
using OneTimeBot.Core.Storage;
using OneTimeBot.Core.Tracking;
using OneTimeBot.Core.Workspaces;

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
        Assert.Equal([GoneTarget], afterFailure.Item2);
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

        await Purge(state).PurgeAsync(PurgeTarget.SlackEnterprise("E0ORG"), default);

        var store = state.Services.GetRequiredService<INotifyPreferenceStore>();
        Assert.Null(await store.FindAsync(inOrg.Workspace, "U0ALICE", default));
        Assert.False(await store.FindAsync(outside.Workspace, "U0ALICE", default));
    }

    private static WorkspacePurge Purge(StateHarness state) => state.Services.GetRequiredService<WorkspacePurge>();

    private static IPendingPurgeStore Owed(StateHarness state) => state.Services.GetRequiredService<IPendingPurgeStore>();

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
            for (var i = 0; i < 500 && (await Owed(state).ListAsync(default)).Count > 0; i++)
            {
                await Task.Delay(20);
            }
        }
        finally
        {
            await cleaner.StopAsync(default);
        }
    }

    private StateHarness Start(StateHarness? sameStoreAs = null) =>
        StateHarness.Start(RedisConnectionString, sameStoreAs: sameStoreAs, services: s =>
            {
                var original = s.Last(d => d.ServiceType == typeof(ITrackedShareStore));
                s.Remove(original);
                s.AddSingleton(sp => LinksThatMayFail.Wrap((ITrackedShareStore)original.ImplementationFactory!(sp), () => _linksFail));
            });

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
