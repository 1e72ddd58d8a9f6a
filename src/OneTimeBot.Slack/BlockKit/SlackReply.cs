using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OneTimeBot.Slack.BlockKit;

/// <summary>
/// A message as a slash-command response, a <c>response_url</c> post or a <c>chat.postMessage</c> body: a text
/// fallback, blocks, and whether it replaces the message it answers. Every answer is private (ephemeral): only the
/// person who asked sees it.
/// </summary>
public sealed record SlackReply(string Text, JsonArray Blocks, bool ReplaceOriginal = false)
{
    // A JSON body for Slack, not HTML: mrkdwn's own escaping (&amp; &lt; &gt;) is done where text is built.
    public static readonly JsonSerializerOptions WireOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = WireOptions.Encoder };

    /// <summary>
    /// The body as sent to Slack, in UTF-8, written straight from the blocks: the one way a reply leaves the host. Without
    /// <paramref name="channel"/> it answers a command or a <c>response_url</c>; with one it is a <c>chat.postMessage</c>.
    /// </summary>
    public byte[] ToUtf8Json(string? channel = null)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            if (channel is null)
            {
                writer.WriteString("response_type", "ephemeral");
            }
            else
            {
                writer.WriteString("channel", channel);
                // A link to a one-time secret must never be fetched for a preview.
                writer.WriteBoolean("unfurl_links", false);
                writer.WriteBoolean("unfurl_media", false);
            }

            writer.WriteString("text", Text);
            writer.WritePropertyName("blocks");
            Blocks.WriteTo(writer, WireOptions);
            if (ReplaceOriginal && channel is null)
            {
                writer.WriteBoolean("replace_original", true);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
