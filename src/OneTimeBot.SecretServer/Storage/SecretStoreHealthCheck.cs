using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OneTimeBot.SecretServer.Storage;

/// <summary>Ready only when the secret store answers.</summary>
public sealed class SecretStoreHealthCheck(ISecretStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.PingAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"{store.GetType().Name} answers");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{store.GetType().Name} does not answer ({ex.GetType().Name})");
        }
    }
}
