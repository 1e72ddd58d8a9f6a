using System.Globalization;
using System.Text.Json.Nodes;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Workspaces;
using OneTimeSecret.Client;

namespace OneTimeBot.Slack.Views;

/// <summary>The "Generate a password" modal: expiry, length and an optional passphrase.</summary>
public static class GenerateModal
{
    public const string CallbackId = "generate_password";

    public static JsonObject Build(WorkspaceSettings settings, ViewMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var length = new JsonObject
        {
            ["type"] = "number_input",
            ["action_id"] = Inputs.ValueAction,
            ["is_decimal_allowed"] = false,
            ["initial_value"] = SharingRules.DefaultLength.ToString(CultureInfo.InvariantCulture),
            ["min_value"] = SharingRules.MinLength.ToString(CultureInfo.InvariantCulture),
            ["max_value"] = SharingRules.MaxLength.ToString(CultureInfo.InvariantCulture),
        };
        var blocks = new JsonArray
        {
            Inputs.Select(SharingError.TtlField, "Link expires after", Inputs.ExpiriesUpTo(settings.MaxTtl, settings.DefaultTtl), Inputs.InitialValue(settings.DefaultTtl)),
            new JsonObject
            {
                ["type"] = "input",
                ["block_id"] = SharingError.LengthField,
                ["label"] = Inputs.PlainText("Length (characters)"),
                ["element"] = length,
            },
            Inputs.Text(SharingError.PassphraseField, "Passphrase", optional: true, maxLength: SharingRules.MaxPassphrase,
                hint: "Asked for before the password is shown. Tell it to the recipient another way."),
        };
        return Inputs.Modal(CallbackId, "Generate a password", "Generate", metadata, blocks);
    }

    /// <summary>The input, or the length error when the length is not a whole number.</summary>
    public static (GenerateInput? Input, SharingError? Error) Read(ViewValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        int? length = null;
        if (values.Text(SharingError.LengthField) is { } text)
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return (null, new SharingError(SharingErrorKind.InvalidInput, "The length must be a whole number.",
                    $"Choose {SharingRules.MinLength} to {SharingRules.MaxLength}.", SharingError.LengthField));
            }

            length = parsed;
        }

        return (new GenerateInput(values.Selected(SharingError.TtlField), length, SecretText.FromOptional(values.Text(SharingError.PassphraseField))), null);
    }
}
