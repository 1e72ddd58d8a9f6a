using System.Text.Json.Nodes;
using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Requests;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Slack.BlockKit;
using OneTimeSecret.Client;

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
            Inputs.Text(SharingError.SecretField, "Secret", multiline: true, placeholder: "The password, key or code they asked for",
                hint: "It goes straight to the secret service. Only a one-time link goes back, to them alone."),
            Inputs.Expiry(settings),
            Inputs.Passphrase("Asked for before the secret is shown. Tell it to them another way."),
            Blocks.Context($"The request expires {Blocks.LocalDate(request.ExpiresAt)}. Secret service: {Blocks.Escape(settings.IsEmbedded ? "this OneTimeBot" : settings.Backend)}."),
        };
        return Inputs.Modal(CallbackId, "Send a secret", "Send securely", metadata with { RequestId = request.Id }, blocks);
    }

    public static RequestAnswer Read(ViewValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new RequestAnswer(new SecretText(values.Text(SharingError.SecretField) ?? ""), values.Text(SharingError.TtlField), Inputs.ReadPassphrase(values));
    }
}
