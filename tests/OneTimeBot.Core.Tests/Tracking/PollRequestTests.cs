using Microsoft.Extensions.DependencyInjection;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Tests.Storage;
using OneTimeBot.Core.Tracking;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Testing;
using OneTimeSecret.Client;

namespace OneTimeBot.Core.Tests.Tracking;

/// <summary>What a poll costs a secret service host: one request per poll, so the per-host budget counts what it gets.</summary>
public sealed class PollRequestTests : IAsyncLifetime
{
    private static readonly WorkspaceId Acme = new(ChatPlatform.Slack, "T0ACME");
    private static readonly Actor Alice = new(Acme, "U0ALICE");
    private static readonly DateTimeOffset Made = new(2031, 5, 6, 10, 30, 0, TimeSpan.Zero);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    private readonly RecordingMessenger _messenger = new();
    private FakeOnetimeSecretServer _server = null!;
    private StateHarness _state = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeOnetimeSecretServer.StartAsync();
        _server.On("POST", "/api/v1/share", FakeResponse.Json(OtsAnswers.Receipt("new", Made, (long)Day.TotalSeconds)));
        _state = StateHarness.Start(null, new Dictionary<string, string?> { ["Workspaces:slack:T0ACME:Backend"] = _server.BaseUri.ToString() },
            now: Made, services: s => s.AddSingleton<IDirectMessenger>(_messenger));
    }

    public async Task DisposeAsync()
    {
        await _state.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Theory]
    [InlineData(503)]
    [InlineData(429)]
    public async Task A_poll_the_host_answers_with_a_failure_is_one_request_not_retried_by_the_client_and_the_link_is_polled_again_later(int status)
    {
        Assert.True((await _state.Sharing.ShareAsync(Alice, new ShareInput(new SecretText("Jn2-one-request-per-poll-5d8e")), null, default)).IsSuccess);
        _server.On("GET", RemoteBackend.ReceiptPath,
            FakeResponse.Json("""{"message":"Try again later"}""", status),
            RemoteBackend.Receipt("received", Made, Day, received: Made.AddMinutes(1)));

        _state.Clock.SetUtcNow(Made + TimeSpan.FromMinutes(1));
        await _state.Services.GetRequiredService<LinkPoller>().PollDueAsync(default);
        var firstPoll = _server.CountOf("GET", RemoteBackend.ReceiptPath);

        _state.Clock.SetUtcNow(Made + TimeSpan.FromMinutes(5));
        await _state.Services.GetRequiredService<LinkPoller>().PollDueAsync(default);

        Assert.Equal(1, firstPoll);
        Assert.Equal(2, _server.CountOf("GET", RemoteBackend.ReceiptPath));
        Assert.Equal(SecretStatus.Viewed, Assert.Single(_messenger.StatusMessages).Status);
    }

    [Fact]
    public async Task A_host_slow_to_answer_holds_up_only_its_own_links_and_another_hosts_owner_is_told_meanwhile()
    {
        await using var slowHost = await FakeOnetimeSecretServer.StartAsync();
        var beta = new WorkspaceId(ChatPlatform.Slack, "T0BETA");
        var hold = new BackendHold();
        slowHost.On("POST", "/api/v1/share", FakeResponse.Json(OtsAnswers.Receipt("new", Made, (long)Day.TotalSeconds)));
        slowHost.On("GET", RemoteBackend.ReceiptPath, RemoteBackend.Receipt("received", Made, Day, received: Made.AddMinutes(1)).Until(hold));
        _server.On("GET", RemoteBackend.ReceiptPath, RemoteBackend.Receipt("received", Made, Day, received: Made.AddMinutes(1)));
        await using var state = StateHarness.Start(null, new Dictionary<string, string?>
            {
                // Another host name for the same machine: hosts are told apart by name.
                ["Workspaces:slack:T0ACME:Backend"] = new UriBuilder(slowHost.BaseUri) { Host = "localhost" }.Uri.ToString(),
                ["Workspaces:slack:T0BETA:Backend"] = _server.BaseUri.ToString(),
            },
            now: Made, services: s => s.AddSingleton<IDirectMessenger>(_messenger));
        Assert.True((await state.Sharing.ShareAsync(Alice, new ShareInput(new SecretText("Yc7-slow-host-secret-2b9f")), null, default)).IsSuccess);
        Assert.True((await state.Sharing.ShareAsync(new Actor(beta, "U0BEA"), new ShareInput(new SecretText("Yc7-quick-host-secret-6a0d")), null, default)).IsSuccess);

        state.Clock.SetUtcNow(Made + TimeSpan.FromMinutes(1));
        var polling = state.Services.GetRequiredService<LinkPoller>().PollDueAsync(default);
        await hold.Reached;
        var toldMeanwhile = await EventuallyAsync(() => _messenger.Sent.Any(m => m.To.Workspace == beta));
        hold.Release();
        await polling;

        Assert.True(toldMeanwhile);
        Assert.Equal(2, _messenger.StatusMessages.Count);
    }

    /// <summary>Waits for something another task does; false if it never happens.</summary>
    private static async Task<bool> EventuallyAsync(Func<bool> happened)
    {
        for (var i = 0; i < 300 && !happened(); i++)
        {
            await Task.Delay(50);
        }

        return happened();
    }
}
