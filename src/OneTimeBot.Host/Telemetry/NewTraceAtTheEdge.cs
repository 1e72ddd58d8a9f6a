using System.Diagnostics;

namespace OneTimeBot.Host.Telemetry;

/// <summary>
/// Where traces begin and what they carry out. Every request this host serves comes from the internet (Slack, Teams,
/// a browser opening a link), so a <c>traceparent</c> or <c>baggage</c> header on it is the sender's say, not ours: it
/// would let anyone choose our trace ids and sampling, and have whatever they put in baggage carried on to a
/// workspace's backend and to Slack. Each request therefore starts a trace of its own, and outgoing calls carry only
/// that trace's <c>traceparent</c> and <c>tracestate</c>, never baggage.
/// </summary>
internal sealed class NewTraceAtTheEdge : DistributedContextPropagator
{
    public static readonly NewTraceAtTheEdge Instance = new();

    private const string TraceParent = "traceparent";
    private const string TraceState = "tracestate";

    private NewTraceAtTheEdge()
    {
    }

    public override IReadOnlyCollection<string> Fields { get; } = [TraceParent, TraceState];

    public override void Inject(Activity? activity, object? carrier, PropagatorSetterCallback? setter)
    {
        if (activity is null || setter is null || activity.IdFormat != ActivityIdFormat.W3C || activity.Id is not { } id)
        {
            return;
        }

        setter(carrier, TraceParent, id);
        if (activity.TraceStateString is { Length: > 0 } state)
        {
            setter(carrier, TraceState, state);
        }
    }

    public override void ExtractTraceIdAndState(object? carrier, PropagatorGetterCallback? getter, out string? traceId, out string? traceState)
    {
        traceId = null;
        traceState = null;
    }

    public override IEnumerable<KeyValuePair<string, string?>>? ExtractBaggage(object? carrier, PropagatorGetterCallback? getter) => null;
}
