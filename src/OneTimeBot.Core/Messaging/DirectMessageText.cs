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
    public const string SendSecurelyButton = "Send it securely";
    public const string DeclineButton = "Decline";

    /// <summary>How a person the platform gave no name for is written where a name would go.</summary>
    public const string Someone = "Someone";

    public const string PersonYouPicked = "the person you picked";

    public const string PersonYouAsked = "the person you asked";

    /// <summary>A link sent to the person it is for: the title, which holds no person (a Slack header cannot show a mention).</summary>
    public static string LinkForYouTitle(LinkForYou message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Card.Generated ? "🔑 A password for you, behind a one-time link" : "🔒 A one-time secret for you";
    }

    /// <summary>Who sent it, above the link.</summary>
    public static string SentYouALink(string from) => $"{from} sent you a one-time link:";

    /// <summary>What the link answers, when it answers a request of the reader's.</summary>
    public static string AnswersYourRequest(string note) => $"It answers your request for: {note}";

    public static string PassphraseFact(bool required, string from) =>
        required ? $"Required: {from} tells you it another way; it is never in this message" : "None";

    public const string OpenOnce = "Opening the link shows the secret once and then destroys it, so open it when you are ready to copy it.";

    public static string LinkForYouFallback(LinkForYou message, string from)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Card.IsLive
            ? $"{from} sent you a one-time link: {message.Card.Link} (expires in {message.Card.TtlText})"
            : $"{from} sent you a one-time link, which can no longer be opened.";
    }

    public static string StatusChangedTitle(LinkStatusChanged message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Status switch
        {
            SecretStatus.Viewed => "👀 Your link was opened",
            SecretStatus.Burned => "🔥 Your link was burned",
            SecretStatus.Expired => "⌛ Your link expired unopened",
            _ => "🔒 Your link is waiting to be opened",
        };
    }

    /// <summary>e.g. "Your link for @bob was opened today at 10:42. The secret no longer exists anywhere."</summary>
    public static string StatusChangedSentence(LinkStatusChanged message, string? sentTo, string at)
    {
        ArgumentNullException.ThrowIfNull(message);
        var link = (message.Generated ? "Your generated password's link" : "Your link") + (sentTo is null ? "" : $" for {sentTo}");
        return message.Status switch
        {
            SecretStatus.Viewed => $"{link} was opened {at}. The secret no longer exists anywhere.",
            SecretStatus.Burned => $"{link} was burned {at}. Nobody can open it now.",
            SecretStatus.Expired => $"{link} expired unopened {at}, and the secret was deleted.",
            _ => $"{link} has not been opened yet ({at}).",
        };
    }

    public static string SharedAt(string at) => $"Shared {at}.";

    public static string StatusChangedFallback(LinkStatusChanged message, string? sentTo)
    {
        ArgumentNullException.ThrowIfNull(message);
        var link = "Your link" + (sentTo is null ? "" : $" for {sentTo}");
        return message.Status switch
        {
            SecretStatus.Viewed => $"{link} was opened.",
            SecretStatus.Burned => $"{link} was burned.",
            SecretStatus.Expired => $"{link} expired unopened.",
            _ => $"{link} has not been opened yet.",
        };
    }

    public const string SecretAskedTitle = "🙋 Someone asks you for a secret";

    /// <summary>e.g. "Ada asks you for: the staging DB password".</summary>
    public static string AsksYouFor(string from, string note) => $"{from} asks you for: {note}";

    /// <summary>What the buttons do and until when, under a request.</summary>
    public static string HowToAnswer(string from, string expiresAt) =>
        $"The request expires {expiresAt}. {SendSecurelyButton} opens a form: the secret goes straight to the secret service, and only a one-time link reaches {from}.";

    public const string RequestDeclinedTitle = "🙅 Your request was declined";

    public static string DeclinedYourRequest(string by, string note) => $"{by} declined your request for: {note}";

    public const string DeclinedHint = "Nothing was shared. If you still need it, ask them another way.";

    /// <summary>On the sender's card: the link went to <paramref name="to"/> privately.</summary>
    public static string SentTo(string to) => $"📨 Sent to {to}, privately, in their chat with OneTimeBot.";

    public const string SentToWarning = "Don't open the link yourself: opening it shows the secret once and destroys it.";

    /// <summary>On the sender's card: the link could not be sent to <paramref name="to"/>.</summary>
    public static string NotSentTo(string to) => $"Not sent to {to}.";

    public const string PassItOnYourself = "Pass the link on yourself, somewhere only they will see it. Opening it shows the secret once and destroys it, so don't open it yourself.";

    /// <summary>A sender card's plain text, with whether the link was sent.</summary>
    public static string CardFallback(SecretCard card, Func<Person, string> name)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(name);
        var plain = SecretCardText.Fallback(card);
        return card.SentTo is { } sent ? $"{plain} Sent to {name(sent)}."
            : card.NotSent is { } notSent ? $"{plain} Not sent to {name(notSent.To)}: {notSent.Problem}"
            : plain;
    }
}
