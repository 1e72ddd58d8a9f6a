using System.Text.Json.Nodes;
using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Slack.BlockKit;
using OneTimeSecret.Client;

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
            Inputs.Text(SharingError.SecretField, "Secret", multiline: true, placeholder: "A password, a key, a recovery code…",
                hint: "It goes straight to the secret service. Nobody sees it until the link is opened, once."),
            Inputs.Expiry(settings),
            Inputs.Passphrase("Asked for before the secret is shown. Tell it to the recipient another way."),
            Inputs.SendTo(sendTo),
            Inputs.Email(SharingError.RecipientField, "Recipient email", hint: "Optional: who the link is for. Shown obscured on your card."),
            Blocks.Context($"Secret service: {Blocks.Escape(settings.IsEmbedded ? "this OneTimeBot" : settings.Backend)}. OneTimeBot keeps a receipt, never the secret."),
        };
        return Inputs.Modal(CallbackId, "Share a secret", "Create link", metadata, blocks);
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
