using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Requests;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Storage;
using OneTimeBot.Core.Storage.Sqlite;
using OneTimeBot.Core.Tests.Storage;
using OneTimeBot.Core.Tracking;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Testing;
using OneTimeSecret.Client;

namespace OneTimeBot.Core.Tests.Requests;

/// <summary>
/// Asking someone for a secret, through the one use-case both platforms call: the workspace's secret service is a fake
/// that answers like onetimesecret.com, and the messages the bot would send are kept by a recording messenger.
/// </summary>
public sealed class SecretRequestServiceTests : IAsyncLifetime
{
    private const string Note = "the Nt5-unique staging DB password";
    private const string Secret = "Sx9-unique-answer-secret-7f3a";
    private const string Passphrase = "Pp3-unique-passphrase";
    private static readonly WorkspaceId Acme = new(ChatPlatform.Slack, "T0ACME");
    private static readonly Actor Ada = new(Acme, "U0ADA") { Reach = new ChatReach(EnterpriseId: "E0ORG", Name: "Ada") };
    private static readonly Actor Bob = new(Acme, "U0BOB") { Reach = new ChatReach(EnterpriseId: "E0ORG", Name: "Bob") };
    private static readonly Actor Carol = new(Acme, "U0CAROL");
    private static readonly Person BobAsked = new("U0BOB", "bob");

    private FakeOnetimeSecretServer _server = null!;
    private StateHarness _state = null!;
    private RecordingMessenger _messages = null!;

    private SecretRequestService Requests => _state.Services.GetRequiredService<SecretRequestService>();

    public async Task InitializeAsync()
    {
        _server = await FakeOnetimeSecretServer.StartAsync();
        _state = Start();
    }

