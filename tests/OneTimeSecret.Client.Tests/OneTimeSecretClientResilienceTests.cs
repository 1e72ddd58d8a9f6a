using System.Globalization;
using OneTimeBot.Testing;
using static OneTimeBot.Testing.RecordedShapes;

namespace OneTimeSecret.Client.Tests;

/// <summary>
/// Retries where they are safe, never on a reveal, and a hard stop inside the caller's budget. Every call runs on a fake
/// clock that moves only when the test moves it, so no timeout fires because the machine is slow, and each wait is
/// checked by what happened at which fake time, not by how long it took.
/// </summary>
public sealed class OneTimeSecretClientResilienceTests
{
    private const string Share = "/api/v1/share";
    private const string Status = "/api/v1/status";
    private static readonly ShareRequest AnySecret = new(new SecretText("Pf7-resilience-share-q9zv"));
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    // Retries go at once: for the tests that are about whether a call is sent again, not about when.
    private static readonly Dictionary<string, string?> NoBackOff = new() { ["RetryBaseDelay"] = "00:00:00" };

    [Fact]
    public async Task Share_is_retried_after_503s_and_succeeds()
    {
        var clock = new ArmedTimersClock();
        await using var h = await ClientHarness.StartAsync(NoBackOff, clock);
        h.Server.On("POST", Share, FakeResponse.ServerError(503), FakeResponse.ServerError(503), FakeResponse.Json(ShareWithIntegers));

        var result = await Within(h.Client.ShareAsync(h.Anonymous, AnySecret));

        Assert.True(result.IsSuccess);
        Assert.Equal(3, h.Server.CountOf("POST", Share));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task A_share_answered_with_a_server_error_is_not_sent_again_because_it_may_have_been_stored(int status)
    {
        var clock = new ArmedTimersClock();
        await using var h = await ClientHarness.StartAsync(NoBackOff, clock);
        h.Server.On("POST", Share, FakeResponse.ServerError(status), FakeResponse.Json(ShareWithIntegers));
        h.Server.On("POST", "/api/v1/generate", FakeResponse.ServerError(status), FakeResponse.Json(ShareWithIntegers));

        var shared = await Within(h.Client.ShareAsync(h.Anonymous, AnySecret));
        var generated = await Within(h.Client.GenerateAsync(h.Anonymous, new GenerateRequest()));

        Assert.Equal(OtsFailureKind.Unavailable, shared.Error!.Kind);
        Assert.Equal(OtsFailureKind.Unavailable, generated.Error!.Kind);
        Assert.Equal(1, h.Server.CountOf("POST", Share));
        Assert.Equal(1, h.Server.CountOf("POST", "/api/v1/generate"));
    }

    [Fact]
    public async Task A_status_read_answered_with_a_500_is_retried_because_reading_twice_changes_nothing()
    {
        var clock = new ArmedTimersClock();
        await using var h = await ClientHarness.StartAsync(NoBackOff, clock);
        h.Server.On("GET", Status, FakeResponse.ServerError(500), FakeResponse.Json(Nominal));

        var result = await Within(h.Client.GetStatusAsync(h.Anonymous));

        Assert.True(result.IsSuccess);
        Assert.Equal(2, h.Server.CountOf("GET", Status));
    }

    [Fact]
    public async Task A_429_is_retried_only_once_the_clock_passes_the_delay_its_retry_after_header_asks_for()
    {
        var clock = new ArmedTimersClock();
        // The harness's own back-off is 20 ms: a retry that ignored Retry-After would wait that instead.
        await using var h = await ClientHarness.StartAsync(clock: clock);
        h.Server.On("POST", Share,
            FakeResponse.Json("""{"message":"Rate limit exceeded"}""", 429).WithHeader("Retry-After", "1"),
            FakeResponse.Json(ShareWithIntegers));

        var sharing = h.Client.ShareAsync(h.Anonymous, AnySecret);
        await AssertRetriedOnlyAfterAsync(clock, TimeSpan.FromSeconds(1), h, sharing);
    }

    [Fact]
    public async Task A_429_whose_retry_after_is_a_date_is_retried_only_once_the_clock_reaches_that_date()
    {
        var clock = new ArmedTimersClock();
        await using var h = await ClientHarness.StartAsync(clock: clock);
        var then = clock.GetUtcNow().AddSeconds(1).ToString("R", CultureInfo.InvariantCulture);
        h.Server.On("POST", Share,
            FakeResponse.Json("""{"message":"Rate limit exceeded"}""", 429).WithHeader("Retry-After", then),
            FakeResponse.Json(ShareWithIntegers));

        var sharing = h.Client.ShareAsync(h.Anonymous, AnySecret);
        await AssertRetriedOnlyAfterAsync(clock, TimeSpan.FromSeconds(1), h, sharing);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_429_asking_for_longer_than_the_budget_is_reported_at_once_with_its_retry_after(bool asADate)
    {
        var clock = new ArmedTimersClock();
        await using var h = await ClientHarness.StartAsync(clock: clock);
        var retryAfter = asADate ? clock.GetUtcNow().AddSeconds(120).ToString("R", CultureInfo.InvariantCulture) : "120";
        h.Server.On("POST", Share, FakeResponse.Json("""{"message":"Slow down"}""", 429).WithHeader("Retry-After", retryAfter));

        // The clock never moves: a call that waited for anything, the 120 s asked for or a capped 2 s, would never end.
        var result = await Within(h.Client.ShareAsync(h.Anonymous, AnySecret));

        Assert.Equal(OtsFailureKind.RateLimited, result.Error!.Kind);
        Assert.Equal(TimeSpan.FromSeconds(120), result.Error.RetryAfter);
        Assert.Equal(1, h.Server.CountOf("POST", Share));
        // Only the call's own 4 s timeouts were armed, no wait before a retry.
        Assert.All(clock.Armed, due => Assert.Equal(TimeSpan.FromSeconds(4), due));
    }

    [Fact]
    public async Task Reveal_is_never_retried_even_on_503_or_429()
    {
        var clock = new ArmedTimersClock();
        await using var h = await ClientHarness.StartAsync(NoBackOff, clock);
        var path = "/api/v1/secret/" + OldSecretKey;
        h.Server.On("POST", path, FakeResponse.ServerError(503), FakeResponse.Json(Revealed));

        var first = await Within(h.Client.RevealAsync(h.Anonymous, OldSecretKey));
        Assert.Equal(OtsFailureKind.Unavailable, first.Error!.Kind);
        Assert.Equal(1, h.Server.CountOf("POST", path));

        h.Server.On("POST", path, FakeResponse.Json("""{"message":"busy"}""", 429).WithHeader("Retry-After", "0"), FakeResponse.Json(Revealed));
        var second = await Within(h.Client.RevealAsync(h.Anonymous, OldSecretKey));
        Assert.Equal(OtsFailureKind.RateLimited, second.Error!.Kind);
        Assert.Equal(2, h.Server.CountOf("POST", path));
    }

    [Fact]
    public async Task A_slow_reveal_gets_the_whole_budget_for_its_one_attempt_then_times_out_and_is_not_sent_again()
    {
        var clock = new ArmedTimersClock();
        await using var h = await ClientHarness.StartAsync(new Dictionary<string, string?>
        {
            ["AttemptTimeout"] = "00:00:00.300",
            ["TotalTimeout"] = "00:00:02",
            ["CircuitSamplingDuration"] = "00:00:10",
        }, clock);
        var path = "/api/v1/secret/" + OldSecretKey;
        var slow = new BackendHold();
        h.Server.On("POST", path, FakeResponse.Json(Revealed).Until(slow));

        var revealing = h.Client.RevealAsync(h.Anonymous, OldSecretKey);
        await slow.Reached.WaitAsync(ArmedTimersClock.Patience);
        // The call's 2 s, and its one attempt's: a reveal that could be sent again would get a 300 ms attempt instead.
        await clock.ArmedAsync(TimeSpan.FromSeconds(2), count: 2);
        clock.Advance(TimeSpan.FromSeconds(2) - Tick);
        Assert.False(revealing.IsCompleted, "the reveal gave up before its 2 s");
        clock.Advance(Tick);
        var result = await Within(revealing);
        await slow.Abandoned.WaitAsync(ArmedTimersClock.Patience);

        Assert.Equal(OtsFailureKind.Unavailable, result.Error!.Kind);
        Assert.Contains("did not answer in time", result.Error.Message, StringComparison.Ordinal);
        Assert.Equal(1, h.Server.CountOf("POST", path));
        Assert.All(clock.Armed, due => Assert.Equal(TimeSpan.FromSeconds(2), due));
    }

    [Fact]
    public async Task A_share_to_a_backend_that_never_answers_ends_when_the_clock_reaches_the_total_budget_and_is_not_sent_again()
    {
        var clock = new ArmedTimersClock();
        await using var h = await ClientHarness.StartAsync(new Dictionary<string, string?>
        {
            ["AttemptTimeout"] = "00:00:00.900",
            ["TotalTimeout"] = "00:00:01",
            ["CircuitSamplingDuration"] = "00:00:10",
        }, clock);
        var never = new BackendHold();
        h.Server.On("POST", Share, FakeResponse.Json(ShareWithIntegers).Until(never));

        var sharing = h.Client.ShareAsync(h.Anonymous, AnySecret);
        await never.Reached.WaitAsync(ArmedTimersClock.Patience);
        await AssertEndsExactlyAtAsync(clock, TimeSpan.FromSeconds(1), sharing, "the share");
        var result = await sharing;
        await never.Abandoned.WaitAsync(ArmedTimersClock.Patience);

        Assert.Equal(OtsFailureKind.Unavailable, result.Error!.Kind);
        Assert.Contains("did not answer in time", result.Error.Message, StringComparison.Ordinal);
        // A share that timed out may have been stored, so it is not sent again.
        Assert.Equal(1, h.Server.CountOf("POST", Share));
    }

    [Fact]
    public async Task A_read_attempt_times_out_when_the_clock_passes_the_attempt_timeout_and_not_before_and_is_tried_again()
    {
        var clock = new ArmedTimersClock();
        await using var h = await ClientHarness.StartAsync(NoBackOff, clock);
        var (first, second) = (new BackendHold(), new BackendHold());
        h.Server.On("GET", Status, FakeResponse.Json(Nominal).Until(first), FakeResponse.Json(Nominal).Until(second));
        // A read's attempt keeps the configured share of the total: 3.5 s of the default 4 s.
        var attempt = TimeSpan.FromSeconds(3.5);

        var reading = h.Client.GetStatusAsync(h.Anonymous);
        await first.Reached.WaitAsync(ArmedTimersClock.Patience);
        await clock.ArmedAsync(attempt);
        clock.Advance(attempt - Tick);
        var beforeTheTimeout = h.Server.CountOf("GET", Status);
        clock.Advance(Tick);
        await first.Abandoned.WaitAsync(ArmedTimersClock.Patience);
        await second.Reached.WaitAsync(ArmedTimersClock.Patience);
        second.Release();
        var result = await Within(reading);

        Assert.True(result.IsSuccess);
        Assert.Equal(1, beforeTheTimeout);
        Assert.DoesNotContain(clock.Armed, due => due < attempt);
        Assert.Equal(2, h.Server.CountOf("GET", Status));
    }

    [Fact]
    public async Task A_read_whose_attempts_keep_timing_out_is_ended_by_the_total_budget_with_attempts_to_spare()
    {
        var clock = new ArmedTimersClock();
        await using var h = await ClientHarness.StartAsync(new Dictionary<string, string?>(NoBackOff)
        {
            // Three attempts of 0.9 s would take 2.7 s: only the total budget can end the call at 1 s.
            ["AttemptTimeout"] = "00:00:00.900",
            ["TotalTimeout"] = "00:00:01",
            ["CircuitSamplingDuration"] = "00:00:10",
        }, clock);
        var (first, second) = (new BackendHold(), new BackendHold());
        h.Server.On("GET", Status, FakeResponse.Json(Nominal).Until(first), FakeResponse.Json(Nominal).Until(second));

        var reading = h.Client.GetStatusAsync(h.Anonymous);
        await first.Reached.WaitAsync(ArmedTimersClock.Patience);
        await clock.ArmedAsync(TimeSpan.FromSeconds(0.9));
        clock.Advance(TimeSpan.FromSeconds(0.9));
        await second.Reached.WaitAsync(ArmedTimersClock.Patience);
        await clock.ArmedAsync(TimeSpan.FromSeconds(0.9), count: 2);
        // The second attempt started at 0.9 s and may run to 1.8 s; the call's budget ends at 1 s.
        clock.Advance(TimeSpan.FromSeconds(0.1) - Tick);
        var endedEarly = reading.IsCompleted;
        clock.Advance(Tick);
        var result = await Within(reading);
        await second.Abandoned.WaitAsync(ArmedTimersClock.Patience);

        Assert.False(endedEarly, "the read ended before its 1 s budget");
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(0.9)], clock.Armed);
        Assert.Equal(OtsFailureKind.Unavailable, result.Error!.Kind);
        Assert.Contains("did not answer in time", result.Error.Message, StringComparison.Ordinal);
        Assert.Equal(2, h.Server.CountOf("GET", Status));
    }

