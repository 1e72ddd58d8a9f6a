namespace OneTimeSecret.Client.Http;

/// <summary>
/// How patient the client is with a Onetime Secret server, for every server it calls. The defaults fit an interactive
/// caller that must answer a person within about 5 s: a call gives up after <see cref="TotalTimeout"/> whatever
/// happens, leaving a second for the caller's own work; retries only fill time left over by fast failures. A caller
/// with another budget sets <see cref="OneTimeSecretConnection.Budget"/> or passes a cancellation token.
/// </summary>
public sealed class OneTimeSecretHttpOptions
{
    /// <summary>
    /// The configuration section these options are conventionally bound from, <c>OneTimeSecret:Http</c>; start-up
    /// errors name each key under it.
    /// </summary>
    public const string SectionName = "OneTimeSecret:Http";

    /// <summary>Longest wait for one attempt (10 ms to 1 minute; default 3.5 s).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(3.5);

    /// <summary>Longest wait for a whole call, retries and their delays included (at least <see cref="AttemptTimeout"/>, at most 5 minutes; default 4 s).</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>Extra attempts after a transient failure (connection error, 408, 429, 5xx, attempt timeout); 0 to 10, default 2.</summary>
    public int MaxRetryAttempts { get; set; } = 2;

    /// <summary>First back-off delay; later ones grow exponentially, with jitter (at most 30 s; default 200 ms).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>A 429 whose <c>Retry-After</c> is longer than this is reported as rate limited instead of waited out (default 2 s).</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Share of failed calls, per server host, that opens the circuit (above 0, at most 1; default 0.5).</summary>
    public double CircuitFailureRatio { get; set; } = 0.5;

    /// <summary>Calls per sampling window needed before the breaker may open (at least 2; default 10).</summary>
    public int CircuitMinimumThroughput { get; set; } = 10;

    /// <summary>The window over which the failure ratio is measured (at least twice <see cref="AttemptTimeout"/>; default 30 s).</summary>
    public TimeSpan CircuitSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long calls to a failing host are refused before one is tried again (at least 500 ms; default 15 s).</summary>
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}
