using System.Text.Json;

namespace OneTimeBot.Slack.BlockKit;

/// <summary>
/// The elements of <see cref="Blocks"/>, written straight into a body: each writes what its namesake builds, the same
/// properties in the same order, cut to the same limits, so that Slack gets the same bytes either way. Golden files
/// (tests/OneTimeBot.Slack.Tests/Golden) hold the two together for the secret card; another reply written with these
/// needs golden files of its own.
/// </summary>
internal static class BlockWriter
{
    // Names and fixed values encoded once, not on every reply.
    private static readonly JsonEncodedText Type = Encode("type");
    private static readonly JsonEncodedText Text = Encode("text");
    private static readonly JsonEncodedText Emoji = Encode("emoji");
    private static readonly JsonEncodedText FieldsName = Encode("fields");
    private static readonly JsonEncodedText Elements = Encode("elements");
    private static readonly JsonEncodedText ActionId = Encode("action_id");
    private static readonly JsonEncodedText Value = Encode("value");
    private static readonly JsonEncodedText Style = Encode("style");
    private static readonly JsonEncodedText ConfirmName = Encode("confirm");
    private static readonly JsonEncodedText Title = Encode("title");
    private static readonly JsonEncodedText Deny = Encode("deny");
    private static readonly JsonEncodedText HeaderType = Encode("header");
    private static readonly JsonEncodedText SectionType = Encode("section");
    private static readonly JsonEncodedText ContextType = Encode("context");
    private static readonly JsonEncodedText ActionsType = Encode("actions");
    private static readonly JsonEncodedText ButtonType = Encode("button");
    private static readonly JsonEncodedText PlainTextType = Encode("plain_text");
    private static readonly JsonEncodedText MarkdownType = Encode("mrkdwn");
    private static readonly JsonEncodedText Danger = Encode("danger");

    /// <summary>As <see cref="Blocks.Header"/>.</summary>
    public static void WriteHeader(this Utf8JsonWriter writer, string text)
    {
        writer.WriteStartObject();
        writer.WriteString(Type, HeaderType);
        writer.WritePlainText(Text, Blocks.Limit(text, BlockKitLimits.HeaderText));
        writer.WriteEndObject();
    }

    /// <summary>As <see cref="Blocks.Section"/>.</summary>
    public static void WriteSection(this Utf8JsonWriter writer, string markdown)
    {
        writer.WriteStartObject();
        writer.WriteString(Type, SectionType);
        writer.WritePropertyName(Text);
        writer.WriteMarkdown(Blocks.Limit(markdown, BlockKitLimits.SectionText));
        writer.WriteEndObject();
    }

    /// <summary>As <see cref="Blocks.Fields"/>.</summary>
    public static void WriteFields(this Utf8JsonWriter writer, params ReadOnlySpan<string> markdownFields) =>
        writer.WriteMarkdownList(SectionType, FieldsName, markdownFields, BlockKitLimits.SectionFields, BlockKitLimits.FieldText);

    /// <summary>As <see cref="Blocks.Context"/>.</summary>
    public static void WriteContext(this Utf8JsonWriter writer, params ReadOnlySpan<string> markdownElements) =>
        writer.WriteMarkdownList(ContextType, Elements, markdownElements, BlockKitLimits.ContextElements, BlockKitLimits.SectionText);

    // A block of the given type holding a list of mrkdwn texts, cut to at most `most` of them, each to `longest`.
    private static void WriteMarkdownList(this Utf8JsonWriter writer, JsonEncodedText type, JsonEncodedText listName, ReadOnlySpan<string> markdown, int most, int longest)
    {
        writer.WriteStartObject();
        writer.WriteString(Type, type);
        writer.WriteStartArray(listName);
        foreach (var text in markdown[..Math.Min(markdown.Length, most)])
        {
            writer.WriteMarkdown(Blocks.Limit(text, longest));
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Opens <see cref="Blocks.Actions"/>; its buttons follow, then <see cref="WriteEndActions"/>.</summary>
    public static void WriteStartActions(this Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString(Type, ActionsType);
        writer.WriteStartArray(Elements);
    }

    public static void WriteEndActions(this Utf8JsonWriter writer)
    {
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>As <see cref="Blocks.Button"/>, with <see cref="Blocks.Confirm"/> when <paramref name="confirm"/> is given.</summary>
    public static void WriteButton(this Utf8JsonWriter writer, string text, string actionId, string value, bool danger = false, Confirmation? confirm = null)
    {
        writer.WriteStartObject();
        writer.WriteString(Type, ButtonType);
        writer.WritePlainText(Text, Blocks.Limit(text, BlockKitLimits.ButtonText));
        writer.WriteString(ActionId, actionId);
        writer.WriteString(Value, value);
        if (danger)
        {
            writer.WriteString(Style, Danger);
        }

        if (confirm is { } dialog)
        {
            writer.WriteStartObject(ConfirmName);
            writer.WritePlainText(Title, Blocks.Limit(dialog.Title, BlockKitLimits.ConfirmTitle));
            writer.WritePlainText(Text, Blocks.Limit(dialog.Text, BlockKitLimits.ConfirmText));
            writer.WritePlainText(ConfirmName, Blocks.Limit(dialog.Confirm, BlockKitLimits.ConfirmButton));
            writer.WritePlainText(Deny, Blocks.Limit(dialog.Deny, BlockKitLimits.ConfirmButton));
            writer.WriteString(Style, Danger);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WritePlainText(this Utf8JsonWriter writer, JsonEncodedText name, string text)
    {
        writer.WriteStartObject(name);
        writer.WriteString(Type, PlainTextType);
        writer.WriteString(Text, text);
        writer.WriteBoolean(Emoji, true);
        writer.WriteEndObject();
    }

    private static void WriteMarkdown(this Utf8JsonWriter writer, string text)
    {
        writer.WriteStartObject();
        writer.WriteString(Type, MarkdownType);
        writer.WriteString(Text, text);
        writer.WriteEndObject();
    }

    private static JsonEncodedText Encode(string text) => JsonEncodedText.Encode(text, SlackReply.WireOptions.Encoder);
}

/// <summary>The texts of a <see cref="Blocks.Confirm"/> dialog, whose confirm button is always the dangerous kind.</summary>
internal readonly record struct Confirmation(string Title, string Text, string Confirm, string Deny);
