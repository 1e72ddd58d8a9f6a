using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneTimeBot.Teams.Configuration;

namespace OneTimeBot.Teams.Hosting;

/// <summary>Says at start-up how the Teams bot runs, and warns loudly when it accepts unauthenticated requests.</summary>
public sealed partial class TeamsStartup(IOptions<TeamsOptions> options, ILogger<TeamsStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (o.AllowUnauthenticatedLocalDevelopment)
        {
            LogUnauthenticated();
        }
        else if (o.AppId.Trim().Length == 0)
        {
            LogNoAppId();
        }
        else
        {
            LogMode(o.TenantId.Trim().Length > 0 ? "single-tenant: activities from other tenants are refused"
                : o.AllowedTenants.Count > 0 ? $"multi-tenant, limited to the {o.AllowedTenants.Count} tenant(s) in Teams:AllowedTenants"
                : "multi-tenant, any tenant");
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "!!! Teams:AllowUnauthenticatedLocalDevelopment is ON: /api/messages accepts requests WITHOUT a Bot Framework token from this machine. For the local Agents Playground only; never in a deployment. !!!")]
    private partial void LogUnauthenticated();

    [LoggerMessage(Level = LogLevel.Information, Message = "Teams: no Teams:AppId is set, so /api/messages refuses every request. Set Teams__AppId and Teams__AppPassword (README, \"Teams\").")]
    private partial void LogNoAppId();

    [LoggerMessage(Level = LogLevel.Information, Message = "Teams bot on /api/messages ({Mode})")]
    private partial void LogMode(string mode);
}
