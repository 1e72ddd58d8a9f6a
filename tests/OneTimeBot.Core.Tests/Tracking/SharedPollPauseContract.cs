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
/// A host's 429 stops every replica's polls of it, not only the one that heard it: two replicas on one SQLite file or
/// one redis-server, each with its own clock.
/// </summary>
public abstract class SharedPollPauseContract : IAsyncLifetime
{
    private static readonly WorkspaceId Acme = new(ChatPlatform.Slack, "T0ACME");
    private static readonly Actor Alice = new(Acme, "U0ALICE");
    private static readonly DateTimeOffset Made = new(2031, 5, 6, 10, 30, 0, TimeSpan.Zero);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    private readonly RecordingMessenger _messenger = new();
    private FakeOnetimeSecretServer _server = null!;

    private protected abstract string? RedisConnectionString { get; }

    private int ReceiptReads => _server.CountOf("GET", RemoteBackend.ReceiptPath);

    public async Task InitializeAsync()
    {
        _server = await FakeOnetimeSecretServer.StartAsync();
        _server.On("POST", "/api/v1/share", FakeResponse.Json(OtsAnswers.Receipt("new", Made, (long)Day.TotalSeconds)));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_429_one_replica_hears_keeps_the_other_replica_from_polling_that_host_until_retry_after_has_passed()
    {
        await using var first = Replica();
        await using var second = Replica(sameStoreAs: first);
        await ShareAtAsync(first, TimeSpan.Zero);
        await ShareAtAsync(second, TimeSpan.FromSeconds(30));
        _server.On("GET", RemoteBackend.ReceiptPath,
            FakeResponse.Json("""{"message":"Rate limit exceeded"}""", 429).WithHeader("Retry-After", "120"),
            RemoteBackend.Receipt("received", Made, Day, received: Made.AddMinutes(2)));

        // The first link is due at 1 min: the first replica polls it and hears 429, Retry-After 120 s.
        await PollAtAsync(first, TimeSpan.FromMinutes(1));
        var afterLimit = ReceiptReads;
        // The second link is due at 1.5 min, on the second replica, which never heard the 429 itself.
        await PollAtAsync(second, TimeSpan.FromSeconds(90));
        await PollAtAsync(second, TimeSpan.FromSeconds(179));
        var duringPause = ReceiptReads;
        await PollAtAsync(second, TimeSpan.FromMinutes(3));

        Assert.Equal(1, afterLimit);
        Assert.Equal(1, duringPause);
        Assert.Equal(3, ReceiptReads);
        Assert.Equal(2, _messenger.StatusMessages.Count(m => m.Status == SecretStatus.Viewed));
    }

    [Theory]
    [InlineData("2147483647")]
    [InlineData("Fri, 31 Dec 9999 23:59:59 GMT")]
    public async Task A_429_asking_for_years_stops_polls_of_that_host_for_an_hour_at_most(string retryAfter)
    {
        await using var first = Replica();
        await using var second = Replica(sameStoreAs: first);
        await ShareAtAsync(first, TimeSpan.Zero);
        await ShareAtAsync(second, TimeSpan.FromSeconds(30));
        _server.On("GET", RemoteBackend.ReceiptPath,
            FakeResponse.Json("""{"message":"Rate limit exceeded"}""", 429).WithHeader("Retry-After", retryAfter),
            RemoteBackend.Receipt("received", Made, Day, received: Made.AddMinutes(2)));

        await PollAtAsync(first, TimeSpan.FromMinutes(1));
        await PollAtAsync(second, TimeSpan.FromMinutes(60));
        var duringPause = ReceiptReads;
        await PollAtAsync(second, TimeSpan.FromMinutes(61));
        await PollAtAsync(first, TimeSpan.FromMinutes(61));

        Assert.Equal(1, duringPause);
        Assert.Equal(3, ReceiptReads);
        Assert.Equal(2, _messenger.StatusMessages.Count(m => m.Status == SecretStatus.Viewed));
    }

    private StateHarness Replica(StateHarness? sameStoreAs = null) =>
        StateHarness.Start(RedisConnectionString, new Dictionary<string, string?> { ["Workspaces:slack:T0ACME:Backend"] = _server.BaseUri.ToString() },
            sameStoreAs: sameStoreAs, now: Made,
            services: s => s.AddSingleton<IDirectMessenger>(_messenger));

    private static async Task ShareAtAsync(StateHarness replica, TimeSpan sinceMade)
    {
        replica.Clock.SetUtcNow(Made + sinceMade);
        var shared = await replica.Sharing.ShareAsync(Alice, new ShareInput(new SecretText("Hq3-paused-host-secret-" + Guid.NewGuid().ToString("N"))), null, default);
        Assert.True(shared.IsSuccess, shared.Error?.Message);
    }

    private static async Task PollAtAsync(StateHarness replica, TimeSpan sinceMade)
    {
        replica.Clock.SetUtcNow(Made + sinceMade);
        await replica.Services.GetRequiredService<LinkPoller>().PollDueAsync(default);
    }
}

public sealed class SqliteSharedPollPauseTests : SharedPollPauseContract
{
    private protected override string? RedisConnectionString => null;
}

public sealed class RedisSharedPollPauseTests(RedisFixture redis) : SharedPollPauseContract, IClassFixture<RedisFixture>
{
    private protected override string? RedisConnectionString => redis.Server.ConnectionString;
}
