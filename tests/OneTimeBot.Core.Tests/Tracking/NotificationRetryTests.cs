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
/// The owner's one message about an opened link survives a platform that turns it away for now (a rate limit,
/// unreachable) or a messenger that throws: a later pass of the poller sends it, once. A refusal for good is final.
/// </summary>
public sealed class NotificationRetryTests : IAsyncLifetime
{
    private static readonly WorkspaceId Acme = new(ChatPlatform.Slack, "T0ACME");
    private static readonly Actor Alice = new(Acme, "U0ALICE") { Reach = new ChatReach(EnterpriseId: "E0ACME", Name: "Alice") };
    private static readonly DateTimeOffset Made = new(2031, 5, 6, 10, 30, 0, TimeSpan.Zero);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);
    private static readonly DateTimeOffset Opened = Made.AddSeconds(30);

    private FakeOnetimeSecretServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeOnetimeSecretServer.StartAsync();
        _server.On("POST", "/api/v1/share", FakeResponse.Json(OtsAnswers.Receipt("new", Made, (long)Day.TotalSeconds)));
        _server.On("GET", RemoteBackend.ReceiptPath, RemoteBackend.Receipt("received", Made, Day, received: Opened));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_message_slack_rate_limited_and_then_one_whose_sending_threw_reaches_the_owner_exactly_once_at_a_later_pass()
    {
        var messenger = new ScriptedMessenger(
            DirectMessageResult.NotSent("Slack is limiting how many messages OneTimeBot may send right now; try again in a minute.", transient: true),
            new HttpRequestException("Wd6-messenger-failure-detail-3c1e"));
        await using var state = Start(messenger);
        var id = await ShareAsync(state);

        await PollAtAsync(state, TimeSpan.FromMinutes(1));
        var afterRateLimit = (messenger.Attempts, messenger.Delivered.Count);
        await PollAtAsync(state, TimeSpan.FromMinutes(2));
        var afterThrow = (messenger.Attempts, messenger.Delivered.Count);
        await PollAtAsync(state, TimeSpan.FromMinutes(4));
        await PollAtAsync(state, TimeSpan.FromHours(2));
        await PollAtAsync(state, Day);
        var tracked = await state.Services.GetRequiredService<ITrackedShareStore>().FindAsync(id, default);

        Assert.Equal((1, 0), afterRateLimit);
        Assert.Equal((2, 0), afterThrow);
        Assert.Equal(3, messenger.Attempts);
        Assert.Equal(new LinkStatusChanged(SecretStatus.Viewed, Opened, null, false, Made), Assert.Single(messenger.Delivered));
        Assert.Equal(NotificationOutcome.Sent, tracked!.Notification);
        Assert.Null(tracked.NextPollAt);
        Assert.Equal(1, _server.CountOf("GET", RemoteBackend.ReceiptPath));
        Assert.Contains("HttpRequestException", state.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("Wd6-messenger-failure-detail-3c1e", state.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_send_the_platform_never_answers_is_given_up_well_inside_the_claim_and_the_message_goes_once_at_a_later_pass()
    {
        var messenger = new ScriptedMessenger(ScriptedMessenger.Hangs);
        await using var state = Start(messenger);
        var id = await ShareAsync(state);

        state.Clock.SetUtcNow(Made + TimeSpan.FromMinutes(1));
        var polling = state.Services.GetRequiredService<LinkPoller>().PollDueAsync(default);
        // The clock moves only once the send has started: moved before, it would pass before the send's budget began.
        var patience = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (messenger.Attempts == 0)
        {
            Assert.True(DateTime.UtcNow < patience, "the poll never tried to send");
            await Task.Delay(20);
        }

        state.Clock.Advance(NotificationClaim.SendBudget);
        // Not a limit on how fast: a send never given up would hang the test run instead of failing it.
        await polling.WaitAsync(TimeSpan.FromMinutes(1));
        var afterHang = (await state.Services.GetRequiredService<ITrackedShareStore>().FindAsync(id, default))!;
        await PollAtAsync(state, TimeSpan.FromMinutes(10));
        await PollAtAsync(state, TimeSpan.FromHours(2));

        Assert.True(NotificationClaim.SendBudget < NotificationClaim.Lease);
        Assert.Null(afterHang.NotificationClaimedUntil);
        Assert.Null(afterHang.Notification);
        Assert.Equal(2, messenger.Attempts);
        Assert.Equal(new LinkStatusChanged(SecretStatus.Viewed, Opened, null, false, Made), Assert.Single(messenger.Delivered));
    }

    [Fact]
    public async Task A_message_refused_for_good_because_the_owners_account_is_deactivated_is_not_tried_again()
    {
        var messenger = new ScriptedMessenger(DirectMessageResult.NotSent("Their Slack account is deactivated, so Slack delivers nothing to them."));
        await using var state = Start(messenger);
        var id = await ShareAsync(state);

        await PollAtAsync(state, TimeSpan.FromMinutes(1));
        await PollAtAsync(state, TimeSpan.FromMinutes(5));
        await PollAtAsync(state, TimeSpan.FromHours(2));
        await PollAtAsync(state, Day);
        var tracked = await state.Services.GetRequiredService<ITrackedShareStore>().FindAsync(id, default);

        Assert.Equal(1, messenger.Attempts);
        Assert.Empty(messenger.Delivered);
        Assert.Equal(NotificationOutcome.NotSent, tracked!.Notification);
    }

    [Fact]
    public async Task A_message_turned_away_for_now_every_time_is_given_up_a_day_after_the_link_was_opened()
    {
        var refusals = Enumerable.Range(0, 100).Select(_ => (object)DirectMessageResult.NotSent("Slack could not be reached; try again in a minute.", transient: true)).ToArray();
        var messenger = new ScriptedMessenger(refusals);
        await using var state = Start(messenger);
        var id = await ShareAsync(state);

        for (var at = TimeSpan.FromMinutes(1); at <= Day + TimeSpan.FromHours(3); at += TimeSpan.FromMinutes(1))
        {
            await PollAtAsync(state, at);
        }

        var tracked = await state.Services.GetRequiredService<ITrackedShareStore>().FindAsync(id, default);

        Assert.InRange(messenger.Attempts, 5, 40);
        Assert.Empty(messenger.Delivered);
        Assert.Equal(NotificationOutcome.NotSent, tracked!.Notification);
    }

    private StateHarness Start(IDirectMessenger messenger) =>
        StateHarness.Start(null, new Dictionary<string, string?> { ["Workspaces:slack:T0ACME:Backend"] = _server.BaseUri.ToString() },
            now: Made, services: s => s.AddSingleton(messenger));

    private static async Task<string> ShareAsync(StateHarness state)
    {
        var shared = await state.Sharing.ShareAsync(Alice, new ShareInput(new SecretText("Rt8-retried-message-secret-" + Guid.NewGuid().ToString("N"))), null, default);
        Assert.True(shared.IsSuccess, shared.Error?.Message);
        return (await state.Services.GetRequiredService<RecentLinks>().ListAsync(Alice, default)).Links[0].Id;
    }

    private static async Task PollAtAsync(StateHarness state, TimeSpan sinceMade)
    {
        state.Clock.SetUtcNow(Made + sinceMade);
        await state.Services.GetRequiredService<LinkPoller>().PollDueAsync(default);
    }
}
