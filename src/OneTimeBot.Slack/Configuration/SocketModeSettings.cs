namespace OneTimeBot.Slack.Configuration;

/// <summary>
/// How the host keeps its Socket Mode connections (<c>Slack:SocketMode:*</c>), used when <see cref="SlackOptions.AppToken"/>
/// is set. The defaults suit Slack; tests shorten the delays.
/// </summary>
public sealed class SocketModeSettings
{
    /// <summary>Slack's own limit of open connections per app, over all replicas.</summary>
    public const int SlackMaxConnections = 10;

    /// <summary>
    /// Connections each replica keeps open. Two, so that while one is being replaced (Slack asks every few hours) the
    /// other still receives; Slack spreads envelopes over all of them.
    /// </summary>
    public int Connections { get; set; } = 2;

    /// <summary>The first wait before reconnecting after a failure; it doubles with each failure in a row, with jitter.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between reconnection attempts.</summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long opening a connection may take, up to Slack's <c>hello</c>, before it counts as failed.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a ping goes out on a quiet connection.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a ping may go unanswered before the connection counts as dropped.</summary>
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
