using Microsoft.Extensions.Options;
using OneTimeBot.Core.Configuration;
using OneTimeBot.Core.RateLimits;

namespace OneTimeBot.Core.Tracking;

/// <summary>
/// How much polling one secret service host gets: at most <see cref="NotificationOptions.PollsPerHostPerMinute"/> a
/// minute, and nothing at all while the host asked us to wait (a 429 and its <c>Retry-After</c>). Both are kept in the
/// shared store, so all replicas together keep to the budget, and the one replica that heard a 429 stops every other
/// replica's polls of that host too.
/// </summary>
public sealed class PollBudget(IRateCounter counter, IOptions<NotificationOptions> options)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>When polling <paramref name="host"/> may go on, if it may not now; null when a poll may be made.</summary>
    public async Task<DateTimeOffset?> TakeAsync(string host, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (await counter.PausedUntilAsync(PauseKey(host), now, cancellationToken).ConfigureAwait(false) is { } until)
        {
            return until;
        }

        var window = FixedWindow.At(now, Window);
        var count = await counter.CountAsync("poll:" + host.ToLowerInvariant(), window, cancellationToken).ConfigureAwait(false);
        return count <= options.Value.PollsPerHostPerMinute ? null : now + window.Remaining;
    }

    /// <summary>The host asked for a pause: no replica polls it before <paramref name="until"/>.</summary>
    public Task WaitUntilAsync(string host, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        return counter.PauseAsync(PauseKey(host), now, until, cancellationToken);
    }

    private static string PauseKey(string host) => "poll-pause:" + host.ToLowerInvariant();
}
