using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OneTimeBot.Slack.SocketMode;

namespace OneTimeBot.Host.Health;

/// <summary>
/// Healthy while every wanted Slack Socket Mode connection is open (Slack said hello on it); otherwise degraded, never
/// unhealthy: haproxy and Kubernetes route on <c>/readyz</c>, and a Slack outage, an outbound firewall or Socket Mode
/// turned off must not take the secret pages and Teams out of rotation with it.
/// </summary>
public sealed class SlackSocketModeHealthCheck(SocketModeStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var open = status.Open;
        var counted = string.Create(CultureInfo.InvariantCulture, $"Slack Socket Mode: {open} of {status.Wanted} connection(s) open");
        return Task.FromResult(
            status.LinkDisabled ? HealthCheckResult.Degraded("Slack Socket Mode: Socket Mode was turned off for the app (link_disabled); retrying at the longest wait")
            : open < status.Wanted ? HealthCheckResult.Degraded(counted)
            : HealthCheckResult.Healthy(counted));
    }
}
