using System.Diagnostics;
using OneTimeBot.Core.Workspaces;

namespace OneTimeBot.Core.Telemetry;

/// <summary>
/// The names the bot's telemetry goes by, and its one <see cref="ActivitySource"/>. Span names are fixed words
/// ("slack command", "follow-up teams message"): never a user's text, a key or a link.
/// </summary>
public static class BotTelemetry
{
    /// <summary>The name of both the bot's <see cref="System.Diagnostics.Metrics.Meter"/> and its <see cref="ActivitySource"/>.</summary>
    public const string Name = "OneTimeBot";

    public const string Slack = "slack";

    public const string Teams = "teams";

    /// <summary>The span of one request to the Bot Framework endpoint, whatever its activity.</summary>
    public const string TeamsActivitySpan = "teams activity";

    public static readonly ActivitySource Source = new(Name);

    public static string Platform(ChatPlatform platform) => platform == ChatPlatform.Teams ? Teams : Slack;

    /// <summary>An outcome tag from an HTTP status: ok, refused (4xx) or failed (5xx).</summary>
    public static string Outcome(int status) => status switch
    {
        < 400 => "ok",
        < 500 => "refused",
        _ => "failed",
    };
}
