using Microsoft.Extensions.DependencyInjection;
using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Tests.Storage;
using OneTimeBot.Core.Tracking;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Testing;
using OneTimeSecret.Client;

namespace OneTimeBot.Core.Tests.Tracking;

/// <summary>
/// A link shared from chat on a remote Onetime Secret server, watched for its owner: the poller asks the server on its
/// back-off schedule, within each host's budget and pauses, and its owner gets one message when the link is opened,
/// burned by someone else or expires unopened, unless they turned the messages off.
/// </summary>
public sealed class LinkNotificationTests : IAsyncLifetime
{
    private static readonly WorkspaceId Acme = new(ChatPlatform.Slack, "T0ACME");
    private static readonly Actor Alice = new(Acme, "U0ALICE") { Reach = new ChatReach(EnterpriseId: "E0ACME", Name: "Alice") };
    private static readonly Person Bob = new("U0BOB", "Bob");
    private static readonly DateTimeOffset Made = new(2031, 5, 6, 10, 30, 0, TimeSpan.Zero);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    private readonly RecordingMessenger _messenger = new();
    private FakeOnetimeSecretServer _server = null!;
    private StateHarness _state = null!;

    private LinkPoller Poller => _state.Services.GetRequiredService<LinkPoller>();

    private RecentLinks Recent => _state.Services.GetRequiredService<RecentLinks>();

    private int ReceiptReads => _server.CountOf("GET", RemoteBackend.ReceiptPath);

    public async Task InitializeAsync()
    {
        _server = await FakeOnetimeSecretServer.StartAsync();
        _server.On("POST", "/api/v1/share", FakeResponse.Json(OtsAnswers.Receipt("new", Made, (long)Day.TotalSeconds)));
        _server.On("POST", "/api/v1/generate", FakeResponse.Json(OtsAnswers.Receipt("new", Made, (long)Day.TotalSeconds, value: "Gq8-generated-tracked-4f1c")));
        _server.On("GET", RemoteBackend.ReceiptPath, RemoteBackend.Receipt("new", Made, Day));
        _state = Start();
    }

