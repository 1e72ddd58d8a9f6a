using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneTimeBot.Slack.Configuration;

namespace OneTimeBot.Slack.Hosting;

/// <summary>Resolves the signing secret at start-up when HTTP requests are taken (so Development's generated one is reported then) and says how the app runs.</summary>
public sealed partial class SlackStartup(SlackSigningSecret signingSecret, IOptions<SlackOptions> options, ILogger<SlackStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (o.ReceivesHttp)
        {
            _ = signingSecret.Value;
        }

        LogMode(o.UsesOAuth ? "installable into many workspaces (OAuth, /slack/install)"
            : o.UsesBotToken ? "one workspace (bot token)"
            : "local only, without a bot token: modals and DMs are off");
        LogTransport(o.UsesSocketMode && o.ReceivesHttp ? "Socket Mode, and signed requests to /slack/commands, /slack/interactivity and /slack/events"
            : o.UsesSocketMode ? "Socket Mode only: no signing secret, so /slack/commands, /slack/interactivity and /slack/events are not mapped"
            : "signed requests to /slack/commands, /slack/interactivity and /slack/events");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack endpoints under /slack: {Mode}")]
    private partial void LogMode(string mode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack reaches the app through {Transport}")]
    private partial void LogTransport(string transport);
}
