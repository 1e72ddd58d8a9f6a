using OneTimeBot.Core.Workspaces;
using System.Text.Json.Nodes;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Requests;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Slack.Payloads;
using OneTimeBot.Slack.Localization;

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
            ["placeholder"] = Inputs.PlainText(SlackStrings.Get("Modal.PickPerson")),
        };
        if (asked is not null && SlackText.IsUserId(asked.UserId))
        {
            picker["initial_user"] = asked.UserId;
        }

        var blocks = new JsonArray
        {
            Blocks.Section(SlackStrings.Format("Modal.Request.Intro", DirectMessageText.SendSecurelyButton, DirectMessageText.DeclineButton)),
            new JsonObject
            {
                ["type"] = "input",
                ["block_id"] = RequestRules.PersonField,
                ["label"] = Inputs.PlainText(SlackStrings.Get("Modal.Request.Who")),
                ["element"] = picker,
            },
            Inputs.Text(RequestRules.NoteField, SlackStrings.Get("Modal.Request.What"), placeholder: SlackStrings.Get("Modal.Request.What.Placeholder"), maxLength: RequestRules.MaxNote,
                hint: SlackStrings.Get("Modal.Request.What.Hint")),
        };
        return Inputs.Modal(CallbackId, SlackStrings.Get("Modal.Request.Title"), SlackStrings.Get("Modal.Request.Submit"), metadata, blocks);
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
            ["title"] = Inputs.PlainText(SlackStrings.Get("Modal.Request.Sent.Title")),
            ["close"] = Inputs.PlainText(SlackStrings.Get("Modal.Done")),
            ["blocks"] = RequestBlocks.Sent(request).Blocks.DeepClone(),
        };
    }
}
