using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OneTimeBot.Host.Hosting.Shutdown;

/// <summary>Not ready once the host is stopping, whatever the store and backend say: it should get no new requests.</summary>
public sealed class DrainingHealthCheck(ReadinessDrain drain) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(drain.IsDraining
            ? HealthCheckResult.Unhealthy("The host is stopping: finishing what it started, taking nothing new")
            : HealthCheckResult.Healthy("Serving"));
}
