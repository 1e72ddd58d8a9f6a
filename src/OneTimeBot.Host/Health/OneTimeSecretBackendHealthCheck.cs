using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OneTimeBot.Core.Configuration;
using OneTimeSecret.Client;

namespace OneTimeBot.Host.Health;

/// <summary>
/// Ready only when the default Onetime Secret backend answers <c>status</c> (and accepts the account, if one is set).
/// The embedded secret service, served by this very host, is not asked over the network: the bot reaches it through
/// <c>Host:PublicUrl</c>, which behind a load balancer leads only to replicas already ready, so a replica asking there
/// could never become ready when none is (a cold start of every replica). Its store is the secret-store check.
/// </summary>
public sealed class OneTimeSecretBackendHealthCheck(IOneTimeSecretClient client, DefaultBackend backend, IOptions<OneTimeSecretOptions> options, IEmbeddedBackend embedded) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (options.Value.IsEmbedded && embedded.IsServed)
        {
            return HealthCheckResult.Healthy("The embedded secret service is served by this host");
        }

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
