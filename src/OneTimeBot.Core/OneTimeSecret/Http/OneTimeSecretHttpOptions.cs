namespace OneTimeBot.Core.OneTimeSecret.Http;

/// <summary>
/// How patient the client is with a Onetime Secret server (configuration section <c>OneTimeSecret:Http</c>).
/// The defaults fit the tightest caller: a Teams invoke must be answered within 5 s, so a call gives up after
/// <see cref="TotalTimeout"/> whatever happens, leaving a second for the caller's own work and a loaded machine;
/// retries only fill time left over by fast failures. A caller with less time passes a cancellation token.
/// </summary>
public sealed class OneTimeSecretHttpOptions
{
    public const string SectionName = "OneTimeSecret:Http";

    /// <summary>Longest wait for one attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(3.5);

    /// <summary>Longest wait for a whole call, retries and their delays included.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>Extra attempts after a transient failure (connection error, 408, 429, 5xx, attempt timeout).</summary>
    public int MaxRetryAttempts { get; set; } = 2;

    /// <summary>First back-off delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>A 429 whose <c>Retry-After</c> is longer than this is reported as rate limited instead of waited out.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Share of failed calls, per backend host, that opens the circuit.</summary>
    public double CircuitFailureRatio { get; set; } = 0.5;

    /// <summary>Calls per sampling window needed before the breaker may open.</summary>
    public int CircuitMinimumThroughput { get; set; } = 10;

    public TimeSpan CircuitSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long calls to a failing host are refused before one is tried again.</summary>
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}
