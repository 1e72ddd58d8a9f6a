using OneTimeBot.Core.Localization;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Core.Sharing;

namespace OneTimeBot.Core.Messaging;

/// <summary>
/// Every word a <see cref="DirectMessage"/> says, and what a sender's card says about the person it was sent to, for
/// any platform: the Block Kit and Adaptive Card renderers only lay these out. A person is written the platform's way
/// (a Slack mention, a Teams name) and a time in the reader's own time zone, so the sentences that hold them take both
/// already written. Text someone typed (a request's note) comes in escaped for the platform's markup.
/// </summary>
public static class DirectMessageText
{
    public static string SendSecurelyButton => CoreStrings.Get("Dm.Button.SendSecurely");
    public static string DeclineButton => CoreStrings.Get("Dm.Button.Decline");

    /// <summary>How a person the platform gave no name for is written where a name would go.</summary>
    public static string Someone => CoreStrings.Get("Dm.Someone");

    public static string PersonYouPicked => CoreStrings.Get("Dm.PersonYouPicked");

    public static string PersonYouAsked => CoreStrings.Get("Dm.PersonYouAsked");

    /// <summary>A link sent to the person it is for: the title, which holds no person (a Slack header cannot show a mention).</summary>
    public static string LinkForYouTitle(LinkForYou message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Card.Generated ? CoreStrings.Get("Dm.LinkForYou.Title.Generated") : CoreStrings.Get("Dm.LinkForYou.Title");
    }

    /// <summary>Who sent it, above the link.</summary>
    public static string SentYouALink(string from) => CoreStrings.Format("Dm.LinkForYou.SentYou", from);

    /// <summary>What the link answers, when it answers a request of the reader's.</summary>
    public static string AnswersYourRequest(string note) => CoreStrings.Format("Dm.LinkForYou.AnswersYourRequest", note);

    public static string PassphraseFact(bool required, string from) =>
        required ? CoreStrings.Format("Dm.LinkForYou.PassphraseRequired", from) : SecretCardText.NoPassphrase;

    public static string OpenOnce => CoreStrings.Get("Dm.LinkForYou.OpenOnce");

    public static string LinkForYouFallback(LinkForYou message, string from)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Card.IsLive
            ? CoreStrings.Format("Dm.LinkForYou.Fallback", from, message.Card.Link, message.Card.TtlText)
            : CoreStrings.Format("Dm.LinkForYou.FallbackSpent", from);
    }

    public static string StatusChangedTitle(LinkStatusChanged message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Status switch
        {
            SecretStatus.Viewed => CoreStrings.Get("Dm.StatusChanged.Title.Viewed"),
            SecretStatus.Burned => CoreStrings.Get("Dm.StatusChanged.Title.Burned"),
            SecretStatus.Expired => CoreStrings.Get("Dm.StatusChanged.Title.Expired"),
            _ => CoreStrings.Get("Dm.StatusChanged.Title.New"),
        };
    }

    /// <summary>e.g. "Your link for @bob was opened today at 10:42. The secret no longer exists anywhere."</summary>
    public static string StatusChangedSentence(LinkStatusChanged message, string? sentTo, string at)
    {
        ArgumentNullException.ThrowIfNull(message);
        var link = YourLink(message.Generated, sentTo);
        return message.Status switch
        {
            SecretStatus.Viewed => CoreStrings.Format("Dm.StatusChanged.Viewed", link, at),
            SecretStatus.Burned => CoreStrings.Format("Dm.StatusChanged.Burned", link, at),
            SecretStatus.Expired => CoreStrings.Format("Dm.StatusChanged.Expired", link, at),
            _ => CoreStrings.Format("Dm.StatusChanged.New", link, at),
        };
    }

    public static string SharedAt(string at) => CoreStrings.Format("Dm.StatusChanged.SharedAt", at);

    public static string StatusChangedFallback(LinkStatusChanged message, string? sentTo)
    {
        ArgumentNullException.ThrowIfNull(message);
        var link = YourLink(generated: false, sentTo);
        return message.Status switch
        {
            SecretStatus.Viewed => CoreStrings.Format("Dm.StatusChanged.Fallback.Viewed", link),
            SecretStatus.Burned => CoreStrings.Format("Dm.StatusChanged.Fallback.Burned", link),
            SecretStatus.Expired => CoreStrings.Format("Dm.StatusChanged.Fallback.Expired", link),
            _ => CoreStrings.Format("Dm.StatusChanged.Fallback.New", link),
        };
    }

    public static string SecretAskedTitle => CoreStrings.Get("Dm.SecretAsked.Title");

    /// <summary>e.g. "Ada asks you for: the staging DB password".</summary>
    public static string AsksYouFor(string from, string note) => CoreStrings.Format("Dm.SecretAsked.AsksYouFor", from, note);

    /// <summary>What the buttons do and until when, under a request.</summary>
    public static string HowToAnswer(string from, string expiresAt) =>
        CoreStrings.Format("Dm.SecretAsked.HowToAnswer", expiresAt, SendSecurelyButton, from);

    public static string RequestDeclinedTitle => CoreStrings.Get("Dm.RequestDeclined.Title");

    public static string DeclinedYourRequest(string by, string note) => CoreStrings.Format("Dm.RequestDeclined.Sentence", by, note);

    public static string DeclinedHint => CoreStrings.Get("Dm.RequestDeclined.Hint");

    /// <summary>On the sender's card: the link went to <paramref name="to"/> privately.</summary>
    public static string SentTo(string to) => CoreStrings.Format("Dm.SentTo", to);

    public static string SentToWarning => CoreStrings.Get("Dm.SentTo.Warning");

    /// <summary>On the sender's card: the link could not be sent to <paramref name="to"/>.</summary>
    public static string NotSentTo(string to) => CoreStrings.Format("Dm.NotSentTo", to);

    public static string PassItOnYourself => CoreStrings.Get("Dm.NotSentTo.PassItOnYourself");

    /// <summary>A sender card's plain text, with whether the link was sent.</summary>
    public static string CardFallback(SecretCard card, Func<Person, string> name)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(name);
        var plain = SecretCardText.Fallback(card);
        return card.SentTo is { } sent ? CoreStrings.Format("Dm.CardFallback.Sent", plain, name(sent))
            : card.NotSent is { } notSent ? CoreStrings.Format("Dm.CardFallback.NotSent", plain, name(notSent.To), notSent.Problem)
            : plain;
    }

    // The subject of a sentence about the reader's link; whom it was for comes in written the platform's way.
    private static string YourLink(bool generated, string? sentTo) => (generated, sentTo) switch
    {
        (true, null) => CoreStrings.Get("Dm.YourLink.Generated"),
        (true, { } to) => CoreStrings.Format("Dm.YourLink.GeneratedFor", to),
        (false, null) => CoreStrings.Get("Dm.YourLink"),
        (false, { } to) => CoreStrings.Format("Dm.YourLink.For", to),
    };
}
