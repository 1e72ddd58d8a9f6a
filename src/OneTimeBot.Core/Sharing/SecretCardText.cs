using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Localization;

namespace OneTimeBot.Core.Sharing;

/// <summary>
/// Every word a secret card or an error card says, for any platform: the Block Kit and Adaptive Card renderers
/// only lay these out. Times are written by the platform (each reader sees their own time zone), so sentences that
/// hold one take the platform's way of writing it.
/// </summary>
public static class SecretCardText
{
    public static string LinkLabel => CoreStrings.Get("Card.Label.Link");
    public static string ExpiresLabel => CoreStrings.Get("Card.Label.Expires");
    public static string LifetimeLabel => CoreStrings.Get("Card.Label.Lifetime");
    public static string PassphraseLabel => CoreStrings.Get("Card.Label.Passphrase");
    public static string RecipientLabel => CoreStrings.Get("Card.Label.Recipient");
    public static string ServiceLabel => CoreStrings.Get("Card.Label.Service");

    public static string CheckStatusButton => CoreStrings.Get("Card.Button.CheckStatus");
    public static string BurnButton => CoreStrings.Get("Card.Button.Burn");
    public static string OpenLinkButton => CoreStrings.Get("Card.Button.OpenLink");

    public static string BurnConfirmTitle => CoreStrings.Get("Card.BurnConfirm.Title");
    public static string BurnConfirmText => CoreStrings.Get("Card.BurnConfirm.Text");
    public static string BurnConfirmYes => CoreStrings.Get("Card.BurnConfirm.Yes");
    public static string BurnConfirmNo => CoreStrings.Get("Card.BurnConfirm.No");

    /// <summary>Under a live link only its sender sees: how to pass it on without burning it.</summary>
    public static string OpenOnceWarning => CoreStrings.Get("Card.Warning.Sender");

    /// <summary>Under a live link posted where its recipients read it (a message the card was put into).</summary>
    public static string SharedOpenOnceWarning => CoreStrings.Get("Card.Warning.Shared");

    /// <summary>The warning under a live link, for who reads the card.</summary>
    public static string Warning(CardAudience audience) => audience == CardAudience.Sender ? OpenOnceWarning : SharedOpenOnceWarning;

    /// <summary>The title, starting with an emoji every platform shows as such.</summary>
    public static string Title(SecretCard card, CardAudience audience = CardAudience.Sender)
    {
        ArgumentNullException.ThrowIfNull(card);
        var sender = audience == CardAudience.Sender;
        return card.Status switch
        {
            SecretStatus.New when card.Generated => sender ? CoreStrings.Get("Card.Title.Generated.Sender") : CoreStrings.Get("Card.Title.Generated.Shared"),
            SecretStatus.New => sender ? CoreStrings.Get("Card.Title.New.Sender") : CoreStrings.Get("Card.Title.New.Shared"),
            SecretStatus.Viewed => CoreStrings.Get("Card.Title.Viewed"),
            SecretStatus.Burned => CoreStrings.Get("Card.Title.Burned"),
            _ => CoreStrings.Get("Card.Title.Expired"),
        };
    }

    /// <summary>What became of a secret that can no longer be opened, with when if known.</summary>
    public static string StatusSentence(SecretCard card, Func<DateTimeOffset, string> localTime)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(localTime);
        if (card.StatusChangedAt is not { } at)
        {
            return card.Status switch
            {
                SecretStatus.Viewed => CoreStrings.Get("Card.Status.Viewed"),
                SecretStatus.Burned => CoreStrings.Get("Card.Status.Burned"),
                _ => CoreStrings.Get("Card.Status.Expired"),
            };
        }

        var when = localTime(at);
        return card.Status switch
        {
            SecretStatus.Viewed => CoreStrings.Format("Card.Status.ViewedAt", when),
            SecretStatus.Burned => CoreStrings.Format("Card.Status.BurnedAt", when),
            _ => CoreStrings.Format("Card.Status.ExpiredAt", when),
        };
    }

    /// <summary>The expiry fact of a live card (its instant and lifetime), or the lifetime of a spent one.</summary>
    public static (string Label, string Value) ExpiryFact(SecretCard card, Func<DateTimeOffset, string> localTime)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(localTime);
        return card.IsLive
            ? (ExpiresLabel, CoreStrings.Format("Card.Expires.Value", localTime(card.ExpiresAt), card.TtlText))
            : (LifetimeLabel, card.TtlText);
    }

    public static string PassphraseFact(SecretCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return card.PassphraseRequired ? CoreStrings.Get("Card.Passphrase.Required") : NoPassphrase;
    }

    /// <summary>The passphrase fact of a secret without one.</summary>
    public static string NoPassphrase => CoreStrings.Get("Card.Passphrase.None");

    /// <summary>The plain text a notification or a screen reader shows in place of the card.</summary>
    public static string Fallback(SecretCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return card.Status switch
        {
            SecretStatus.New => CoreStrings.Format("Card.Fallback.New", card.Link, card.TtlText),
            SecretStatus.Viewed => CoreStrings.Get("Card.Fallback.Viewed"),
            SecretStatus.Burned => CoreStrings.Get("Card.Fallback.Burned"),
            _ => CoreStrings.Get("Card.Fallback.Expired"),
        };
    }

    /// <summary>An error card's plain text: what went wrong, then what to do.</summary>
    public static string Fallback(SharingError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return $"{error.Message} {error.Hint}";
    }
}
