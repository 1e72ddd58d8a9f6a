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
/// A host that starts stopping just as the owner's message went out still writes that it went: otherwise the claim
/// would lapse and another replica would send the same message again. On one SQLite file or one redis-server.
/// </summary>
public abstract class OutcomeAtShutdownContract : IAsyncLifetime
{
    private static readonly WorkspaceId Acme = new(ChatPlatform.Slack, "T0ACME");
    private static readonly Actor Alice = new(Acme, "U0ALICE");
    private static readonly DateTimeOffset Made = new(2031, 5, 6, 10, 30, 0, TimeSpan.Zero);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    private readonly StoppingMessenger _messenger = new();
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
    public async Task A_message_sent_as_the_host_begins_to_stop_is_recorded_as_sent_and_no_later_pass_sends_it_again()
    {
        await using var stopping = Replica();
        await using var live = Replica(sameStoreAs: stopping);
        var shared = await stopping.Sharing.ShareAsync(Alice, new ShareInput(new SecretText("Qz8-shutdown-outcome-secret-71fd")), null, default);
        Assert.True(shared.IsSuccess, shared.Error?.Message);
        var id = (await stopping.Services.GetRequiredService<RecentLinks>().ListAsync(Alice, default)).Links.Single().Id;
        var share = await Store(stopping).FindAsync(id, default);
        stopping.Clock.SetUtcNow(Made.AddSeconds(30));
        using var hostStopping = new CancellationTokenSource();
        _messenger.Stopping = hostStopping;

        try
        {
            await stopping.Services.GetRequiredService<LinkStatusNotifier>().SettledAsync(share!, SecretStatus.Viewed, Made.AddSeconds(30), hostStopping.Token);
        }
        catch (OperationCanceledException)
        {
            // A stopping host's work may end so; what matters is what the store says afterwards.
        }

        foreach (var later in new[] { TimeSpan.FromMinutes(15), TimeSpan.FromHours(2), Day })
        {
            live.Clock.SetUtcNow(Made + later);
            await live.Services.GetRequiredService<LinkPoller>().PollDueAsync(default);
        }

        Assert.Equal(NotificationOutcome.Sent, (await Store(live).FindAsync(id, default))!.Notification);
        Assert.Single(_messenger.StatusMessages);
    }

    private StateHarness Replica(StateHarness? sameStoreAs = null) =>
        StateHarness.Start(RedisConnectionString, new Dictionary<string, string?> { ["Workspaces:slack:T0ACME:Backend"] = _server.BaseUri.ToString() },
            sameStoreAs: sameStoreAs, now: Made,
            services: s => s.AddSingleton<IDirectMessenger>(_messenger));

    private static ITrackedShareStore Store(StateHarness replica) => replica.Services.GetRequiredService<ITrackedShareStore>();

    /// <summary>Delivers each message, and as the first goes out the host is told to stop.</summary>
    private sealed class StoppingMessenger : IDirectMessenger
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<LinkStatusChanged> _sent = new();

        public ChatPlatform Platform => ChatPlatform.Slack;

        /// <summary>The host's stopping signal, told to stop by the first send.</summary>
        public CancellationTokenSource? Stopping { get; set; }

        public IReadOnlyList<LinkStatusChanged> StatusMessages => _sent.ToArray();

        public async Task<DirectMessageResult> SendAsync(Actor to, DirectMessage message, CancellationToken cancellationToken)
        {
            if (message is LinkStatusChanged changed)
            {
                _sent.Enqueue(changed);
            }

            await Stopping!.CancelAsync();
            return DirectMessageResult.Delivered;
        }
    }
}

public sealed class SqliteOutcomeAtShutdownTests : OutcomeAtShutdownContract
{
    private protected override string? RedisConnectionString => null;
}

public sealed class RedisOutcomeAtShutdownTests(RedisFixture redis) : OutcomeAtShutdownContract, IClassFixture<RedisFixture>
{
    private protected override string? RedisConnectionString => redis.Server.ConnectionString;
}
