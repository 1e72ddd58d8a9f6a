using System.Globalization;
using System.Text.Json.Nodes;
using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Workspaces;
using OneTimeSecret.Client;
using OneTimeBot.Slack.Localization;

namespace OneTimeBot.Slack.Views;

/// <summary>The "Generate a password" modal: expiry, length and an optional passphrase.</summary>
public static class GenerateModal
{
    public const string CallbackId = "generate_password";

    public static JsonObject Build(WorkspaceSettings settings, ViewMetadata metadata, Person? sendTo = null)
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
            Inputs.Expiry(settings),
            new JsonObject
            {
                ["type"] = "input",
                ["block_id"] = SharingError.LengthField,
                ["label"] = Inputs.PlainText(SlackStrings.Get("Modal.Generate.Length")),
                ["element"] = length,
            },
            Inputs.Passphrase(SlackStrings.Get("Modal.Generate.PassphraseHint")),
            Inputs.SendTo(sendTo),
        };
        return Inputs.Modal(CallbackId, SlackStrings.Get("Modal.Generate.Title"), SlackStrings.Get("Modal.Generate.Submit"), metadata, blocks);
    }

    /// <summary>The input as typed: the length is left as text, for the sharing rules to check and explain.</summary>
    public static GenerateInput Read(ViewValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new GenerateInput(values.Text(SharingError.TtlField), values.Text(SharingError.LengthField), Inputs.ReadPassphrase(values), Inputs.ReadSendTo(values));
    }
}
