using System.Globalization;
using System.Net.Mail;
using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Expiry;
using OneTimeBot.Core.Workspaces;
using OneTimeSecret.Client;

namespace OneTimeBot.Core.Sharing;

/// <summary>The input rules, each failure a sentence naming what was wrong and how to fix it, tied to its field.</summary>
public static class SharingRules
{
    public const int MaxSecretBytes = 10_000;
    public const int MinPassphrase = 4;
    public const int MaxPassphrase = 128;
    public const int MinLength = 4;
    public const int MaxLength = 128;
    public const int DefaultLength = 12;
    public static readonly TimeSpan MinTtl = TimeSpan.FromMinutes(1);

    public static SharingError? CheckSecret(SecretText? secret)
    {
        if (secret is null || string.IsNullOrWhiteSpace(secret.Reveal()))
        {
            return Invalid(SharingError.SecretField, "The secret is empty.", "Type or paste the secret you want to share.");
        }

        var bytes = secret.Utf8ByteCount;
        return bytes > MaxSecretBytes
            ? Invalid(SharingError.SecretField, $"The secret is {bytes:N0} bytes long; the limit is {MaxSecretBytes:N0}.", "Share a shorter secret, or split it into parts.")
            : null;
    }

    public static Result<TimeSpan, SharingError> CheckTtl(string? text, WorkspaceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var range = $"Choose between 1 minute and {Ttl.Format(settings.MaxTtl)}, e.g. 15m, 1h, 7d or 1w.";
        if (string.IsNullOrWhiteSpace(text))
        {
            return Result<TimeSpan, SharingError>.Success(settings.DefaultTtl);
        }

        if (!Ttl.TryParse(text, out var ttl))
        {
            return Invalid(SharingError.TtlField, $"I could not read \"{Shorten(text)}\" as an expiry.", range);
        }

        if (ttl < MinTtl)
        {
            return Invalid(SharingError.TtlField, $"An expiry of {Ttl.Format(ttl)} is too short.", range);
        }

        return ttl > settings.MaxTtl
            ? Invalid(SharingError.TtlField, $"An expiry of {Ttl.Format(ttl)} is longer than this workspace allows ({Ttl.Format(settings.MaxTtl)}).", range)
            : Result<TimeSpan, SharingError>.Success(ttl);
    }

    public static SharingError? CheckPassphrase(SecretText? passphrase) =>
        passphrase is { IsEmpty: false } p && (p.Length < MinPassphrase || p.Length > MaxPassphrase)
            ? Invalid(SharingError.PassphraseField, $"The passphrase must be {MinPassphrase} to {MaxPassphrase} characters long; it is {p.Length}.", "Choose a passphrase the recipient can type, and tell it to them another way.")
            : null;

    public static SharingError? CheckRecipient(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }

        var trimmed = email.Trim();
        return MailAddress.TryCreate(trimmed, out var address) && address.Address == trimmed && trimmed.Contains('.', StringComparison.Ordinal)
            ? null
            : Invalid(SharingError.RecipientField, $"\"{Shorten(trimmed)}\" is not an email address.", "Give one address like name@example.com, or leave it empty.");
    }

    /// <summary>
    /// The password length as typed: empty for the default, else a whole number in range. A number with a zero
    /// fraction ("20.0", which a number input may send) counts as whole.
    /// </summary>
    public static Result<int, SharingError> CheckLength(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Result<int, SharingError>.Success(DefaultLength);
        }

        var trimmed = text.Trim();
        if (!decimal.TryParse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) || number != decimal.Truncate(number))
        {
            return Invalid(SharingError.LengthField, $"The length must be a whole number, not \"{Shorten(trimmed)}\".", $"Choose {MinLength} to {MaxLength}, or leave it empty for {DefaultLength}.");
        }

        return number is < MinLength or > MaxLength
            ? Invalid(SharingError.LengthField, $"A generated password can be {MinLength} to {MaxLength} characters long, not {Shorten(trimmed)}.", $"Leave it out for {DefaultLength} characters, or pick a length such as 20.")
            : Result<int, SharingError>.Success((int)number);
    }

    private static SharingError Invalid(string field, string message, string hint) => new(SharingErrorKind.InvalidInput, message, hint, field);

    // Echoing input back is helpful; echoing a pasted novel is not.
    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
