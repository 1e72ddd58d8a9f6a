using System.Text.Json.Nodes;
using OneTimeBot.Core.Sharing;

namespace OneTimeBot.Slack.Views;

/// <summary>The modal elements OneTimeBot uses, in Slack's shape. Every input's action id is <see cref="ValueAction"/>.</summary>
public static class Inputs
{
    public const string ValueAction = "value";
    public const int ModalTitle = 24;
    public const int PlainTextInputMax = 3000;

    /// <summary>The expiry choices of every form; values are what <see cref="Ttl.TryParse"/> reads.</summary>
    public static readonly IReadOnlyList<(string Value, string Label)> Expiries =
    [
        ("5m", "5 minutes"), ("15m", "15 minutes"), ("30m", "30 minutes"), ("1h", "1 hour"), ("4h", "4 hours"),
        ("12h", "12 hours"), ("1d", "1 day"), ("3d", "3 days"), ("7d", "7 days"), ("14d", "14 days"), ("30d", "30 days"),
    ];

    public static JsonObject Modal(string callbackId, string title, string submit, ViewMetadata metadata, JsonArray blocks) => new()
    {
        ["type"] = "modal",
        ["callback_id"] = callbackId,
        ["title"] = PlainText(title),
        ["submit"] = PlainText(submit),
        ["close"] = PlainText("Cancel"),
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

    public static JsonObject Checkbox(string blockId, string label, string value, string text) =>
        Input(blockId, label, new JsonObject
        {
            ["type"] = "checkboxes",
            ["action_id"] = ValueAction,
            ["options"] = new JsonArray(Option(value, text)),
        }, optional: true, hint: null);

    /// <summary>The expiry choices up to <paramref name="max"/>, with <paramref name="initial"/> among them even when it is not a standard one.</summary>
    public static IEnumerable<(string Value, string Label)> ExpiriesUpTo(TimeSpan max, TimeSpan initial)
    {
        var choices = Expiries.Where(e => Ttl.TryParse(e.Value, out var t) && t <= max).ToList();
        if (!choices.Any(c => Ttl.TryParse(c.Value, out var t) && t == initial))
        {
            choices.Add((InitialValue(initial), Ttl.Format(initial)));
            choices.Sort((a, b) => Parse(a.Value).CompareTo(Parse(b.Value)));
        }

        return choices;
    }

    /// <summary>The choice value that stands for <paramref name="ttl"/>.</summary>
    public static string InitialValue(TimeSpan ttl) =>
        Expiries.FirstOrDefault(e => Ttl.TryParse(e.Value, out var t) && t == ttl).Value ?? ((long)ttl.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text, ["emoji"] = true };

    private static TimeSpan Parse(string value) => Ttl.TryParse(value, out var t) ? t : TimeSpan.MaxValue;

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
