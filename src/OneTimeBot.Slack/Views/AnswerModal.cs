using System.Text.Json.Nodes;
using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Requests;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Slack.BlockKit;
using OneTimeSecret.Client;
using OneTimeBot.Slack.Localization;

namespace OneTimeBot.Slack.Views;

/// <summary>
/// The form the person asked for a secret fills in: what they were asked for, then the secret, its expiry (their
/// workspace's choices) and an optional passphrase. It carries the request's id and is answered where the request was.
/// </summary>
public static class AnswerModal
{
    public const string CallbackId = "answer_request_modal";

    public static JsonObject Build(SecretRequest request, WorkspaceSettings settings, ViewMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(metadata);
        var from = DirectMessageBlocks.Mention(request.From);
        var blocks = new JsonArray
        {
            Blocks.Section(DirectMessageText.AsksYouFor(from, "*" + Blocks.Escape(request.Note) + "*")),
            Inputs.Text(SharingError.SecretField, SlackStrings.Get("Modal.Secret"), multiline: true, placeholder: SlackStrings.Get("Modal.Answer.Placeholder"),
                hint: SlackStrings.Get("Modal.Answer.Hint")),
            Inputs.Expiry(settings),
            Inputs.Passphrase(SlackStrings.Get("Modal.Answer.PassphraseHint")),
            Blocks.Context(SlackStrings.Format("Modal.Answer.Footer", Blocks.LocalDate(request.ExpiresAt), Blocks.Escape(settings.IsEmbedded ? SlackStrings.Get("Service.Embedded") : settings.Backend))),
        };
        return Inputs.Modal(CallbackId, SlackStrings.Get("Modal.Answer.Title"), SlackStrings.Get("Modal.Answer.Submit"), metadata with { RequestId = request.Id }, blocks);
    }

    public static RequestAnswer Read(ViewValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new RequestAnswer(new SecretText(values.Text(SharingError.SecretField) ?? ""), values.Text(SharingError.TtlField), Inputs.ReadPassphrase(values));
    }
}
