using System.Text.Json.Nodes;
using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Slack.BlockKit;
using OneTimeSecret.Client;
using OneTimeBot.Slack.Localization;

namespace OneTimeBot.Slack.Views;

/// <summary>The "Share a secret" modal and how its submission becomes a <see cref="ShareInput"/>.</summary>
public static class ShareModal
{
    public const string CallbackId = "share_secret";

    public static JsonObject Build(WorkspaceSettings settings, ViewMetadata metadata, Person? sendTo = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var blocks = new JsonArray
        {
            Inputs.Text(SharingError.SecretField, SlackStrings.Get("Modal.Secret"), multiline: true, placeholder: SlackStrings.Get("Modal.Share.Placeholder"),
                hint: SlackStrings.Get("Modal.Share.Hint")),
            Inputs.Expiry(settings),
            Inputs.Passphrase(SlackStrings.Get("Modal.Share.PassphraseHint")),
            Inputs.SendTo(sendTo),
            Inputs.Email(SharingError.RecipientField, SlackStrings.Get("Modal.Share.RecipientEmail"), hint: SlackStrings.Get("Modal.Share.RecipientEmail.Hint")),
            Blocks.Context(SlackStrings.Format("Modal.Share.Footer", Blocks.Escape(settings.IsEmbedded ? SlackStrings.Get("Service.Embedded") : settings.Backend))),
        };
        return Inputs.Modal(CallbackId, SlackStrings.Get("Modal.Share.Title"), SlackStrings.Get("Modal.Share.Submit"), metadata, blocks);
    }

    public static ShareInput Read(ViewValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new ShareInput(
            new SecretText(values.Text(SharingError.SecretField) ?? ""),
            values.Text(SharingError.TtlField),
            Inputs.ReadPassphrase(values),
            values.Text(SharingError.RecipientField),
            Inputs.ReadSendTo(values));
    }
}
