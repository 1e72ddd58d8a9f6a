using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OneTimeBot.Slack.SocketMode;

namespace OneTimeBot.Host.Health;

/// <summary>
/// Ready while at least one Slack Socket Mode connection is open (Slack said hello on it): with none, nothing reaches
/// the app from Slack. Fewer than configured is degraded (one is being replaced, or reconnecting).
/// </summary>
public sealed class SlackSocketModeHealthCheck(SocketModeStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var open = status.Open;
        var counted = string.Create(CultureInfo.InvariantCulture, $"Slack Socket Mode: {open} of {status.Wanted} connection(s) open");
        return Task.FromResult(
            status.LinkDisabled ? HealthCheckResult.Unhealthy("Slack Socket Mode: Slack turned Socket Mode off for the app (link_disabled)")
            : open == 0 ? HealthCheckResult.Unhealthy(counted)
            : open < status.Wanted ? HealthCheckResult.Degraded(counted)
            : HealthCheckResult.Healthy(counted));
    }
}