    public async Task DisposeAsync()
    {
        await _state.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Asking_someone_messages_them_what_it_is_for_who_asks_and_until_when_and_nothing_else_happens()
    {
        var now = _state.Clock.GetUtcNow();

        var request = (await Requests.CreateAsync(Ada, BobAsked, "  " + Note + " ", default)).Value!;

        var (to, asked) = Assert.Single(_messages.SentOf<SecretAsked>());
        Assert.Equal((Acme, "U0BOB"), (to.Workspace, to.UserId));
        // Reached within Ada's workspace, the way she is: on Slack, through her Enterprise Grid org.
        Assert.Equal(new ChatReach(EnterpriseId: "E0ORG", Name: "bob"), to.Reach);
        Assert.Equal(new SecretAsked(request.Id, new Person("U0ADA", "Ada"), Note, now.AddHours(24)), asked);
        Assert.Equal(RequestState.Open, request.State);
        Assert.Matches("^[0-9a-z]{26}$", request.Id);
        Assert.Equal(Note, (await Requests.OpenAsync(Bob, request.Id, default)).Value!.Note);
        Assert.Empty(_server.Requests);
        Assert.DoesNotContain("Nt5-unique", _state.Logs.AllText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, Note, RequestRules.PersonField, "Say who to ask for the secret.")]
    [InlineData("U0ADA", Note, RequestRules.PersonField, "You can't ask yourself for a secret.")]
    [InlineData("U0BOB", "   ", RequestRules.NoteField, "Say what the secret is for.")]
    [InlineData("U0BOB", null, RequestRules.NoteField, "Say what the secret is for.")]
    public async Task A_request_without_someone_else_to_ask_or_without_a_note_is_refused_beside_its_field_and_nobody_is_messaged(
        string? asked, string? note, string field, string message)
    {
        var refused = await Requests.CreateAsync(Ada, asked is null ? null : new Person(asked), note, default);

        Assert.Equal(SharingErrorKind.InvalidInput, refused.Error!.Kind);
        Assert.Equal(field, refused.Error.Field);
        Assert.Equal(message, refused.Error.Message);
        Assert.NotEmpty(refused.Error.Hint);
        Assert.Empty(_messages.Sent);
        Assert.Equal(0L, await RequestsKeptAsync());
    }

    [Fact]
    public async Task A_note_longer_than_200_characters_is_refused_and_one_of_200_is_sent()
    {
        var tooLong = await Requests.CreateAsync(Ada, BobAsked, new string('n', 201), default);
        var justRight = await Requests.CreateAsync(Ada, BobAsked, new string('n', 200), default);

        Assert.Equal("The note is 201 characters long; the limit is 200.", tooLong.Error!.Message);
        Assert.Equal(RequestRules.NoteField, tooLong.Error.Field);
        Assert.True(justRight.IsSuccess);
        Assert.Single(_messages.Sent);
    }

    [Fact]
    public async Task Requests_last_as_long_as_Requests_Ttl_says_and_too_many_in_a_minute_are_refused_before_anyone_is_messaged()
    {
        await using var state = Start(new Dictionary<string, string?> { ["Requests:Ttl"] = "02:00:00", ["Requests:PerUserPerMinute"] = "2" });
        var requests = state.Services.GetRequiredService<SecretRequestService>();
        var now = state.Clock.GetUtcNow();

        var first = await requests.CreateAsync(Ada, BobAsked, Note, default);
        var second = await requests.CreateAsync(Ada, new Person("U0CAROL"), Note, default);
        var third = await requests.CreateAsync(Ada, new Person("U0DAVE"), Note, default);
        var someoneElse = await requests.CreateAsync(Carol, BobAsked, Note, default);

        Assert.Equal(now.AddHours(2), first.Value!.ExpiresAt);
        Assert.True(second.IsSuccess);
        Assert.Equal(SharingErrorKind.RateLimited, third.Error!.Kind);
        Assert.Equal("You have asked for 2 secrets in the last minute, which is the limit.", third.Error.Message);
        Assert.Matches(@"^Try again in \d+ seconds?\. Nobody was asked\.$", third.Error.Hint);
        Assert.True(someoneElse.IsSuccess);
        Assert.DoesNotContain(_messages.Sent, s => s.To.UserId == "U0DAVE");
    }

    [Fact]
    public async Task A_request_that_cannot_reach_the_person_tells_the_requester_why_and_is_not_kept()
    {
        _messages.CannotReach("U0BOB", "bob's account is deactivated.");

        var refused = await Requests.CreateAsync(Ada, BobAsked, Note, default);

        Assert.Equal(SharingErrorKind.Unavailable, refused.Error!.Kind);
        Assert.Equal("I could not send your request: bob's account is deactivated.", refused.Error.Message);
        Assert.Equal(0L, await RequestsKeptAsync());
    }

    [Fact]
    public async Task Only_the_person_asked_can_open_a_request_and_other_workspaces_cannot_find_it()
    {
        var request = await AskBobAsync();

        var carol = await Requests.OpenAsync(Carol, request.Id, default);
        var bobElsewhere = await Requests.OpenAsync(Bob with { Workspace = new WorkspaceId(ChatPlatform.Slack, "T0OTHER") }, request.Id, default);
        var madeUp = await Requests.OpenAsync(Bob, "no-such-request", default);
        var bob = await Requests.OpenAsync(Bob, request.Id, default);

        Assert.Equal(SharingErrorKind.NotOwner, carol.Error!.Kind);
        Assert.Equal("This request was sent to someone else, so only they can answer it.", carol.Error.Message);
        Assert.Equal(SharingErrorKind.NotOwner, (await Requests.DeclineAsync(Carol, request.Id, default)).Error!.Kind);
        Assert.Equal(SharingErrorKind.NotFound, bobElsewhere.Error!.Kind);
        Assert.Equal(SharingErrorKind.NotFound, madeUp.Error!.Kind);
        Assert.Equal("I can't find that request any more.", madeUp.Error.Message);
        Assert.Equal(request, bob.Value);
    }

    [Fact]
    public async Task The_answer_is_shared_with_the_answerers_settings_and_only_its_link_goes_to_the_requester_with_the_note()
    {
        var request = await AskBobAsync();
        ShareAnswers();

        var made = (await Requests.AnswerAsync(Bob, request.Id, new RequestAnswer(new SecretText(Secret), "1h", new SecretText(Passphrase)), null, default)).Value!;
        var nothingSentYet = _messages.SentOf<LinkForYou>().Count;
        var answered = await Requests.SendAnswerAsync(Bob, made, default);

        var shared = Assert.Single(_server.Requests);
        Assert.Equal(Secret, shared.Form["secret"]);
        Assert.Equal("3600", shared.Form["ttl"]);
        Assert.Equal(Passphrase, shared.Form["passphrase"]);
        Assert.Equal(0, nothingSentYet);
        var (to, link) = Assert.Single(_messages.SentOf<LinkForYou>());
        Assert.Equal("U0ADA", to.UserId);
        Assert.Equal(new Person("U0BOB", "Bob"), link.From);
        Assert.Equal(Note, link.Note);
        Assert.Equal(new Uri(_server.BaseUri, "secret/" + OtsAnswers.SecretKey), link.Card.Link);
        Assert.DoesNotContain(Secret, JsonSerializer.Serialize(link), StringComparison.Ordinal);
        Assert.Equal(new Person("U0ADA", "Ada"), answered.Card.SentTo);
        Assert.Equal(RequestState.Answered, answered.Request.State);
        foreach (var never in new[] { Secret, Passphrase, "Nt5-unique" })
        {
            Assert.DoesNotContain(never, _state.Logs.AllText, StringComparison.Ordinal);
            Assert.DoesNotContain(never, answered.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_answerers_recent_links_list_the_answer_as_for_the_requester()
    {
        var request = await AskBobAsync();
        ShareAnswers();

        await Requests.AnswerAsync(Bob, request.Id, new RequestAnswer(new SecretText(Secret)), null, default);
        var listed = Assert.Single((await _state.Services.GetRequiredService<RecentLinks>().ListAsync(Bob, default)).Links);

        Assert.Equal(new Person("U0ADA", "Ada"), listed.SentTo);
    }

    [Fact]
    public async Task An_answer_whose_link_cannot_reach_the_requester_gives_the_answerer_the_link_and_the_reason_and_stays_answered()
    {
        var request = await AskBobAsync();
        ShareAnswers();
        _messages.CannotReach("U0ADA", "Ada's account is deactivated.");

        var answered = await Requests.SendAnswerAsync(Bob, (await Requests.AnswerAsync(Bob, request.Id, new RequestAnswer(new SecretText(Secret)), null, default)).Value!, default);

        Assert.Equal((new Person("U0ADA", "Ada"), "Ada's account is deactivated."), answered.Card.NotSent);
        Assert.Null(answered.Card.SentTo);
        Assert.Equal(new Uri(_server.BaseUri, "secret/" + OtsAnswers.SecretKey), answered.Card.Link);
        Assert.Equal(SharingErrorKind.Closed, (await Requests.OpenAsync(Bob, request.Id, default)).Error!.Kind);
    }

    [Fact]
    public async Task A_second_answer_is_refused_kindly_and_shares_nothing_and_a_decline_after_it_too()
    {
        var request = await AskBobAsync();
        ShareAnswers();
        await Requests.SendAnswerAsync(Bob, (await Requests.AnswerAsync(Bob, request.Id, new RequestAnswer(new SecretText(Secret)), null, default)).Value!, default);

        var again = await Requests.AnswerAsync(Bob, request.Id, new RequestAnswer(new SecretText(Secret + "-again")), null, default);
        var decline = await Requests.DeclineAsync(Bob, request.Id, default);
        var open = await Requests.OpenAsync(Bob, request.Id, default);

        Assert.Equal(SharingErrorKind.Closed, again.Error!.Kind);
        Assert.Equal("You already sent a secret for this request.", again.Error.Message);
        Assert.Contains("nothing more was sent", again.Error.Hint, StringComparison.Ordinal);
        Assert.Equal(again.Error, decline.Error);
        Assert.Equal(again.Error, open.Error);
        Assert.Equal(1, _server.CountOf("POST", "/api/v1/share"));
        Assert.Single(_messages.SentOf<LinkForYou>());
        Assert.Empty(_messages.SentOf<RequestDeclined>());
    }

    [Fact]
    public async Task A_share_that_fails_leaves_the_request_open_for_another_try()
    {
        var request = await AskBobAsync();
        _server.On("POST", "/api/v1/share",
            FakeResponse.OtsError("Not authorized", 401),
            FakeResponse.Json(OtsAnswers.Receipt("new", _state.Clock.GetUtcNow(), 3600)));

        var failed = await Requests.AnswerAsync(Bob, request.Id, new RequestAnswer(new SecretText(Secret)), null, default);
        var stillOpen = await Requests.OpenAsync(Bob, request.Id, default);
        var retried = await Requests.AnswerAsync(Bob, request.Id, new RequestAnswer(new SecretText(Secret)), null, default);

        Assert.Equal(SharingErrorKind.NotAuthorized, failed.Error!.Kind);
        Assert.True(stillOpen.IsSuccess);
        Assert.True(retried.IsSuccess);
        Assert.Equal(RequestState.Answered, retried.Value!.Request.State);
    }

    [Fact]
    public async Task Of_two_answers_at_once_only_one_link_reaches_the_requester_and_the_other_secret_is_burned()
    {
        var request = await AskBobAsync();
        var held = new BackendHold();
        var now = _state.Clock.GetUtcNow();
        _server.On("POST", "/api/v1/share", FakeResponse.Json(OtsAnswers.Receipt("new", now, 3600)).Until(held));
        _server.On("POST", $"/api/v1/private/{OtsAnswers.MetadataKey}/burn", FakeResponse.Json(OtsAnswers.Burned(now, 3600)));

        // Both answers are past every check and at the secret service together; only then does it answer them.
        var answers = new[] { Secret + "-first", Secret + "-second" }
            .Select(secret => Task.Run(async () =>
            {
                var answered = await Requests.AnswerAsync(Bob, request.Id, new RequestAnswer(new SecretText(secret)), null, default);
                return answered.IsSuccess ? Result<RequestAnswered, SharingError>.Success(await Requests.SendAnswerAsync(Bob, answered.Value, default)) : answered;
            }))
            .ToArray();
        bool bothReachedTheService, openWhileTheyWait;
        try
        {
            bothReachedTheService = await WaitUntilAsync(() => _server.CountOf("POST", "/api/v1/share") == 2);
            openWhileTheyWait = (await Requests.OpenAsync(Bob, request.Id, default)).IsSuccess;
        }
        finally
        {
            held.Release();
        }

        var results = await Task.WhenAll(answers);

        Assert.True(bothReachedTheService, "Both answers should have reached the secret service: a request stays open until a secret exists.");
        Assert.True(openWhileTheyWait);
        Assert.Single(results, r => r.IsSuccess);
        var refused = Assert.Single(results, r => !r.IsSuccess).Error!;
        Assert.Equal("You already sent a secret for this request.", refused.Message);
        Assert.Single(_messages.SentOf<LinkForYou>());
        Assert.Equal(1, _server.CountOf("POST", $"/api/v1/private/{OtsAnswers.MetadataKey}/burn"));
    }

    [Fact]
    public async Task Declining_tells_the_requester_and_the_request_can_then_be_neither_answered_nor_declined()
    {
        var request = await AskBobAsync();

        var declined = await Requests.DeclineAsync(Bob, request.Id, default);
        var answer = await Requests.AnswerAsync(Bob, request.Id, new RequestAnswer(new SecretText(Secret)), null, default);
        var again = await Requests.DeclineAsync(Bob, request.Id, default);

        Assert.Equal(RequestState.Declined, declined.Value!.State);
        var (to, message) = Assert.Single(_messages.SentOf<RequestDeclined>());
        Assert.Equal(Ada, to);
        Assert.Equal(new RequestDeclined(new Person("U0BOB", "Bob"), Note), message);
        Assert.Equal(SharingErrorKind.Closed, answer.Error!.Kind);
        Assert.Equal("You declined this request, so it can't be answered any more.", answer.Error.Message);
        Assert.Equal(answer.Error, again.Error);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task An_expired_request_is_refused_with_a_clear_message_and_nothing_is_shared_or_sent()
    {
        var request = await AskBobAsync();
        ShareAnswers();
        _state.Clock.Advance(TimeSpan.FromHours(24));

        var open = await Requests.OpenAsync(Bob, request.Id, default);
        var answer = await Requests.AnswerAsync(Bob, request.Id, new RequestAnswer(new SecretText(Secret)), null, default);
        var decline = await Requests.DeclineAsync(Bob, request.Id, default);

        Assert.Equal(SharingErrorKind.Closed, open.Error!.Kind);
        Assert.Equal("This request has expired, so nothing can be sent for it.", open.Error.Message);
        Assert.StartsWith("Requests can be answered for 1 day.", open.Error.Hint, StringComparison.Ordinal);
        Assert.Equal(open.Error, answer.Error);
        Assert.Equal(open.Error, decline.Error);
        Assert.Empty(_server.Requests);
        Assert.Single(_messages.Sent);
    }

    [Fact]
    public async Task The_person_asked_is_not_messaged_in_the_askers_language_and_the_answer_reaches_the_asker_in_theirs()
    {
        var swedishAda = Ada with { Reach = Ada.Reach! with { Locale = "sv-SE" } };
        var englishBob = Bob with { Reach = Bob.Reach! with { Locale = "en-GB" } };
        var request = (await Requests.CreateAsync(swedishAda, BobAsked, Note, default)).Value!;
        ShareAnswers();

        var made = (await Requests.AnswerAsync(englishBob, request.Id, new RequestAnswer(new SecretText(Secret), "1h"), null, default)).Value!;
        await Requests.SendAnswerAsync(englishBob, made, default);
        await Requests.SendAnswerAsync(Carol, made, default);

        var (asked, _) = Assert.Single(_messages.SentOf<SecretAsked>());
        Assert.Null(asked.Reach!.Locale);
        var answers = _messages.SentOf<LinkForYou>();
        Assert.Equal(2, answers.Count);
        Assert.All(answers, a => Assert.Equal(("U0ADA", "sv-SE"), (a.To.UserId, a.To.Reach!.Locale)));
    }

    private StateHarness Start(IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?> { ["Workspaces:slack:T0ACME:Backend"] = _server.BaseUri.ToString() };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        _messages = new RecordingMessenger(ChatPlatform.Slack);
        var messages = _messages;
        return StateHarness.Start(null, all, services: services => services.AddSingleton<IDirectMessenger>(messages));
    }

    private async Task<SecretRequest> AskBobAsync() => (await Requests.CreateAsync(Ada, BobAsked, Note, default)).Value!;

    private void ShareAnswers() => _server.On("POST", "/api/v1/share", FakeResponse.Json(OtsAnswers.Receipt("new", _state.Clock.GetUtcNow(), 3600)));

    private async Task<long> RequestsKeptAsync() =>
        (long)(await _state.Services.GetRequiredService<SqliteDatabase>().ReadScalarAsync(SqliteSecretRequestStore.Schema, "SELECT COUNT(*) FROM bot_secret_requests", [], default))!;

    /// <summary>Whether <paramref name="condition"/> came true before a generous deadline, checked as events arrive.</summary>
    private static async Task<bool> WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(10);
        }

        return true;
    }
}
