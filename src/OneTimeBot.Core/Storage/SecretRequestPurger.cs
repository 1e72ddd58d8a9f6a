using Microsoft.Extensions.Logging;
using OneTimeBot.Core.Requests;

namespace OneTimeBot.Core.Storage;

/// <summary>Deletes requests kept past their time from stores without native expiry.</summary>
public sealed class SecretRequestPurger(ISecretRequestStore requests, TimeProvider time, ILogger<SecretRequestPurger> logger) : PeriodicPurge(time, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(5);

    protected override string What => "secret requests";

    protected override Task<int> PurgeAsync(DateTimeOffset now, CancellationToken cancellationToken) => requests.PurgeExpiredAsync(now, cancellationToken);
}