    [Fact]
    public async Task The_default_budget_stops_a_hung_backend_before_a_teams_invoke_would_time_out()
    {
        // Teams gives an invoke 5 s, as Microsoft documents for message extensions.
        var teamsInvoke = TimeSpan.FromSeconds(5);
        var clock = new ArmedTimersClock();
        await using var h = await ClientHarness.StartAsync(clock: clock);
        var hung = new BackendHold();
        h.Server.On("POST", Share, FakeResponse.Json(ShareWithIntegers).Until(hung));
        var started = clock.GetUtcNow();

        var sharing = h.Client.ShareAsync(h.Anonymous, AnySecret);
        await hung.Reached.WaitAsync(ArmedTimersClock.Patience);
        await AssertEndsExactlyAtAsync(clock, TimeSpan.FromSeconds(4), sharing, "the share");
        var result = await sharing;

        Assert.Equal(OtsFailureKind.Unavailable, result.Error!.Kind);
        Assert.True(clock.GetUtcNow() - started < teamsInvoke, $"the call ended {clock.GetUtcNow() - started} after it started");
    }

    [Fact]
    public async Task A_failing_host_opens_the_circuit_so_later_calls_fail_fast_without_reaching_it_until_the_break_is_over()
    {
        var clock = new ArmedTimersClock();
        await using var h = await ClientHarness.StartAsync(new Dictionary<string, string?>
        {
            ["MaxRetryAttempts"] = "0",
            ["CircuitMinimumThroughput"] = "4",
            ["CircuitBreakDuration"] = "00:00:30",
        }, clock);
        h.Server.On("POST", Share, FakeResponse.ServerError(503));

        for (var i = 0; i < 6; i++)
        {
            await Within(h.Client.ShareAsync(h.Anonymous, AnySecret));
        }

        var reached = h.Server.CountOf("POST", Share);
        var paused = await Within(h.Client.ShareAsync(h.Anonymous, AnySecret));
        clock.Advance(TimeSpan.FromSeconds(30) - Tick);
        var stillPaused = await Within(h.Client.ShareAsync(h.Anonymous, AnySecret));
        var reachedWhilePaused = h.Server.CountOf("POST", Share);
        clock.Advance(Tick);
        var afterTheBreak = await Within(h.Client.ShareAsync(h.Anonymous, AnySecret));

        Assert.Equal(4, reached);
        Assert.Equal(reached, reachedWhilePaused);
        Assert.Equal(OtsFailureKind.Unavailable, paused.Error!.Kind);
        Assert.Contains("paused", paused.Error.Message, StringComparison.Ordinal);
        Assert.Contains("paused", stillPaused.Error!.Message, StringComparison.Ordinal);
        // Once the break is over, one call is let through to see whether the host has recovered.
        Assert.DoesNotContain("paused", afterTheBreak.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(reached + 1, h.Server.CountOf("POST", Share));
    }

    [Fact]
    public async Task A_caller_with_more_time_lets_a_slow_backend_finish_where_the_default_budget_gives_up()
    {
        var clock = new ArmedTimersClock();
        await using var h = await ClientHarness.StartAsync(new Dictionary<string, string?>
        {
            ["AttemptTimeout"] = "00:00:00.800",
            ["TotalTimeout"] = "00:00:01",
            ["CircuitSamplingDuration"] = "00:00:10",
        }, clock);
        var (forDefault, forMoreTime) = (new BackendHold(), new BackendHold());
        h.Server.On("POST", Share, FakeResponse.Json(ShareWithIntegers).Until(forDefault), FakeResponse.Json(ShareWithIntegers).Until(forMoreTime));
        // The backend answers 1.5 s after it is asked.
        var backendTakes = TimeSpan.FromSeconds(1.5);

        var withDefaultCall = h.Client.ShareAsync(h.Anonymous, AnySecret);
        await forDefault.Reached.WaitAsync(ArmedTimersClock.Patience);
        await AssertEndsExactlyAtAsync(clock, TimeSpan.FromSeconds(1), withDefaultCall, "the share on the default budget");
        var withDefault = await withDefaultCall;

        var armedBefore = clock.Armed.Count;
        var withMoreTimeCall = h.Client.ShareAsync(h.Anonymous with { Budget = TimeSpan.FromSeconds(4) }, AnySecret);
        await forMoreTime.Reached.WaitAsync(ArmedTimersClock.Patience);
        await clock.ArmedAsync(TimeSpan.FromSeconds(4));
        clock.Advance(backendTakes);
        var waitingPastTheDefault = !withMoreTimeCall.IsCompleted;
        forMoreTime.Release();
        var withMoreTime = await Within(withMoreTimeCall);

        Assert.Equal(OtsFailureKind.Unavailable, withDefault.Error!.Kind);
        Assert.True(waitingPastTheDefault, "the call with 4 s gave up before the backend's 1.5 s");
        Assert.True(withMoreTime.IsSuccess);
        Assert.All(clock.Armed.Skip(armedBefore), due => Assert.Equal(TimeSpan.FromSeconds(4), due));
    }

    [Fact]
    public async Task A_caller_with_less_time_is_answered_when_the_clock_reaches_its_own_budget()
    {
        var clock = new ArmedTimersClock();
        await using var h = await ClientHarness.StartAsync(clock: clock);
        var hung = new BackendHold();
        h.Server.On("POST", Share, FakeResponse.Json(ShareWithIntegers).Until(hung));

        var sharing = h.Client.ShareAsync(h.Anonymous with { Budget = TimeSpan.FromMilliseconds(600) }, AnySecret);
        await hung.Reached.WaitAsync(ArmedTimersClock.Patience);
        await AssertEndsExactlyAtAsync(clock, TimeSpan.FromMilliseconds(600), sharing, "the share with 600 ms");
        var result = await sharing;

        Assert.Equal(OtsFailureKind.Unavailable, result.Error!.Kind);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(301)]
    public void A_budget_of_no_time_or_over_five_minutes_is_refused(int seconds)
    {
        var connection = new OneTimeSecretConnection(new Uri("https://eu.onetimesecret.com"));

        Assert.Throws<ArgumentOutOfRangeException>(() => connection with { Budget = TimeSpan.FromSeconds(seconds) });
    }

    [Fact]
    public async Task The_callers_own_cancellation_is_honoured()
    {
        var clock = new ArmedTimersClock();
        await using var h = await ClientHarness.StartAsync(clock: clock);
        var hung = new BackendHold();
        h.Server.On("POST", Share, FakeResponse.Json(ShareWithIntegers).Until(hung));
        using var cts = new CancellationTokenSource();

        var sharing = h.Client.ShareAsync(h.Anonymous, AnySecret, cts.Token);
        await hung.Reached.WaitAsync(ArmedTimersClock.Patience);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Within(sharing));
        await hung.Abandoned.WaitAsync(ArmedTimersClock.Patience);
    }

