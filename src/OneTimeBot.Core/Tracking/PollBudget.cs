using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using OneTimeBot.Core.Configuration;
using OneTimeBot.Core.RateLimits;

namespace OneTimeBot.Core.Tracking;

/// <summary>
/// How much polling one secret service host gets: at most <see cref="NotificationOptions.PollsPerHostPerMinute"/> a
/// minute, counted in the shared store so all replicas together keep to it, and nothing at all while the host asked
/// us to wait (a 429 and its <c>Retry-After</c>). That wait is kept by each replica for itself: the one that heard it
/// stops, and another stops as soon as it hears the same.
/// </summary>
public sealed class PollBudget(IRateCounter counter, IOptions<NotificationOptions> options)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _waitUntil = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>When polling <paramref name="host"/> may go on, if it may not now; null when a poll may be made.</summary>
    public async Task<DateTimeOffset?> TakeAsync(string host, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (_waitUntil.TryGetValue(host, out var until) && until > now)
        {
            return until;
        }

        var window = FixedWindow.At(now, Window);
        var count = await counter.CountAsync("poll:" + host.ToLowerInvariant(), window, cancellationToken).ConfigureAwait(false);
        return count <= options.Value.PollsPerHostPerMinute ? null : now + window.Remaining;
    }

    /// <summary>The host asked for a pause: no poll of it before <paramref name="until"/>.</summary>
    public void WaitUntil(string host, DateTimeOffset until)
    {
        ArgumentNullException.ThrowIfNull(host);
        _waitUntil.AddOrUpdate(host, until, (_, known) => known > until ? known : until);
    }
}
