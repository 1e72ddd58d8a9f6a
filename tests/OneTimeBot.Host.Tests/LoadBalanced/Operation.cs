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

    /// <summary>
    /// Whether it was under way at some moment from <paramref name="from"/> to <paramref name="to"/>: a kill is not
    /// one instant to the test, which sees only when it sent the signal and when the process was gone.
    /// </summary>
    public bool UnderWayDuring(long from, long to) => Sent <= to && (Done is null || Done >= from);
}
