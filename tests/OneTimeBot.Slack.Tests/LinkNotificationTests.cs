using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OneTimeBot.Core.Tracking;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Testing;

namespace OneTimeBot.Slack.Tests;

/// <summary>
/// The sender's one DM when their link is opened, burned or expires unopened: at once from the embedded secret service,
/// at the next poll from a remote Onetime Secret server, never when they said notify off.
/// </summary>
public sealed class LinkNotificationTests
{
    private static readonly TimeSpan FiveSeconds = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_link_sent_to_bob_and_opened_on_the_embedded_service_gives_alice_one_opened_message_within_five_seconds()
    {
        await using var app = await SlackApp.StartAsync();
        await app.AnswerAsync("share <@U0BOB|bob> Nt1-opened-by-bob-6d2f");
        var dm = Assert.Single(app.Slack.DirectMessagesTo("U0BOB")).Body;

        var revealed = await SlackApp.RevealAsync(SlackApp.LinkOn(dm));
        var told = (await app.Slack.WaitForDirectMessagesAsync("U0ALICE", timeout: FiveSeconds))[0].Body;
        await app.Host.Services.FollowUpsFinishedAsync();

        Assert.Equal("Nt1-opened-by-bob-6d2f", revealed);
        Assert.Equal("Your link for <@U0BOB> was opened.", told["text"]!.GetValue<string>());
        Assert.Contains("Your link for <@U0BOB> was opened <!date^", told.ToJsonString(SlackReply.WireOptions), StringComparison.Ordinal);
        SlackApp.AssertWithinBlockKitLimits(told);
        Assert.Single(app.Slack.DirectMessagesTo("U0ALICE"));
        app.AssertNowhere("Nt1-opened-by-bob-6d2f");
    }

    [Fact]
    public async Task An_owner_who_said_notify_off_gets_no_message_when_their_link_is_opened()
    {
        await using var app = await SlackApp.StartAsync();
        await app.AnswerAsync("notify off");
        var card = await app.AnswerAsync("share Nt2-nobody-told-secret-1a7c");

        Assert.Equal("Nt2-nobody-told-secret-1a7c", await SlackApp.RevealAsync(SlackApp.LinkOn(card)));
        await app.Host.Services.FollowUpsFinishedAsync();

        Assert.Empty(app.Slack.DirectMessagesTo("U0ALICE"));
    }

    [Fact]
    public async Task The_owners_own_burn_from_their_card_sends_no_message()
    {
        await using var app = await SlackApp.StartAsync();
        var card = await app.AnswerAsync("share Nt3-burned-by-its-owner-5e8b");
        var cardUrl = app.Slack.NewResponseUrl();

        await app.Requests.InteractionAsync(SlackRequests.BlockAction(ActionIds.Burn, SlackApp.ButtonValue(card, ActionIds.Burn), cardUrl));
        var burned = (await app.Slack.WaitForPostsAsync(cardUrl))[0];
        await app.Host.Services.FollowUpsFinishedAsync();

        Assert.Equal("The secret was burned.", burned.Text);
        Assert.Empty(app.Slack.DirectMessagesTo("U0ALICE"));
    }

    [Fact]
    public async Task A_link_nobody_opened_is_reported_expired_unopened_when_its_time_runs_out()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await SlackAppClock.StartAsync(clock, new Dictionary<string, string?> { ["OneTimeSecret:DefaultTtl"] = "00:05:00" });
        await app.AnswerAsync("share <@U0BOB|bob> Nt4-never-opened-secret-3f6a");

        clock.Advance(TimeSpan.FromMinutes(4));
        await app.Host.Services.FollowUpsFinishedAsync();
        var beforeExpiry = app.Slack.DirectMessagesTo("U0ALICE").Count;
        clock.Advance(TimeSpan.FromMinutes(1));
        var told = (await app.Slack.WaitForDirectMessagesAsync("U0ALICE"))[0].Body;

        Assert.Equal(0, beforeExpiry);
        Assert.Equal("Your link for <@U0BOB> expired unopened.", told["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_link_on_a_remote_server_whose_receipt_flips_to_viewed_is_reported_at_the_next_poll()
    {
        var made = DateTimeOffset.UtcNow;
        var clock = new FakeTimeProvider(made);
        await using var backend = await FakeOnetimeSecretServer.StartAsync();
        backend.On("POST", "/api/v1/share", FakeResponse.Json(OtsAnswers.Receipt("new", made, 3600)));
        backend.On("GET", "/api/v1/private/" + OtsAnswers.MetadataKey, FakeResponse.Json(OtsAnswers.Receipt("new", made, 3600)));
        await using var app = await SlackAppClock.StartAsync(clock, new Dictionary<string, string?> { ["OneTimeSecret:Backend"] = backend.BaseUri.ToString() });
        await app.AnswerAsync("share <@U0BOB|bob> Nt5-remote-opened-secret-8c4d");

        clock.Advance(TimeSpan.FromMinutes(1));
        // The first poll is over only once it has set the next one: the receipt changes and the clock moves after that,
        // or this poll could see the change, or take its next poll from the moved clock and skip the 5-minute one.
        await WaitForAsync(async () => await NextPollAsync(app) is { } next && next.NextPollAt == next.Created + TimeSpan.FromMinutes(5));
        var received = JsonNode.Parse(OtsAnswers.Receipt("received", made, 3600, withSecretKey: false))!.AsObject();
        received["received"] = (made.ToUnixTimeSeconds() + 200).ToString(System.Globalization.CultureInfo.InvariantCulture);
        backend.On("GET", "/api/v1/private/" + OtsAnswers.MetadataKey, FakeResponse.Json(received.ToJsonString()));
        await app.Host.Services.FollowUpsFinishedAsync();
        var beforeTheNextPoll = app.Slack.DirectMessagesTo("U0ALICE").Count;
        clock.Advance(TimeSpan.FromMinutes(4));
        var told = (await app.Slack.WaitForDirectMessagesAsync("U0ALICE"))[0].Body;

        Assert.Equal(0, beforeTheNextPoll);
        Assert.Equal("Your link for <@U0BOB> was opened.", told["text"]!.GetValue<string>());
        Assert.Contains($"<!date^{made.ToUnixTimeSeconds() + 200}^", told.ToJsonString(SlackReply.WireOptions), StringComparison.Ordinal);
        Assert.Equal(2, backend.CountOf("GET", "/api/v1/private/" + OtsAnswers.MetadataKey));
    }

    /// <summary>Alice's one tracked link, as the poller left it.</summary>
    private static async Task<TrackedShare?> NextPollAsync(SlackApp app) =>
        (await app.Host.Services.GetRequiredService<ITrackedShareStore>().RecentAsync(new WorkspaceId(ChatPlatform.Slack, "T0ALPHA"), "U0ALICE", DateTimeOffset.MinValue, default)) is [var link] ? link : null;

    /// <summary>Waits for something the host does on its own time; fails the test after 15 s, which no pass ever needs.</summary>
    private static async Task WaitForAsync(Func<Task<bool>> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, "The host did not get there in time.");
            await Task.Delay(20);
        }
    }
}
