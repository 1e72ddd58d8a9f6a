namespace OneTimeBot.Core.Configuration;

/// <summary>
/// Section <c>Notifications</c>: messages to a link's owner when it is opened, burned or expires unopened, and the
/// polling of remote Onetime Secret servers that learns of it.
/// </summary>
public sealed class NotificationOptions
{
    public const string SectionName = "Notifications";

    /// <summary>Whether people get these messages in a workspace whose admins did not say (each person can still turn them off or on).</summary>
    public bool OnByDefault { get; set; } = true;

    /// <summary>
    /// How many receipts the bot may read from one secret service host per minute, all replicas together, so that
    /// polling never crowds out people sharing secrets there. Polls over it wait for the next minute.
    /// </summary>
    public int PollsPerHostPerMinute { get; set; } = 60;

    /// <summary>How often each replica looks for polls that are due.</summary>
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromSeconds(15);
}
