using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneTimeBot.Core.Storage;
using OneTimeBot.SecretServer.Configuration;

namespace OneTimeBot.SecretServer.Storage;

/// <summary>Deletes expired secrets and receipts on a schedule, so "expired" means gone from disk, not hidden.</summary>
public sealed class SecretStorePurger(ISecretStore store, TimeProvider time, IOptions<SecretServerOptions> options, ILogger<SecretStorePurger> logger)
    : PeriodicPurge(time, logger)
{
    protected override TimeSpan Interval => options.Value.PurgeInterval;

    protected override string What => "secrets and secret receipts";

    protected override Task<int> PurgeAsync(DateTimeOffset now, CancellationToken cancellationToken) => store.PurgeExpiredAsync(now, cancellationToken);
}
