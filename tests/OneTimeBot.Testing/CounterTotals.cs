using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace OneTimeBot.Testing;

/// <summary>
/// Adds up what one host's counters record, listening only to meters that host's <see cref="IMeterFactory"/> made,
/// so hosts running side by side in one test process never mix their counts.
/// </summary>
public sealed class CounterTotals : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _totals = new(StringComparer.Ordinal);

    public CounterTotals(IServiceProvider services, string meterName)
    {
        var factory = services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == meterName && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            _totals.AddOrUpdate(instrument.Name, value, (_, total) => total + value);
            foreach (var tag in tags)
            {
                _totals.AddOrUpdate($"{instrument.Name}|{tag.Key}={tag.Value}", value, (_, total) => total + value);
            }
        });
        _listener.Start();
    }

    /// <summary>The total of <paramref name="instrument"/>, or of its measurements tagged <paramref name="tag"/> (<c>name=value</c>).</summary>
    public long Total(string instrument, string? tag = null) =>
        _totals.TryGetValue(tag is null ? instrument : $"{instrument}|{tag}", out var total) ? total : 0;

    public void Dispose() => _listener.Dispose();
}
