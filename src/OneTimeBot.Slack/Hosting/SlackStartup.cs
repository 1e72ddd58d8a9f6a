using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneTimeBot.Slack.Configuration;

namespace OneTimeBot.Slack.Hosting;

/// <summary>Resolves the signing secret at start-up (so Development's generated one is reported then) and says how the app runs.</summary>
public sealed partial class SlackStartup(SlackSigningSecret signingSecret, IOptions<SlackOptions> options, ILogger<SlackStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = signingSecret.Value;
        var o = options.Value;
        LogMode(o.UsesOAuth ? "installable into many workspaces (OAuth, /slack/install)"
            : o.UsesBotToken ? "one workspace (bot token)"
            : "local only, without a bot token: modals and DMs are off");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack endpoints under /slack: {Mode}")]
    private partial void LogMode(string mode);
}
