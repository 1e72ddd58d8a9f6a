namespace OneTimeBot.Core.Tracking;

/// <summary>
/// When a link's backend is asked about it. A remote Onetime Secret server tells nobody when a link is opened, so it is
/// asked 1, 5 and 15 minutes after the link was made (most links are opened soon, if at all), then hourly, and once
/// more as it expires, to notice that it expired unopened. The embedded secret service says when a link is opened or
/// burned, so it is asked only at expiry. A backend that could not answer is asked again at the next step, and after
/// expiry hourly, until the receipt is gone.
/// </summary>
public static class PollSchedule
{
    private static readonly TimeSpan[] Early = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15)];
    private static readonly TimeSpan Hourly = TimeSpan.FromHours(1);

    /// <summary>The first poll of a link made at <paramref name="created"/>.</summary>
    public static DateTimeOffset First(DateTimeOffset created, DateTimeOffset expiresAt, bool announcesChanges) =>
        announcesChanges ? expiresAt : Next(created, expiresAt, created, announcesChanges);

    /// <summary>The poll after one at <paramref name="now"/>.</summary>
    public static DateTimeOffset Next(DateTimeOffset created, DateTimeOffset expiresAt, DateTimeOffset now, bool announcesChanges)
    {
        if (now >= expiresAt)
        {
            return now + Hourly;
        }

        if (announcesChanges)
        {
            return expiresAt;
        }

        // A loop, not LINQ: this runs for every new link, and the query allocated its closures and iterators each time.
        DateTimeOffset step = default;
        foreach (var offset in Early)
        {
            if (created + offset > now)
            {
                step = created + offset;
                break;
            }
        }

        if (step == default)
        {
            var sinceLastEarly = now - (created + Early[^1]);
            step = created + Early[^1] + Hourly * (Math.Floor(sinceLastEarly / Hourly) + 1);
        }

        return step < expiresAt ? step : expiresAt;
    }
}
