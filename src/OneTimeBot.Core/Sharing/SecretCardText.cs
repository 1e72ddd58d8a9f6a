using OneTimeBot.Core.Errors;

namespace OneTimeBot.Core.Sharing;

/// <summary>
/// Every word a secret card or an error card says, for any platform: the Block Kit and Adaptive Card renderers
/// only lay these out. Times are written by the platform (each reader sees their own time zone), so sentences that
/// hold one take the platform's way of writing it.
/// </summary>
public static class SecretCardText
{
    public const string LinkLabel = "One-time link";
    public const string ExpiresLabel = "Expires";
    public const string LifetimeLabel = "Lifetime";
    public const string PassphraseLabel = "Passphrase";
    public const string RecipientLabel = "Recipient";
    public const string ServiceLabel = "Secret service";

    public const string CheckStatusButton = "Check status";
    public const string BurnButton = "Burn now";
    public const string OpenLinkButton = "Open the secret (once)";

    public const string BurnConfirmTitle = "Burn this secret?";
    public const string BurnConfirmText = "The link stops working for everyone, now. This cannot be undone.";
    public const string BurnConfirmYes = "Burn it";
    public const string BurnConfirmNo = "Keep it";

    /// <summary>Under a live link only its sender sees: how to pass it on without burning it.</summary>
    public const string OpenOnceWarning = "Paste the link only where its recipient will see it. Opening it shows the secret once and destroys it, so don't open it yourself.";

    /// <summary>Under a live link posted where its recipients read it (a message the card was put into).</summary>
    public const string SharedOpenOnceWarning = "Opening the link shows the secret once and destroys it. Only its recipient should open it.";

    /// <summary>The warning under a live link, for who reads the card.</summary>
    public static string Warning(CardAudience audience) => audience == CardAudience.Sender ? OpenOnceWarning : SharedOpenOnceWarning;

    /// <summary>The title, starting with an emoji every platform shows as such.</summary>
    public static string Title(SecretCard card, CardAudience audience = CardAudience.Sender)
    {
        ArgumentNullException.ThrowIfNull(card);
        return card.Status switch
        {
            SecretStatus.New when card.Generated => audience == CardAudience.Sender ? "🔑 Generated password, behind a one-time link" : "🔑 A generated password, behind a one-time link",
            SecretStatus.New => audience == CardAudience.Sender ? "🔒 Your one-time link is ready" : "🔒 A one-time secret",
            SecretStatus.Viewed => "👀 Viewed: the secret was opened and is gone",
            SecretStatus.Burned => "🔥 Burned: nobody can open this link now",
            _ => "⌛ Expired: the link was never opened",
        };
    }

    /// <summary>What became of a secret that can no longer be opened, with when if known.</summary>
    public static string StatusSentence(SecretCard card, Func<DateTimeOffset, string> localTime)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(localTime);
        var when = card.StatusChangedAt is { } at ? " " + localTime(at) : "";
        return card.Status switch
        {
            SecretStatus.Viewed => $"The recipient opened the link{when}. The secret no longer exists anywhere.",
            SecretStatus.Burned => $"The secret was burned{when}. The link shows nothing to anyone.",
            _ => $"The secret expired unread{when} and was deleted.",
        };
    }

    /// <summary>The expiry fact of a live card (its instant and lifetime), or the lifetime of a spent one.</summary>
    public static (string Label, string Value) ExpiryFact(SecretCard card, Func<DateTimeOffset, string> localTime)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(localTime);
        return card.IsLive
            ? (ExpiresLabel, $"{localTime(card.ExpiresAt)} (in {card.TtlText})")
            : (LifetimeLabel, card.TtlText);
    }

    public static string PassphraseFact(SecretCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return card.PassphraseRequired ? "Required: tell it to the recipient another way" : "None";
    }

    /// <summary>The plain text a notification or a screen reader shows in place of the card.</summary>
    public static string Fallback(SecretCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return card.Status switch
        {
            SecretStatus.New => $"One-time link: {card.Link} (expires in {card.TtlText})",
            SecretStatus.Viewed => "The secret was viewed and is gone.",
            SecretStatus.Burned => "The secret was burned.",
            _ => "The secret expired unread.",
        };
    }

    /// <summary>An error card's plain text: what went wrong, then what to do.</summary>
    public static string Fallback(SharingError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return $"{error.Message} {error.Hint}";
    }
}
