using Microsoft.Extensions.DependencyInjection;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Tests.Storage;
using OneTimeBot.Core.Tracking;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Testing;
using OneTimeSecret.Client;

namespace OneTimeBot.Core.Tests.Tracking;

/// <summary>
/// A replica that stops after settling a link, or while it holds the claim on the link's message, loses that message to
/// nobody: the poller's pass of a live replica sends it, once, when the claim could have been made and has run out. Two
/// replicas on one SQLite file or one redis-server, the one that stopped played by writing to the store directly.
/// </summary>
public abstract class NotificationRecoveryContract : IAsyncLifetime
{
    private static readonly WorkspaceId Acme = new(ChatPlatform.Slack, "T0ACME");
    private static readonly Actor Alice = new(Acme, "U0ALICE");
    private static readonly DateTimeOffset Made = new(2031, 5, 6, 10, 30, 0, TimeSpan.Zero);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);
    private static readonly TimeSpan Stopped = TimeSpan.FromSeconds(30);

    private readonly RecordingMessenger _messenger = new();
    private FakeOnetimeSecretServer _server = null!;

    private protected abstract string? RedisConnectionString { get; }

    public async Task InitializeAsync()
    {
        _server = await FakeOnetimeSecretServer.StartAsync();
        _server.On("POST", "/api/v1/share", FakeResponse.Json(OtsAnswers.Receipt("new", Made, (long)Day.TotalSeconds)));
        _server.On("GET", RemoteBackend.ReceiptPath, RemoteBackend.Receipt("new", Made, Day));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_link_settled_by_a_replica_that_stopped_before_claiming_its_message_gets_one_message_from_a_later_pass()
    {
        await using var stopped = Replica();
        await using var live = Replica(sameStoreAs: stopped);
        var id = (await ShareAsync(stopped, 1))[0];
        stopped.Clock.SetUtcNow(Made + Stopped);
        Assert.True(await Store(stopped).SettleAsync(id, SecretStatus.Viewed, Made + Stopped, stopped.Clock, default));

        await PassAtAsync(live, Stopped + NotificationClaim.OfferedAfterSettle - TimeSpan.FromSeconds(1));
        var before = _messenger.StatusMessages.Count;
        await PassAtAsync(live, Stopped + NotificationClaim.OfferedAfterSettle);
        await PassAtAsync(live, TimeSpan.FromMinutes(15));
        await PassAtAsync(live, TimeSpan.FromHours(2));

        Assert.Equal(0, before);
        Assert.Equal(new LinkStatusChanged(SecretStatus.Viewed, Made + Stopped, null, false, Made), Assert.Single(_messenger.StatusMessages));
        Assert.Equal(NotificationOutcome.Sent, (await Store(live).FindAsync(id, default))!.Notification);
        Assert.Equal(0, _server.CountOf("GET", RemoteBackend.ReceiptPath));
    }

    [Fact]
    public async Task A_message_claimed_by_a_replica_that_stopped_before_sending_it_goes_once_after_the_claim_runs_out()
    {
        await using var stopped = Replica();
        await using var live = Replica(sameStoreAs: stopped);
        var id = (await ShareAsync(stopped, 1))[0];
        stopped.Clock.SetUtcNow(Made + Stopped);
        Assert.True(await Store(stopped).SettleAsync(id, SecretStatus.Burned, Made + Stopped, stopped.Clock, default));
        Assert.True(await Store(stopped).ClaimAsync(id, stopped.Clock, default));

        await PassAtAsync(live, Stopped + NotificationClaim.OfferedAfterSettle);
        await PassAtAsync(live, Stopped + NotificationClaim.Lease - TimeSpan.FromSeconds(1));
        var whileHeld = _messenger.StatusMessages.Count;
        await PassAtAsync(live, Stopped + NotificationClaim.Lease);
        await PassAtAsync(live, TimeSpan.FromMinutes(15));
        await PassAtAsync(live, TimeSpan.FromHours(2));

        Assert.Equal(0, whileHeld);
        Assert.Equal(new LinkStatusChanged(SecretStatus.Burned, Made + Stopped, null, false, Made), Assert.Single(_messenger.StatusMessages));
        Assert.Equal(NotificationOutcome.Sent, (await Store(live).FindAsync(id, default))!.Notification);
    }

    [Fact]
    public async Task Two_live_replicas_racing_to_recover_messages_a_stopped_replica_held_send_each_exactly_once()
    {
        await using var stopped = Replica();
        await using var first = Replica(sameStoreAs: stopped);
        await using var second = Replica(sameStoreAs: stopped);
        var ids = await ShareAsync(stopped, 8);
        stopped.Clock.SetUtcNow(Made + Stopped);
        for (var i = 0; i < ids.Count; i++)
        {
            // Each its own time, so each message says which link it is about.
            Assert.True(await Store(stopped).SettleAsync(ids[i], SecretStatus.Viewed, Made.AddSeconds(i), stopped.Clock, default));
            Assert.True(await Store(stopped).ClaimAsync(ids[i], stopped.Clock, default));
        }

        var runsOut = Made + Stopped + NotificationClaim.Lease;
        first.Clock.SetUtcNow(runsOut);
        second.Clock.SetUtcNow(runsOut);
        var shares = await Task.WhenAll(ids.Select(id => Store(first).FindAsync(id, default)));
        // Both passes, and both replicas' notifiers told each link, all at once.
        await Task.WhenAll(
            [
                Poller(first).PollDueAsync(default),
                Poller(second).PollDueAsync(default),
                .. shares.Select(share => Notifier(first).TellAsync(share!, default)),
                .. shares.Select(share => Notifier(second).TellAsync(share!, default)),
            ]);
        await PassAtAsync(first, TimeSpan.FromMinutes(15));
        await PassAtAsync(second, TimeSpan.FromMinutes(15));
        await PassAtAsync(first, TimeSpan.FromHours(2));

        Assert.Equal(Enumerable.Range(0, ids.Count).Select(i => Made.AddSeconds(i)), _messenger.StatusMessages.Select(m => m.At).Order());
    }

    private StateHarness Replica(StateHarness? sameStoreAs = null) =>
        StateHarness.Start(RedisConnectionString, new Dictionary<string, string?> { ["Workspaces:slack:T0ACME:Backend"] = _server.BaseUri.ToString() },
            sameStoreAs: sameStoreAs, now: Made,
            services: s => s.AddSingleton<IDirectMessenger>(_messenger));

    private static ITrackedShareStore Store(StateHarness replica) => replica.Services.GetRequiredService<ITrackedShareStore>();

    private static LinkPoller Poller(StateHarness replica) => replica.Services.GetRequiredService<LinkPoller>();

    private static LinkStatusNotifier Notifier(StateHarness replica) => replica.Services.GetRequiredService<LinkStatusNotifier>();

    private static async Task<IReadOnlyList<string>> ShareAsync(StateHarness replica, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var shared = await replica.Sharing.ShareAsync(Alice, new ShareInput(new SecretText("Vr5-recovered-message-secret-" + Guid.NewGuid().ToString("N"))), null, default);
            Assert.True(shared.IsSuccess, shared.Error?.Message);
        }

        return [.. (await replica.Services.GetRequiredService<RecentLinks>().ListAsync(Alice, default)).Links.Select(l => l.Id)];
    }

    private static async Task PassAtAsync(StateHarness replica, TimeSpan sinceMade)
    {
        replica.Clock.SetUtcNow(Made + sinceMade);
        await Poller(replica).PollDueAsync(default);
    }
}

public sealed class SqliteNotificationRecoveryTests : NotificationRecoveryContract
{
    private protected override string? RedisConnectionString => null;
}

public sealed class RedisNotificationRecoveryTests(RedisFixture redis) : NotificationRecoveryContract, IClassFixture<RedisFixture>
{
    private protected override string? RedisConnectionString => redis.Server.ConnectionString;
}
