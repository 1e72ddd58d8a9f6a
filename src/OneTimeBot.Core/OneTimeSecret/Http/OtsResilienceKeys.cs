using OneTimeBot.Core.OneTimeSecret.Wire;
using Polly;

namespace OneTimeBot.Core.OneTimeSecret.Http;

/// <summary>Per-call facts the resilience pipeline reads from the request's <see cref="ResilienceContext"/>.</summary>
internal static class OtsResilienceKeys
{
    /// <summary>When this call may be sent again.</summary>
    public static readonly ResiliencePropertyKey<OtsRetry> Retry = new("OneTimeBot.OneTimeSecret.Retry");

    /// <summary>The caller's total budget for this call, when it differs from the configured one.</summary>
    public static readonly ResiliencePropertyKey<TimeSpan> Budget = new("OneTimeBot.OneTimeSecret.Budget");
}
