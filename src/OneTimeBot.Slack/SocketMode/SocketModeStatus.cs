namespace OneTimeBot.Slack.SocketMode;

/// <summary>How the Socket Mode connections stand, for <c>/readyz</c>: how many are open (Slack said hello) of how many wanted.</summary>
public sealed class SocketModeStatus
{
    private int _open;
    private volatile bool _linkDisabled;

    /// <summary>The connections this replica keeps (<c>Slack:SocketMode:Connections</c>).</summary>
    public int Wanted { get; init; }

    public int Open => Volatile.Read(ref _open);

    /// <summary>Slack said <c>link_disabled</c>: Socket Mode was turned off for the app; cleared once Slack says hello again.</summary>
    public bool LinkDisabled => _linkDisabled;

    internal void Opened()
    {
        _linkDisabled = false;
        Interlocked.Increment(ref _open);
    }

    internal void Closed() => Interlocked.Decrement(ref _open);

    internal void Disable() => _linkDisabled = true;
}
