using System.Diagnostics;
using OneTimeBot.Testing;
using static OneTimeBot.Testing.RecordedShapes;

namespace OneTimeSecret.Client.Tests;

/// <summary>Retries where they are safe, never on a reveal, and a hard stop inside the caller's budget.</summary>
public sealed class OneTimeSecretClientResilienceTests
{
    private static readonly ShareRequest AnySecret = new(new SecretText("s3cret"));

    [Fact]
    public async Task Share_is_retried_after_503s_and_succeeds()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("POST", "/api/v1/share", FakeResponse.ServerError(503), FakeResponse.ServerError(503), FakeResponse.Json(ShareWithIntegers));

        var result = await h.Client.ShareAsync(h.Anonymous, AnySecret);

        Assert.True(result.IsSuccess);
        Assert.Equal(3, h.Server.CountOf("POST", "/api/v1/share"));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task A_share_answered_with_a_server_error_is_not_sent_again_because_it_may_have_been_stored(int status)
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("POST", "/api/v1/share", FakeResponse.ServerError(status), FakeResponse.Json(ShareWithIntegers));
        h.Server.On("POST", "/api/v1/generate", FakeResponse.ServerError(status), FakeResponse.Json(ShareWithIntegers));

        var shared = await h.Client.ShareAsync(h.Anonymous, AnySecret);
        var generated = await h.Client.GenerateAsync(h.Anonymous, new GenerateRequest());

