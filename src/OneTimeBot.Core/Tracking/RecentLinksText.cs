using OneTimeBot.Core.Localization;
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
    public static string Title => CoreStrings.Get("Recent.Title");
    public static string BurnButton => CoreStrings.Get("Recent.Button.Burn");
    public static string BurnTitle => CoreStrings.Get("Recent.BurnConfirm.Title");
    public static string ShareButton => CoreStrings.Get("Recent.Button.Share");
    public static string GenerateButton => CoreStrings.Get("Recent.Button.Generate");
    public static string RequestButton => CoreStrings.Get("Recent.Button.Request");

    public static string Empty => CoreStrings.Get("Recent.Empty");

    /// <summary>Above the list: what it holds, and whether its owner is told of changes.</summary>
    public static string Intro(RecentLinkList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return list.Notified
            ? CoreStrings.Format("Recent.Intro.Notified", TrackedShare.RecentPerOwner)
            : CoreStrings.Format("Recent.Intro.Quiet", TrackedShare.RecentPerOwner);
    }

    /// <summary>What the link was and whom it was for, e.g. "🔒 Secret for @bob".</summary>
    public static string Headline(RecentLink link, Func<Person, string> person)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(person);
        return (link.Generated, link.SentTo) switch
        {
            (true, { } to) => CoreStrings.Format("Recent.Headline.GeneratedFor", person(to)),
            (true, null) => CoreStrings.Get("Recent.Headline.Generated"),
            (false, { } to) => CoreStrings.Format("Recent.Headline.SecretFor", person(to)),
            (false, null) => CoreStrings.Get("Recent.Headline.Secret"),
        };
    }

    /// <summary>What became of it and when, with when it was shared and whether it needs a passphrase.</summary>
    public static string Status(RecentLink link, Func<DateTimeOffset, string> localTime)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(localTime);
        var status = (link.Status, link.StatusChangedAt) switch
        {
            (SecretStatus.New, _) => CoreStrings.Format("Recent.Status.New", localTime(link.ExpiresAt)),
            (SecretStatus.Viewed, { } at) => CoreStrings.Format("Recent.Status.ViewedAt", localTime(at)),
            (SecretStatus.Viewed, null) => CoreStrings.Get("Recent.Status.Viewed"),
            (SecretStatus.Burned, { } at) => CoreStrings.Format("Recent.Status.BurnedAt", localTime(at)),
            (SecretStatus.Burned, null) => CoreStrings.Get("Recent.Status.Burned"),
            _ => CoreStrings.Format("Recent.Status.ExpiredAt", localTime(link.ExpiresAt)),
        };
        return link.PassphraseRequired
            ? CoreStrings.Format("Recent.Status.SharedWithPassphrase", status, localTime(link.Created))
            : CoreStrings.Format("Recent.Status.Shared", status, localTime(link.Created));
    }

    /// <summary>The plain-text line a notification or screen reader shows for one link.</summary>
    public static string Fallback(RecentLink link) => link.Status switch
    {
        SecretStatus.New => CoreStrings.Get("Recent.Fallback.New"),
        SecretStatus.Viewed => CoreStrings.Get("Recent.Fallback.Viewed"),
        SecretStatus.Burned => CoreStrings.Get("Recent.Fallback.Burned"),
        _ => CoreStrings.Get("Recent.Fallback.Expired"),
    };
}
