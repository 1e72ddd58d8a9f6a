using Microsoft.Extensions.Logging;
using OneTimeBot.Core.RateLimits;

namespace OneTimeBot.Core.Storage;

/// <summary>Deletes rate counters whose window has passed, from stores without native expiry.</summary>
public sealed class RateCounterPurger(IRateCounter counters, TimeProvider time, ILogger<RateCounterPurger> logger) : PeriodicPurge(time, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(5);

    protected override string What => "rate counters";

    protected override Task<int> PurgeAsync(DateTimeOffset now, CancellationToken cancellationToken) => counters.PurgeExpiredAsync(now, cancellationToken);
}
