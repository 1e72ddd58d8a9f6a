using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OneTimeBot.Slack.BlockKit;

/// <summary>
/// A message as a slash-command response, a <c>response_url</c> post or a <c>chat.postMessage</c> body: a text
/// fallback, blocks, and whether it is private (ephemeral) and replaces the message it answers.
/// </summary>
public sealed record SlackReply(string Text, JsonArray Blocks, bool Ephemeral = true, bool ReplaceOriginal = false)
{
    // A JSON body for Slack, not HTML: mrkdwn's own escaping (&amp; &lt; &gt;) is done where text is built.
    public static readonly JsonSerializerOptions WireOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = WireOptions.Encoder };

    /// <summary>The body as sent to Slack.</summary>
    public string ToJsonString() => System.Text.Encoding.UTF8.GetString(ToUtf8Json());

    /// <summary>The body as sent to Slack, in UTF-8, written straight from the blocks (a reply answers every command).</summary>
    public byte[] ToUtf8Json()
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("response_type", Ephemeral ? "ephemeral" : "in_channel");
            writer.WriteString("text", Text);
            writer.WritePropertyName("blocks");
            Blocks.WriteTo(writer, WireOptions);
            if (ReplaceOriginal)
            {
                writer.WriteBoolean("replace_original", true);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The body as a JSON object of its own, to be combined with others; its blocks are a copy.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["response_type"] = Ephemeral ? "ephemeral" : "in_channel",
            ["text"] = Text,
            ["blocks"] = Blocks.DeepClone(),
        };
        if (ReplaceOriginal)
        {
            json["replace_original"] = true;
        }

        return json;
    }
}
