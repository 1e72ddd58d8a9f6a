using OneTimeBot.Core.Workspaces;
using System.Text.Json.Nodes;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Requests;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Slack.Payloads;

namespace OneTimeBot.Slack.Views;

/// <summary>The "Request a secret" modal: whom to ask, and what for.</summary>
public static class RequestModal
{
    public const string CallbackId = "request_modal";

    /// <summary>The global shortcut "Request a secret" (manifest <c>features.shortcuts</c>) that opens this modal.</summary>
    public const string ShortcutCallbackId = "request_secret";

    public static JsonObject Build(ViewMetadata metadata, Person? asked = null)
    {
        var picker = new JsonObject
        {
            ["type"] = "users_select",
            ["action_id"] = Inputs.ValueAction,
            ["placeholder"] = Inputs.PlainText("Pick a person"),
        };
        if (asked is not null && SlackText.IsUserId(asked.UserId))
        {
            picker["initial_user"] = asked.UserId;
        }

        var blocks = new JsonArray
        {
            Blocks.Section("Ask someone here for a secret. They get a message with *Send it securely* and *Decline*; what they send comes back to you as a one-time link, in your DM with OneTimeBot."),
            new JsonObject
            {
                ["type"] = "input",
                ["block_id"] = RequestRules.PersonField,
                ["label"] = Inputs.PlainText("Who has it?"),
                ["element"] = picker,
            },
            Inputs.Text(RequestRules.NoteField, "What is it for?", placeholder: "e.g. the staging DB password", maxLength: RequestRules.MaxNote,
                hint: "They see this in their message. Never put the secret itself here."),
        };
        return Inputs.Modal(CallbackId, "Request a secret", "Send request", metadata, blocks);
    }

    public static (Person? Asked, string? Note) Read(ViewValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return (values.User(RequestRules.PersonField), values.Text(RequestRules.NoteField));
    }

    /// <summary>What the modal turns into once the request is sent, where it was opened from nowhere a message can go (a shortcut).</summary>
    public static JsonObject Sent(SecretRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new JsonObject
        {
            ["type"] = "modal",
            ["callback_id"] = CallbackId,
            ["title"] = Inputs.PlainText("Request sent"),
            ["close"] = Inputs.PlainText("Done"),
            ["blocks"] = RequestBlocks.Sent(request).Blocks.DeepClone(),
        };
    }
}
