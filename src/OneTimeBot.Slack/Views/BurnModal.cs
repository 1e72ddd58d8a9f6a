using System.Text.Json.Nodes;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Slack.BlockKit;
using OneTimeSecret.Client;

namespace OneTimeBot.Slack.Views;

/// <summary>Burning a secret that has a passphrase needs the passphrase; this modal asks for it and is the confirmation.</summary>
public static class BurnModal
{
    public const string CallbackId = "burn_secret";

    public static JsonObject Build(ViewMetadata metadata) => Inputs.Modal(CallbackId, "Burn this secret?", "Burn it", metadata,
    [
        Blocks.Section("The link stops working for everyone, now. This cannot be undone."),
        Inputs.Text(SharingError.PassphraseField, "Passphrase", maxLength: SharingRules.MaxPassphrase,
            hint: "The secret was shared with a passphrase; burning it needs the same one."),
    ]);

    public static SecretText? Read(ViewValues values) => SecretText.FromOptional(values?.Text(SharingError.PassphraseField));
}
