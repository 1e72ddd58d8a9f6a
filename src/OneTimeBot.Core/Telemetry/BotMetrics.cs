using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OneTimeBot.Core.Telemetry;

/// <summary>
/// The bot's own instruments, on the one <see cref="Meter"/> named <see cref="BotTelemetry.Name"/>. Every tag is from a
/// short, fixed set (a platform, a kind of request, an outcome, a backend's host name): never a user, workspace, key,
/// link or anything typed, so that a metric can neither leak a secret nor grow a series per request.
/// </summary>
public sealed class BotMetrics
{
    /// <summary>Slack answers a slash command, interaction or event as failed after 3 s.</summary>
    public static readonly TimeSpan SlackAckDeadline = TimeSpan.FromSeconds(3);

    /// <summary>Teams gives up on an invoke after 5 s.</summary>
    public static readonly TimeSpan TeamsAckDeadline = TimeSpan.FromSeconds(5);

    private readonly Counter<long> _requests;
    private readonly Histogram<double> _ackDuration;
    private readonly Counter<long> _lateAcks;
    private readonly Counter<long> _backendCalls;
    private readonly Histogram<double> _backendDuration;
    private readonly Counter<long> _linksCreated;
    private readonly Counter<long> _linksSettled;
    private readonly Counter<long> _rateLimited;
    private readonly Counter<long> _deliveries;

    public BotMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(BotTelemetry.Name);
        _requests = meter.CreateCounter<long>("onetimebot.requests", "{request}",
            "Slack commands, interactions and events, and Teams activities and invokes, by how they ended.");
        _ackDuration = meter.CreateHistogram<double>("onetimebot.ack.duration", "s",
            "From a request's arrival to the platform's acknowledgement.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2, 3, 4, 5, 7.5, 10] });
        _lateAcks = meter.CreateCounter<long>("onetimebot.ack.late", "{request}",
            "Acknowledgements later than the platform's deadline (Slack 3 s, Teams 5 s): the user saw an error.");
        _backendCalls = meter.CreateCounter<long>("onetimebot.backend.calls", "{call}",
            "Calls to a Onetime Secret backend, each attempt counted, by the backend's host and outcome.");
        _backendDuration = meter.CreateHistogram<double>("onetimebot.backend.duration", "s",
            "How long one call to a Onetime Secret backend took.");
        _linksCreated = meter.CreateCounter<long>("onetimebot.links.created", "{link}", "One-time links created.");
        _linksSettled = meter.CreateCounter<long>("onetimebot.links.settled", "{link}",
            "Tracked one-time links that reached their end: viewed, burned or expired.");
        _rateLimited = meter.CreateCounter<long>("onetimebot.ratelimit.refusals", "{request}",
            "Creations refused because a user or workspace made too many.");
        _deliveries = meter.CreateCounter<long>("onetimebot.followups.deliveries", "{delivery}",
            "Answers delivered after the platform was acknowledged, by channel and outcome.");
    }

    /// <summary>
    /// Whether <see cref="Acknowledged"/> records anything: false while no listener takes its instruments, so that a
    /// caller can leave out timing a request that nobody would see measured.
    /// </summary>
    public bool AcknowledgementsMeasured => _requests.Enabled || _ackDuration.Enabled || _lateAcks.Enabled;

    /// <summary>A request the platform sent, answered after <paramref name="elapsed"/>.</summary>
    public void Acknowledged(string platform, string kind, string outcome, TimeSpan elapsed)
    {
        var deadline = platform == BotTelemetry.Teams ? TeamsAckDeadline : SlackAckDeadline;
        var late = elapsed > deadline;
        _requests.Add(1, new TagList { { "platform", platform }, { "kind", kind }, { "outcome", outcome } });
        _ackDuration.Record(elapsed.TotalSeconds, new TagList { { "platform", platform }, { "kind", kind }, { "late", late } });
        if (late)
        {
            _lateAcks.Add(1, new TagList { { "platform", platform }, { "kind", kind } });
        }
    }

    /// <param name="host">The backend's host name only: a path would hold a secret's key.</param>
    public void BackendCalled(string host, string outcome, TimeSpan elapsed)
    {
        var tags = new TagList { { "backend.host", host }, { "outcome", outcome } };
        _backendCalls.Add(1, tags);
        _backendDuration.Record(elapsed.TotalSeconds, tags);
    }

    public void LinkCreated(string platform, string backendKind, bool generated) =>
        _linksCreated.Add(1, new TagList { { "platform", platform }, { "backend.kind", backendKind }, { "generated", generated } });

    /// <param name="status">viewed, burned or expired.</param>
    public void LinkSettled(string platform, string status) =>
        _linksSettled.Add(1, new TagList { { "platform", platform }, { "status", status } });

    /// <param name="scope">user or workspace: whose limit was reached.</param>
    public void RateLimited(string scope) => _rateLimited.Add(1, new TagList { { "scope", scope } });

    /// <param name="channel">response_url, connector or dm.</param>
    public void Delivered(string platform, string channel, bool succeeded) =>
        _deliveries.Add(1, new TagList { { "platform", platform }, { "channel", channel }, { "outcome", succeeded ? "ok" : "failed" } });
}
