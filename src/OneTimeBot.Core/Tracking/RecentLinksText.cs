using OneTimeBot.Core.Workspaces;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Sharing;

namespace OneTimeBot.Core.Tracking;

/// <summary>
/// Every word a list of recent links says, for any platform: the renderers only lay these out. People and times are
/// written by the platform (a Slack mention, a Teams name; each reader's own time zone), so sentences that hold one
/// take the platform's way of writing it.
/// </summary>
public static class RecentLinksText
{
    public const string Title = "Your recent links";
    public const string BurnButton = "Burn";
    public const string BurnTitle = "Burn this link?";
    public const string ShareButton = "Share a secret";
    public const string GenerateButton = "Generate a password";
    public const string RequestButton = "Request a secret";

    public const string Empty = "You haven't shared a link from chat lately. Links you share or generate show up here, with what became of each.";

    /// <summary>Above the list: what it holds, and whether its owner is told of changes.</summary>
    public static string Intro(RecentLinkList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        var which = $"Your last {TrackedShare.RecentPerOwner} links shared from chat, newest first.";
        return list.Notified
            ? $"{which} You get a message when one is opened, burned or expires unopened (notify off stops that)."
            : $"{which} You get no message when one is opened (notify on changes that).";
    }

    /// <summary>What the link was and whom it was for, e.g. "🔒 Secret for @bob".</summary>
    public static string Headline(RecentLink link, Func<Person, string> person)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(person);
        var what = link.Generated ? "🔑 Generated password" : "🔒 Secret";
        return link.SentTo is { } to ? $"{what} for {person(to)}" : what;
    }

    /// <summary>What became of it and when, with when it was shared and whether it needs a passphrase.</summary>
    public static string Status(RecentLink link, Func<DateTimeOffset, string> localTime)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(localTime);
        string When(DateTimeOffset? at) => at is { } t ? " " + localTime(t) : "";
        var status = link.Status switch
        {
            SecretStatus.New => $"⏳ Not opened yet · expires {localTime(link.ExpiresAt)}",
            SecretStatus.Viewed => $"👀 Opened{When(link.StatusChangedAt)}",
            SecretStatus.Burned => $"🔥 Burned{When(link.StatusChangedAt)}",
            _ => $"⌛ Expired unopened{When(link.ExpiresAt)}",
        };
        var passphrase = link.PassphraseRequired ? " · passphrase needed" : "";
        return $"{status} · shared {localTime(link.Created)}{passphrase}";
    }

    /// <summary>The plain-text line a notification or screen reader shows for one link.</summary>
    public static string Fallback(RecentLink link) => link.Status switch
    {
        SecretStatus.New => "Not opened yet",
        SecretStatus.Viewed => "Opened",
        SecretStatus.Burned => "Burned",
        _ => "Expired unopened",
    };
}