    public async Task DisposeAsync()
    {
        await _state.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task An_opened_link_gives_its_owner_one_message_at_the_first_poll_after_saying_when_and_for_whom()
    {
        var card = await ShareAsync(Alice, Bob);
        var opened = Made.AddSeconds(40);
        _server.On("GET", RemoteBackend.ReceiptPath, RemoteBackend.Receipt("received", Made, Day, received: opened));

        await PollAtAsync(TimeSpan.FromMinutes(1));
        await PollAtAsync(TimeSpan.FromMinutes(5));
        await PollAtAsync(TimeSpan.FromHours(25));

        var (to, message) = Assert.Single(_messenger.Sent);
        Assert.Equal(new LinkStatusChanged(SecretStatus.Viewed, opened, Bob, false, Made), message);
        Assert.Equal(Alice, to);
        Assert.Equal(Alice.Reach, to.Reach);
        Assert.Equal(1, ReceiptReads);
        var listed = Assert.Single((await Recent.ListAsync(Alice, default)).Links);
        Assert.Equal((SecretStatus.Viewed, opened, Bob), (listed.Status, listed.StatusChangedAt, listed.SentTo));
        Assert.NotEqual(card.ReceiptId, listed.Id);
    }

    [Fact]
    public async Task A_link_nobody_opened_is_asked_about_after_1_5_and_15_minutes_then_hourly_and_at_its_expiry_when_its_owner_hears_it_expired_unopened()
    {
        await ShareAsync(Alice);
        var reads = new List<int>();
        foreach (var at in new[] { 59, 60, 299, 300, 900, 4499, 4500, 8100 }.Select(s => TimeSpan.FromSeconds(s)))
        {
            await PollAtAsync(at);
            reads.Add(ReceiptReads);
        }

        await PollAtAsync(Day - TimeSpan.FromSeconds(1));
        var beforeExpiry = ReceiptReads;
        await PollAtAsync(Day);

        Assert.Equal([0, 1, 1, 2, 3, 3, 4, 5], reads);
        Assert.Equal(new LinkStatusChanged(SecretStatus.Expired, Made + Day, null, false, Made), Assert.Single(_messenger.Sent).Message);
        Assert.Equal(ReceiptReads, beforeExpiry + 1);
    }

    [Fact]
    public async Task A_429_with_retry_after_pauses_every_poll_of_that_host_until_the_time_it_named()
    {
        await ShareAsync(Alice);
        await ShareAsync(Alice);
        _server.On("GET", RemoteBackend.ReceiptPath,
            FakeResponse.Json("""{"message":"Rate limit exceeded"}""", 429).WithHeader("Retry-After", "120"),
            RemoteBackend.Receipt("received", Made, Day, received: Made.AddMinutes(2)));

        await PollAtAsync(TimeSpan.FromMinutes(1));
        var afterLimit = ReceiptReads;
        await PollAtAsync(TimeSpan.FromSeconds(179));
        var duringPause = ReceiptReads;
        await PollAtAsync(TimeSpan.FromMinutes(3));

        Assert.Equal(1, afterLimit);
        Assert.Equal(1, duringPause);
        Assert.Equal(3, ReceiptReads);
        Assert.Equal(2, _messenger.StatusMessages.Count(m => m.Status == SecretStatus.Viewed));
        Assert.Contains(_state.Logs.Entries, e => e.FullText.Contains("asked for a pause", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Polls_of_one_host_keep_to_its_budget_per_minute_and_the_rest_wait_for_the_next_minute()
    {
        await using var budgeted = Start(new Dictionary<string, string?> { ["Notifications:PollsPerHostPerMinute"] = "2" });
        var sharing = budgeted.Services.GetRequiredService<SharingService>();
        for (var i = 0; i < 3; i++)
        {
            Assert.True((await sharing.ShareAsync(Alice, new ShareInput(new SecretText($"Zr4-budgeted-secret-{i}-7e2a")), null, default)).IsSuccess);
        }

        budgeted.Clock.Advance(TimeSpan.FromMinutes(1));
        await budgeted.Services.GetRequiredService<LinkPoller>().PollDueAsync(default);
        var firstMinute = ReceiptReads;
        budgeted.Clock.Advance(TimeSpan.FromMinutes(1));
        await budgeted.Services.GetRequiredService<LinkPoller>().PollDueAsync(default);

        Assert.Equal(2, firstMinute);
        Assert.Equal(3, ReceiptReads);
    }

    [Fact]
    public async Task An_owner_who_said_notify_off_gets_no_message_and_still_sees_the_link_opened_in_their_list()
    {
        await ShareAsync(Alice, Bob);
        await _state.Services.GetRequiredService<NotifyPreferences>().SetAsync(Alice, false, default);
        _server.On("GET", RemoteBackend.ReceiptPath, RemoteBackend.Receipt("received", Made, Day, received: Made.AddMinutes(1)));

        await PollAtAsync(TimeSpan.FromMinutes(1));
        var list = await Recent.ListAsync(Alice, default);
        var tracked = await _state.Services.GetRequiredService<ITrackedShareStore>().FindAsync(list.Links[0].Id, default);

        Assert.Empty(_messenger.Sent);
        Assert.False(list.Notified);
        Assert.Equal(SecretStatus.Viewed, list.Links[0].Status);
        Assert.Equal(NotificationOutcome.NotWanted, tracked!.Notification);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(true, true)]
    public async Task In_a_workspace_whose_admins_turned_messages_off_only_people_who_said_notify_on_get_one(bool? said, bool messaged)
    {
        var admin = new Actor(Acme, "U0ADMIN");
        Assert.True((await _state.Workspaces.UpdateAsync(admin, new WorkspaceSettingsChange(NotifyOwners: false), default)).IsSuccess);
        if (said is { } notify)
        {
            await _state.Services.GetRequiredService<NotifyPreferences>().SetAsync(Alice, notify, default);
        }

        await ShareAsync(Alice);
        _server.On("GET", RemoteBackend.ReceiptPath, RemoteBackend.Receipt("received", Made, Day, received: Made.AddMinutes(1)));
        await PollAtAsync(TimeSpan.FromMinutes(1));

        Assert.False((await _state.Workspaces.GetAsync(Acme, default)).NotifyOwners);
        Assert.Equal(messaged ? 1 : 0, _messenger.Sent.Count);
    }

    [Fact]
    public async Task A_default_of_off_in_configuration_is_the_workspace_setting_until_its_admins_change_it()
    {
        await using var off = Start(new Dictionary<string, string?> { ["Notifications:OnByDefault"] = "false" });

        Assert.False((await off.Workspaces.GetAsync(Acme, default)).NotifyOwners);
        Assert.True((await _state.Workspaces.GetAsync(Acme, default)).NotifyOwners);
    }

    [Fact]
    public async Task The_owners_own_burn_from_their_card_sends_them_no_message_then_or_at_any_later_poll()
    {
        var card = await ShareAsync(Alice, Bob);
        _server.On("POST", RemoteBackend.BurnPath, FakeResponse.Json(OtsAnswers.Burned(Made, (long)Day.TotalSeconds)));
        _server.On("GET", RemoteBackend.ReceiptPath, RemoteBackend.Receipt("burned", Made, Day));

        var burned = await _state.Sharing.BurnAsync(Alice, card.ReceiptId, null, null, default);
        await PollAtAsync(TimeSpan.FromMinutes(1));
        await PollAtAsync(Day);
        var listed = Assert.Single((await Recent.ListAsync(Alice, default)).Links);
        var tracked = await _state.Services.GetRequiredService<ITrackedShareStore>().FindAsync(listed.Id, default);

        Assert.Equal(SecretStatus.Burned, burned.Value!.Status);
        Assert.Empty(_messenger.Sent);
        Assert.Equal(SecretStatus.Burned, listed.Status);
        Assert.Equal(NotificationOutcome.OwnersBurn, tracked!.Notification);
        Assert.Equal(0, ReceiptReads);
    }

    [Fact]
    public async Task An_owner_whose_check_status_showed_the_link_opened_gets_no_message_about_it_after()
    {
        var card = await ShareAsync(Alice, Bob);
        var opened = Made.AddSeconds(30);
        _server.On("GET", RemoteBackend.ReceiptPath, RemoteBackend.Receipt("received", Made, Day, received: opened));

        var checkedCard = await _state.Sharing.StatusAsync(Alice, card.ReceiptId, null, default);
        var readsByCheck = ReceiptReads;
        await PollAtAsync(TimeSpan.FromMinutes(1));
        await PollAtAsync(Day);
        var listed = Assert.Single((await Recent.ListAsync(Alice, default)).Links);
        var tracked = await _state.Services.GetRequiredService<ITrackedShareStore>().FindAsync(listed.Id, default);

        Assert.Equal(SecretStatus.Viewed, checkedCard.Value!.Status);
        Assert.Empty(_messenger.Sent);
        Assert.Equal((SecretStatus.Viewed, opened), (listed.Status, listed.StatusChangedAt));
        Assert.Equal(NotificationOutcome.OwnerChecked, tracked!.Notification);
        Assert.Equal(readsByCheck, ReceiptReads);
    }

    [Fact]
    public async Task A_burn_that_failed_on_a_wrong_passphrase_leaves_the_message_free_to_go_when_the_link_is_opened()
    {
        var card = await ShareAsync(Alice, Bob, passphrase: "Vb2-right-phrase-0c3d");
        _server.On("POST", RemoteBackend.BurnPath, FakeResponse.OtsError("Incorrect passphrase", 400));

        var refused = await _state.Sharing.BurnAsync(Alice, card.ReceiptId, new SecretText("Vb2-wrong-phrase-9a8b"), null, default);
        _server.On("GET", RemoteBackend.ReceiptPath, RemoteBackend.Receipt("received", Made, Day, received: Made.AddMinutes(1), passphrase: true));
        await PollAtAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(SharingError.PassphraseField, refused.Error!.Field);
        Assert.Equal(SecretStatus.Viewed, Assert.Single(_messenger.StatusMessages).Status);
    }

    [Fact]
    public async Task A_burn_from_the_card_cancelled_while_the_backend_answers_leaves_the_message_free_to_go_when_the_link_is_opened()
    {
        var card = await ShareAsync(Alice, Bob);
        var held = new BackendHold();
        _server.On("POST", RemoteBackend.BurnPath, FakeResponse.Json(OtsAnswers.Burned(Made, (long)Day.TotalSeconds)).Until(held));
        using var cancel = new CancellationTokenSource();

        var burning = _state.Sharing.BurnAsync(Alice, card.ReceiptId, null, null, cancel.Token);
        await held.Reached;
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => burning);
        held.Release();
        _server.On("GET", RemoteBackend.ReceiptPath, RemoteBackend.Receipt("received", Made, Day, received: Made.AddMinutes(1)));
        await PollAtAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(new LinkStatusChanged(SecretStatus.Viewed, Made.AddMinutes(1), Bob, false, Made), Assert.Single(_messenger.Sent).Message);
    }

    [Fact]
    public async Task A_link_opened_while_the_owners_burn_holds_its_message_still_gets_its_owner_one_message_when_that_burn_fails()
    {
        var card = await ShareAsync(Alice, Bob);
        var held = new BackendHold();
        _server.On("POST", RemoteBackend.BurnPath, FakeResponse.OtsError("Unknown secret", 404).Until(held));
        _server.On("GET", RemoteBackend.ReceiptPath, RemoteBackend.Receipt("received", Made, Day, received: Made.AddSeconds(50)));

        var burning = _state.Sharing.BurnAsync(Alice, card.ReceiptId, null, null, default);
        await held.Reached;
        // Opened meanwhile, and heard at once (as the embedded service tells it): the clock stays, the burn still waits.
        var tracked = (await _state.Services.GetRequiredService<ITrackedShareStore>().FindAsync((await Recent.ListAsync(Alice, default)).Links[0].Id, default))!;
        await _state.Services.GetRequiredService<LinkStatusNotifier>().SettledAsync(tracked, SecretStatus.Viewed, Made.AddSeconds(50), default);
        var whileBurnHeld = _messenger.Sent.Count;
        held.Release();
        var burned = await burning;
        await PollAtAsync(NotificationClaim.OfferedAfterSettle);
        await PollAtAsync(TimeSpan.FromHours(2));

        Assert.Equal(0, whileBurnHeld);
        Assert.Equal(SecretStatus.Viewed, burned.Value!.Status);
        Assert.Equal(new LinkStatusChanged(SecretStatus.Viewed, Made.AddSeconds(50), Bob, false, Made), Assert.Single(_messenger.Sent).Message);
    }

    [Fact]
    public async Task A_burn_from_the_list_cancelled_while_the_backend_answers_leaves_the_message_free_to_go_when_the_link_is_opened()
    {
        await ShareAsync(Alice, Bob);
        var id = (await Recent.ListAsync(Alice, default)).Links[0].Id;
        var held = new BackendHold();
        _server.On("POST", RemoteBackend.BurnPath, FakeResponse.Json(OtsAnswers.Burned(Made, (long)Day.TotalSeconds)).Until(held));
        using var cancel = new CancellationTokenSource();

        var burning = Recent.BurnAsync(Alice, id, null, null, cancel.Token);
        await held.Reached;
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => burning);
        held.Release();
        _server.On("GET", RemoteBackend.ReceiptPath, RemoteBackend.Receipt("received", Made, Day, received: Made.AddMinutes(1)));
        await PollAtAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(new LinkStatusChanged(SecretStatus.Viewed, Made.AddMinutes(1), Bob, false, Made), Assert.Single(_messenger.Sent).Message);
    }

    [Fact]
    public async Task Burn_from_the_list_asks_for_the_passphrase_refuses_a_wrong_one_and_burns_with_the_right_one_without_a_message()
    {
        await ShareAsync(Alice, passphrase: "Vb2-right-phrase-0c3d");
        var id = (await Recent.ListAsync(Alice, default)).Links[0].Id;
        _server.On("POST", RemoteBackend.BurnPath, FakeResponse.OtsError("Incorrect passphrase", 400), FakeResponse.Json(OtsAnswers.Burned(Made, (long)Day.TotalSeconds)));

        var without = await Recent.BurnAsync(Alice, id, null, null, default);
        var burnsWithout = _server.CountOf("POST", RemoteBackend.BurnPath);
        var wrong = await Recent.BurnAsync(Alice, id, new SecretText("Vb2-wrong-phrase-9a8b"), null, default);
        var right = await Recent.BurnAsync(Alice, id, new SecretText("Vb2-right-phrase-0c3d"), null, default);
        _server.On("GET", RemoteBackend.ReceiptPath, RemoteBackend.Receipt("burned", Made, Day, passphrase: true));
        await PollAtAsync(Day);

        Assert.Equal(SharingError.PassphraseField, without.Error!.Field);
        Assert.Contains("needs the passphrase", without.Error.Message, StringComparison.Ordinal);
        Assert.Equal(0, burnsWithout);
        Assert.Equal("That passphrase is not right.", wrong.Error!.Message);
        Assert.Equal(SecretStatus.Burned, Assert.Single(right.Value!.Links).Status);
        Assert.Equal("Vb2-right-phrase-0c3d", _server.Requests.Last(r => r.Path == RemoteBackend.BurnPath).Form["passphrase"]);
        Assert.Empty(_messenger.Sent);
    }

    [Fact]
    public async Task Burn_from_the_list_is_for_the_links_owner_alone()
    {
        await ShareAsync(Alice);
        var id = (await Recent.ListAsync(Alice, default)).Links[0].Id;

        var byBob = await Recent.BurnAsync(new Actor(Acme, "U0BOB"), id, null, null, default);
        var elsewhere = await Recent.BurnAsync(new Actor(new WorkspaceId(ChatPlatform.Slack, "T0OTHER"), "U0ALICE"), id, null, null, default);
        var unknown = await Recent.BurnAsync(Alice, "t-no-such-link", null, null, default);

        Assert.Equal(SharingErrorKind.NotOwner, byBob.Error!.Kind);
        Assert.Equal(SharingErrorKind.NotFound, elsewhere.Error!.Kind);
        Assert.Equal(SharingErrorKind.NotFound, unknown.Error!.Kind);
        Assert.Equal(0, _server.CountOf("POST", RemoteBackend.BurnPath));
    }

    [Fact]
    public async Task Nothing_the_links_open_or_burn_with_is_stored_in_plaintext_or_logged()
    {
        await ShareAsync(Alice, Bob);
        await _state.Sharing.GenerateAsync(Alice, new GenerateInput(), null, default);
        _server.On("GET", RemoteBackend.ReceiptPath, RemoteBackend.Receipt("received", Made, Day, received: Made.AddMinutes(1)));
        await PollAtAsync(TimeSpan.FromMinutes(1));

        var file = Path.Combine(_state.DataDirectory, "onetimebot.db");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var stored = string.Concat(Directory.GetFiles(_state.DataDirectory).Select(f => System.Text.Encoding.UTF8.GetString(ReadShared(f))));

        Assert.True(File.Exists(file));
        Assert.Contains("U0BOB", stored, StringComparison.Ordinal);
        foreach (var key in new[] { OtsAnswers.MetadataKey, OtsAnswers.SecretKey, "Gq8-generated-tracked-4f1c" })
        {
            Assert.DoesNotContain(key, stored, StringComparison.Ordinal);
            Assert.DoesNotContain(key, _state.Logs.AllText, StringComparison.Ordinal);
        }
    }

    private StateHarness Start(IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?> { ["Workspaces:slack:T0ACME:Backend"] = _server.BaseUri.ToString() };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return StateHarness.Start(null, settings, now: Made, services: s => s.AddSingleton<IDirectMessenger>(_messenger));
    }

    private async Task<SecretCard> ShareAsync(Actor owner, Person? to = null, string? passphrase = null)
    {
        if (passphrase is not null)
        {
            _server.On("POST", "/api/v1/share", RemoteBackend.Receipt("new", Made, Day, passphrase: true));
        }

        var shared = await _state.Sharing.ShareAsync(owner, new ShareInput(new SecretText("Kp5-tracked-secret-" + Guid.NewGuid().ToString("N")), Passphrase: passphrase is null ? null : new SecretText(passphrase), SendTo: to), null, default);
        Assert.True(shared.IsSuccess, shared.Error?.Message);
        return shared.Value!;
    }

    /// <summary>Moves the clock to <paramref name="sinceMade"/> after the links were made, and runs one scan of the poller.</summary>
    private async Task PollAtAsync(TimeSpan sinceMade)
    {
        _state.Clock.SetUtcNow(Made + sinceMade);
        await Poller.PollDueAsync(default);
    }

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
