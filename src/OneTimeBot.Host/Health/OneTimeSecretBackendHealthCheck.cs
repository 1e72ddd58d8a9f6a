using Microsoft.Extensions.Diagnostics.HealthChecks;
using OneTimeBot.Core.Configuration;
using OneTimeSecret.Client;

namespace OneTimeBot.Host.Health;

/// <summary>Ready only when the default Onetime Secret backend answers <c>status</c> (and accepts the account, if one is set).</summary>
public sealed class OneTimeSecretBackendHealthCheck(IOneTimeSecretClient client, DefaultBackend backend) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var connection = backend.Connection();
        var host = connection.BaseUri.GetLeftPart(UriPartial.Authority);
        var result = connection.IsAnonymous
            ? await client.GetStatusAsync(connection, cancellationToken).ConfigureAwait(false)
            : await client.CheckAuthAsync(connection, cancellationToken).ConfigureAwait(false);

        if (!result.IsSuccess)
        {
            return HealthCheckResult.Unhealthy($"Onetime Secret backend {host}: {result.Error.Message}");
        }

        return result.Value.IsNominal
            ? HealthCheckResult.Healthy($"Onetime Secret backend {host} is {result.Value.Status}")
            : HealthCheckResult.Degraded($"Onetime Secret backend {host} reports '{result.Value.Status}'");
    }
}
