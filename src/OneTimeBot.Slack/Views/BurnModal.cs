using System.Text.Json.Nodes;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Slack.BlockKit;
using OneTimeSecret.Client;
using OneTimeBot.Slack.Localization;

namespace OneTimeBot.Slack.Views;

/// <summary>
/// Burning a secret that has a passphrase needs the passphrase; this modal asks for it and is the confirmation. Its
/// title is the Slack app's own, as a modal title holds at most 24 characters in every language.
/// </summary>
public static class BurnModal
{
    public const string CallbackId = "burn_secret";

    /// <summary>The same modal, opened from a list of recent links: its metadata names the tracked link.</summary>
    public const string TrackedCallbackId = "home_burn_secret";

    public static JsonObject Build(ViewMetadata metadata, string callbackId = CallbackId) => Inputs.Modal(callbackId, SlackStrings.Get("Modal.Burn.Title"), SecretCardText.BurnConfirmYes, metadata,
    [
        Blocks.Section(SecretCardText.BurnConfirmText),
        Inputs.Passphrase(SlackStrings.Get("Modal.Burn.PassphraseHint"), optional: false),
    ]);

    public static SecretText? Read(ViewValues values) => Inputs.ReadPassphrase(values);
}