    /// <summary>The call must end on its own; the patience only stops a test whose client waits for a clock that never moves.</summary>
    private static Task<T> Within<T>(Task<T> call) => call.WaitAsync(ArmedTimersClock.Patience);

    /// <summary>
    /// For a call already waiting on the backend: no wait shorter than <paramref name="after"/> was armed, the call is
    /// still waiting one tick before the clock has moved <paramref name="after"/> on, and it ends when it has.
    /// </summary>
    private static async Task AssertEndsExactlyAtAsync<T>(ArmedTimersClock clock, TimeSpan after, Task<T> call, string what)
    {
        await clock.ArmedAsync(after);
        Assert.DoesNotContain(clock.Armed, due => due < after);
        clock.Advance(after - Tick);
        Assert.False(call.IsCompleted, $"{what} ended before the clock moved {after} on");
        clock.Advance(Tick);
        await Within(call);
    }

    /// <summary>A 429 answered at once; the retry goes exactly when the clock has moved <paramref name="wait"/> on.</summary>
    private static async Task AssertRetriedOnlyAfterAsync(ArmedTimersClock clock, TimeSpan wait, ClientHarness h, Task<Result<SecretReceipt, OtsFailure>> sharing)
    {
        await clock.ArmedAsync(wait);
        clock.Advance(wait - Tick);
        var beforeTheWait = h.Server.CountOf("POST", Share);
        var endedEarly = sharing.IsCompleted;
        clock.Advance(Tick);
        var result = await Within(sharing);

        Assert.Equal(1, beforeTheWait);
        Assert.False(endedEarly);
        Assert.DoesNotContain(clock.Armed, due => due < wait);
        Assert.True(result.IsSuccess);
        Assert.Equal(2, h.Server.CountOf("POST", Share));
    }
}
