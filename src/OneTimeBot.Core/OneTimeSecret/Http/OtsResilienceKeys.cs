using Polly;

namespace OneTimeBot.Core.OneTimeSecret.Http;

/// <summary>Per-call facts the resilience pipeline reads from the request's <see cref="ResilienceContext"/>.</summary>
internal static class OtsResilienceKeys
{
    /// <summary>False for calls that must run at most once (a reveal destroys the secret before answering).</summary>
    public static readonly ResiliencePropertyKey<bool> Retryable = new("OneTimeBot.OneTimeSecret.Retryable");

    /// <summary>The caller's total budget for this call, when it differs from the configured one.</summary>
    public static readonly ResiliencePropertyKey<TimeSpan> Budget = new("OneTimeBot.OneTimeSecret.Budget");
}
