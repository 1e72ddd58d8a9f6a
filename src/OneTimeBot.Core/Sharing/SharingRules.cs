using System.Globalization;
using System.Net.Mail;
using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Expiry;
using OneTimeBot.Core.Localization;
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
            return Invalid(SharingError.SecretField, CoreStrings.Get("Error.Secret.Empty.Message"), CoreStrings.Get("Error.Secret.Empty.Hint"));
        }

        var bytes = secret.Utf8ByteCount;
        return bytes > MaxSecretBytes
            ? Invalid(SharingError.SecretField, CoreStrings.Format("Error.Secret.TooLong.Message", bytes, MaxSecretBytes), CoreStrings.Get("Error.Secret.TooLong.Hint"))
            : null;
    }

    public static Result<TimeSpan, SharingError> CheckTtl(string? text, WorkspaceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (string.IsNullOrWhiteSpace(text))
        {
            return Result<TimeSpan, SharingError>.Success(settings.DefaultTtl);
        }

        if (!Ttl.TryParse(text, out var ttl))
        {
            return Invalid(SharingError.TtlField, CoreStrings.Format("Error.Ttl.Unreadable", Shorten(text)), Range(settings));
        }

        if (ttl < MinTtl)
        {
            return Invalid(SharingError.TtlField, CoreStrings.Format("Error.Ttl.TooShort", ReaderTime.Duration(ttl)), Range(settings));
        }

        return ttl > settings.MaxTtl
            ? Invalid(SharingError.TtlField, CoreStrings.Format("Error.Ttl.TooLong", ReaderTime.Duration(ttl), ReaderTime.Duration(settings.MaxTtl)), Range(settings))
            : Result<TimeSpan, SharingError>.Success(ttl);

        // Written only for a refusal: most commands pass, and formatting it costs more than the checks.
        static string Range(WorkspaceSettings settings) =>
            CoreStrings.Format("Error.Ttl.Range", ReaderTime.Duration(MinTtl), ReaderTime.Duration(settings.MaxTtl));
    }

    public static SharingError? CheckPassphrase(SecretText? passphrase) =>
        passphrase is { IsEmpty: false } p && (p.Length < MinPassphrase || p.Length > MaxPassphrase)
            ? Invalid(SharingError.PassphraseField, CoreStrings.Format("Error.Passphrase.Length.Message", MinPassphrase, MaxPassphrase, p.Length), CoreStrings.Get("Error.Passphrase.Length.Hint"))
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
            : Invalid(SharingError.RecipientField, CoreStrings.Format("Error.Recipient.NotEmail.Message", Shorten(trimmed)), CoreStrings.Get("Error.Recipient.NotEmail.Hint"));
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
            return Invalid(SharingError.LengthField, CoreStrings.Format("Error.Length.NotWhole.Message", Shorten(trimmed)), CoreStrings.Format("Error.Length.NotWhole.Hint", MinLength, MaxLength, DefaultLength));
        }

        return number is < MinLength or > MaxLength
            ? Invalid(SharingError.LengthField, CoreStrings.Format("Error.Length.OutOfRange.Message", MinLength, MaxLength, Shorten(trimmed)), CoreStrings.Format("Error.Length.OutOfRange.Hint", DefaultLength))
            : Result<int, SharingError>.Success((int)number);
    }

    private static SharingError Invalid(string field, string message, string hint) => new(SharingErrorKind.InvalidInput, message, hint, field);

    // Echoing input back is helpful; echoing a pasted novel is not.
    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
