using System.Globalization;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Teams.Cards;
using OneTimeSecret.Client;

namespace OneTimeBot.Teams.Handlers;

/// <summary>Turns a submitted share or generate form into the sharing core's inputs.</summary>
internal static class FormInputs
{
    public static ShareInput Share(FormValues values) => new(
        new SecretText(values[FormCards.SecretInput] ?? values[FormCards.SecretInput + "Text"] ?? ""),
        values[FormCards.TtlInput],
        SecretText.FromOptional(values[FormCards.PassphraseInput]),
        values[FormCards.RecipientInput]);

    public static (GenerateInput? Input, SharingError? Error) Generate(FormValues values)
    {
        int? length = null;
        if (values[FormCards.LengthInput] is { } text)
        {
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || number != Math.Floor(number) || number is < int.MinValue or > int.MaxValue)
            {
                return (null, new SharingError(SharingErrorKind.InvalidInput, "The length must be a whole number.", $"Choose {SharingRules.MinLength} to {SharingRules.MaxLength}.", SharingError.LengthField));
            }

            length = (int)number;
        }

        return (new GenerateInput(values[FormCards.TtlInput], length, SecretText.FromOptional(values[FormCards.PassphraseInput])), null);
    }
}
