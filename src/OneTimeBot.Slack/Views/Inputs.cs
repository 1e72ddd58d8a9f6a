using System.Text.Json.Nodes;
using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Expiry;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Slack.Payloads;
using OneTimeSecret.Client;
using OneTimeBot.Slack.Localization;

namespace OneTimeBot.Slack.Views;

/// <summary>The modal elements OneTimeBot uses, in Slack's shape. Every input's action id is <see cref="ValueAction"/>.</summary>
public static class Inputs
{
    public const string ValueAction = "value";

    /// <summary>The block of the "Send the link to" picker in the share and generate modals.</summary>
    public const string SendToBlock = "send_to";
    public const int PlainTextInputMax = 3000;

    public static JsonObject Modal(string callbackId, string title, string submit, ViewMetadata metadata, JsonArray blocks) => new()
    {
        ["type"] = "modal",
        ["callback_id"] = callbackId,
        ["title"] = PlainText(title),
        ["submit"] = PlainText(submit),
        ["close"] = PlainText(SlackStrings.Get("Modal.Cancel")),
        ["private_metadata"] = metadata.Write(),
        ["blocks"] = blocks,
    };

    public static JsonObject Text(string blockId, string label, bool optional = false, bool multiline = false, string? initial = null,
        string? placeholder = null, string? hint = null, int maxLength = PlainTextInputMax)
    {
        var element = new JsonObject
        {
            ["type"] = "plain_text_input",
            ["action_id"] = ValueAction,
            ["multiline"] = multiline,
            ["max_length"] = maxLength,
        };
        if (initial is { Length: > 0 })
        {
            element["initial_value"] = initial;
        }

        if (placeholder is not null)
        {
            element["placeholder"] = PlainText(placeholder);
        }

        return Input(blockId, label, element, optional, hint);
    }

    public static JsonObject Email(string blockId, string label, string? hint = null) =>
        Input(blockId, label, new JsonObject { ["type"] = "email_text_input", ["action_id"] = ValueAction }, optional: true, hint);

    public static JsonObject Select(string blockId, string label, IEnumerable<(string Value, string Label)> choices, string? initialValue, string? hint = null)
    {
        var options = choices.Select(c => (JsonNode?)Option(c.Value, c.Label)).ToArray();
        var element = new JsonObject
        {
            ["type"] = "static_select",
            ["action_id"] = ValueAction,
            ["options"] = new JsonArray(options),
        };
        if (options.OfType<JsonObject>().FirstOrDefault(o => o["value"]!.GetValue<string>() == initialValue) is { } initial)
        {
            element["initial_option"] = initial.DeepClone();
        }

        return Input(blockId, label, element, optional: false, hint);
    }

    /// <summary>One checkbox, ticked to begin with when <paramref name="ticked"/>; <see cref="ViewValues.IsChecked"/> tells whether it was ticked.</summary>
    public static JsonObject Checkbox(string blockId, string label, string text, bool ticked = false, string? hint = null)
    {
        var element = new JsonObject
        {
            ["type"] = "checkboxes",
            ["action_id"] = ValueAction,
            ["options"] = new JsonArray(Option(blockId, text)),
        };
        if (ticked)
        {
            element["initial_options"] = new JsonArray(Option(blockId, text));
        }

        return Input(blockId, label, element, optional: true, hint);
    }

    /// <summary>
    /// Who the bot sends the link to, in their DM with it: one person of the workspace, optional, with
    /// <paramref name="initial"/> picked. Slack keeps the pick when the modal comes back with an error.
    /// </summary>
    public static JsonObject SendTo(Person? initial)
    {
        var element = new JsonObject
        {
            ["type"] = "users_select",
            ["action_id"] = ValueAction,
            ["placeholder"] = PlainText(SlackStrings.Get("Modal.PickPerson")),
        };
        if (initial is not null && SlackText.IsUserId(initial.UserId))
        {
            element["initial_user"] = initial.UserId;
        }

        return Input(SendToBlock, SlackStrings.Get("Modal.SendTo"), element, optional: true, SlackStrings.Get("Modal.SendTo.Hint"));
    }

    public static Person? ReadSendTo(ViewValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.User(SendToBlock);
    }

    /// <summary>How long the link lives: the expiries this workspace allows, its default chosen.</summary>
    public static JsonObject Expiry(WorkspaceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Select(SharingError.TtlField, SlackStrings.Get("Modal.Expiry"), ExpiriesUpTo(settings.MaxTtl, settings.DefaultTtl), InitialValue(settings.DefaultTtl));
    }

    /// <summary>The passphrase a secret is shared (or burned) with; <paramref name="hint"/> says what it is for here.</summary>
    public static JsonObject Passphrase(string hint, bool optional = true) =>
        Text(SharingError.PassphraseField, SlackStrings.Get("Modal.Passphrase"), optional, maxLength: SharingRules.MaxPassphrase, hint: hint);

    public static SecretText? ReadPassphrase(ViewValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return SecretText.FromOptional(values.Text(SharingError.PassphraseField));
    }

    /// <summary>The expiry choices up to <paramref name="max"/>, with <paramref name="initial"/> among them.</summary>
    public static IEnumerable<(string Value, string Label)> ExpiriesUpTo(TimeSpan max, TimeSpan initial) => ExpiryChoices.UpTo(max, initial);

    /// <summary>The choice value that stands for <paramref name="ttl"/>.</summary>
    public static string InitialValue(TimeSpan ttl) => ExpiryChoices.ValueFor(ttl);

    public static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text, ["emoji"] = true };

    private static JsonObject Option(string value, string text) => new() { ["text"] = PlainText(text), ["value"] = value };

    private static JsonObject Input(string blockId, string label, JsonObject element, bool optional, string? hint)
    {
        var block = new JsonObject
        {
            ["type"] = "input",
            ["block_id"] = blockId,
            ["label"] = PlainText(label),
            ["element"] = element,
            ["optional"] = optional,
        };
        if (hint is not null)
        {
            block["hint"] = PlainText(hint);
        }

        return block;
    }
}
