namespace OneTimeBot.Host.Tests.LoadBalanced;

/// <summary>
/// One thing a user did through the proxy (a share in Slack or Teams, a reveal): when it was sent and when its outcome
/// was known (test-clock ticks), which replica haproxy sent it to, and whether it failed.
/// </summary>
internal sealed class Operation(string kind, long sent)
{
    public string Kind { get; } = kind;

    public long Sent { get; } = sent;

    public long? Done { get; set; }

    /// <summary>The <c>X-Request-ID</c> the proxy answered with; null when no answer came.</summary>
    public string? RequestId { get; set; }

    public bool Failed { get; set; }

    /// <summary>What went wrong, for the test's output: a status or an exception's type, never a secret or link.</summary>
    public string? Problem { get; set; }

    /// <summary>Whether it was still under way at <paramref name="instant"/>.</summary>
    public bool UnderWayAt(long instant) => Sent <= instant && (Done is null || Done >= instant);
}
