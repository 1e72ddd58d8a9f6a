using OneTimeSecret.Client.Wire;
using Polly;

namespace OneTimeSecret.Client.Http;

/// <summary>Per-call facts the resilience pipeline reads from the request's <see cref="ResilienceContext"/>.</summary>
internal static class OtsResilienceKeys
{
    /// <summary>When this call may be sent again.</summary>
    public static readonly ResiliencePropertyKey<OtsRetry> Retry = new("OneTimeSecret.Client.Retry");

    /// <summary>The caller's total budget for this call, when it differs from the configured one.</summary>
    public static readonly ResiliencePropertyKey<TimeSpan> Budget = new("OneTimeSecret.Client.Budget");
}