        Assert.Equal(OtsFailureKind.Unavailable, shared.Error!.Kind);
        Assert.Equal(OtsFailureKind.Unavailable, generated.Error!.Kind);
        Assert.Equal(1, h.Server.CountOf("POST", "/api/v1/share"));
        Assert.Equal(1, h.Server.CountOf("POST", "/api/v1/generate"));
    }

    [Fact]
    public async Task A_status_read_answered_with_a_500_is_retried_because_reading_twice_changes_nothing()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("GET", "/api/v1/status", FakeResponse.ServerError(500), FakeResponse.Json(Nominal));

        var result = await h.Client.GetStatusAsync(h.Anonymous);

        Assert.True(result.IsSuccess);
        Assert.Equal(2, h.Server.CountOf("GET", "/api/v1/status"));
    }

    [Fact]
    public async Task A_429_is_retried_after_the_delay_its_retry_after_header_asks_for()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("POST", "/api/v1/share",
            FakeResponse.Json("""{"message":"Rate limit exceeded"}""", 429).WithHeader("Retry-After", "1"),
            FakeResponse.Json(ShareWithIntegers));

        var clock = Stopwatch.StartNew();
        var result = await h.Client.ShareAsync(h.Anonymous, AnySecret);

        Assert.True(result.IsSuccess);
        Assert.Equal(2, h.Server.CountOf("POST", "/api/v1/share"));
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(950), TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task A_429_asking_for_longer_than_the_budget_is_reported_at_once_with_its_retry_after()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("POST", "/api/v1/share", FakeResponse.Json("""{"message":"Slow down"}""", 429).WithHeader("Retry-After", "120"));

        var clock = Stopwatch.StartNew();
        var result = await h.Client.ShareAsync(h.Anonymous, AnySecret);

        Assert.Equal(OtsFailureKind.RateLimited, result.Error!.Kind);
        Assert.Equal(TimeSpan.FromSeconds(120), result.Error.RetryAfter);
        Assert.Equal(1, h.Server.CountOf("POST", "/api/v1/share"));
        // One request and no wait: far from the 120 s asked for, and from the 2 s a capped retry would have waited.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Reveal_is_never_retried_even_on_503_or_429()
    {
        await using var h = await ClientHarness.StartAsync();
        var path = "/api/v1/secret/" + OldSecretKey;
        h.Server.On("POST", path, FakeResponse.ServerError(503), FakeResponse.Json(Revealed));

        var first = await h.Client.RevealAsync(h.Anonymous, OldSecretKey);
        Assert.Equal(OtsFailureKind.Unavailable, first.Error!.Kind);
        Assert.Equal(1, h.Server.CountOf("POST", path));

        h.Server.On("POST", path, FakeResponse.Json("""{"message":"busy"}""", 429).WithHeader("Retry-After", "0"), FakeResponse.Json(Revealed));
        var second = await h.Client.RevealAsync(h.Anonymous, OldSecretKey);
        Assert.Equal(OtsFailureKind.RateLimited, second.Error!.Kind);
        Assert.Equal(2, h.Server.CountOf("POST", path));
    }

    [Fact]
    public async Task A_slow_reveal_times_out_once_and_is_not_sent_again()
    {
        await using var h = await ClientHarness.StartAsync(new Dictionary<string, string?>
        {
            ["AttemptTimeout"] = "00:00:00.300",
            ["TotalTimeout"] = "00:00:02",
            ["CircuitSamplingDuration"] = "00:00:10",
        });
        var path = "/api/v1/secret/" + OldSecretKey;
        h.Server.On("POST", path, FakeResponse.Json(Revealed).After(TimeSpan.FromSeconds(5)));

        var result = await h.Client.RevealAsync(h.Anonymous, OldSecretKey);

        Assert.Equal(OtsFailureKind.Unavailable, result.Error!.Kind);
        Assert.Equal(1, h.Server.CountOf("POST", path));
    }

    [Fact]
    public async Task A_backend_that_never_answers_is_cut_off_within_the_total_budget()
    {
        await using var h = await ClientHarness.StartAsync(new Dictionary<string, string?>
        {
            // Attempts alone would take three times 0.9 s: only the total budget can end the call near 1 s.
            ["AttemptTimeout"] = "00:00:00.900",
            ["TotalTimeout"] = "00:00:01",
            ["CircuitSamplingDuration"] = "00:00:10",
        });
        h.Server.On("POST", "/api/v1/share", FakeResponse.Json(ShareWithIntegers).After(TimeSpan.FromSeconds(30)));
        h.Server.On("GET", "/api/v1/status", FakeResponse.Json(Nominal));
        // Fast calls first, so the measurement below is of the budget and not of start-up work. The very first call
        // (JIT, connection set-up) can itself take longer than this 1 s budget on a loaded machine, so it may be repeated.
        var warm = false;
        for (var i = 0; i < 5 && !warm; i++)
        {
            warm = (await h.Client.GetStatusAsync(h.Anonymous)).IsSuccess;
        }

        Assert.True(warm, "the fake backend never answered a status call");

        var clock = Stopwatch.StartNew();
        var result = await h.Client.ShareAsync(h.Anonymous, AnySecret);
        clock.Stop();

        Assert.Equal(OtsFailureKind.Unavailable, result.Error!.Kind);
        Assert.Contains("did not answer in time", result.Error.Message, StringComparison.Ordinal);
        // Generous above: a loaded CI machine is slow to wake a timer, and 2.2 s is still well short of 2.7 s of attempts.
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromMilliseconds(2200));
        // A share that timed out may have been stored, so it is not sent again; on a loaded machine even the first
        // attempt may not have reached the server.
        Assert.InRange(h.Server.CountOf("POST", "/api/v1/share"), 0, 1);
    }

    [Fact]
    public async Task The_default_budget_stops_a_hung_backend_before_a_teams_invoke_would_time_out()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("POST", "/api/v1/share", FakeResponse.Json(ShareWithIntegers).After(TimeSpan.FromSeconds(30)));

        var clock = Stopwatch.StartNew();
        var result = await h.Client.ShareAsync(h.Anonymous, AnySecret);

        Assert.Equal(OtsFailureKind.Unavailable, result.Error!.Kind);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(3.9), TimeSpan.FromSeconds(4.9));
    }

    [Fact]
    public async Task A_failing_host_opens_the_circuit_so_later_calls_fail_fast_without_reaching_it()
    {
        await using var h = await ClientHarness.StartAsync(new Dictionary<string, string?>
        {
            ["MaxRetryAttempts"] = "0",
            ["CircuitMinimumThroughput"] = "4",
            ["CircuitBreakDuration"] = "00:00:30",
        });
        h.Server.On("POST", "/api/v1/share", FakeResponse.ServerError(503));

        for (var i = 0; i < 6; i++)
        {
            await h.Client.ShareAsync(h.Anonymous, AnySecret);
        }

        var reached = h.Server.CountOf("POST", "/api/v1/share");
        var paused = await h.Client.ShareAsync(h.Anonymous, AnySecret);

        Assert.Equal(4, reached);
        Assert.Equal(reached, h.Server.CountOf("POST", "/api/v1/share"));
        Assert.Equal(OtsFailureKind.Unavailable, paused.Error!.Kind);
        Assert.Contains("paused", paused.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_caller_with_more_time_lets_a_slow_backend_finish_where_the_default_budget_gives_up()
    {
        await using var h = await ClientHarness.StartAsync(new Dictionary<string, string?>
        {
            ["AttemptTimeout"] = "00:00:00.800",
            ["TotalTimeout"] = "00:00:01",
            ["CircuitSamplingDuration"] = "00:00:10",
        });
        h.Server.On("POST", "/api/v1/share", FakeResponse.Json(ShareWithIntegers).After(TimeSpan.FromSeconds(1.5)));

        var withDefault = await h.Client.ShareAsync(h.Anonymous, AnySecret);
        var clock = Stopwatch.StartNew();
        var withMoreTime = await h.Client.ShareAsync(h.Anonymous with { Budget = TimeSpan.FromSeconds(4) }, AnySecret);

        Assert.Equal(OtsFailureKind.Unavailable, withDefault.Error!.Kind);
        Assert.True(withMoreTime.IsSuccess);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.4), TimeSpan.FromSeconds(3.5));
    }

    [Fact]
    public async Task A_caller_with_less_time_is_answered_within_its_own_budget()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("POST", "/api/v1/share", FakeResponse.Json(ShareWithIntegers).After(TimeSpan.FromSeconds(30)));
        h.Server.On("GET", "/api/v1/status", FakeResponse.Json(Nominal));
        Assert.True((await h.Client.GetStatusAsync(h.Anonymous)).IsSuccess);

        var clock = Stopwatch.StartNew();
        var result = await h.Client.ShareAsync(h.Anonymous with { Budget = TimeSpan.FromMilliseconds(600) }, AnySecret);

        Assert.Equal(OtsFailureKind.Unavailable, result.Error!.Kind);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(550), TimeSpan.FromMilliseconds(1500));
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
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("POST", "/api/v1/share", FakeResponse.Json(ShareWithIntegers).After(TimeSpan.FromSeconds(30)));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Client.ShareAsync(h.Anonymous, AnySecret, cts.Token));
    }
}
