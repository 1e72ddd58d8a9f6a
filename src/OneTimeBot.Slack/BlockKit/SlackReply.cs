using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OneTimeBot.Slack.BlockKit;

/// <summary>
/// A message as a slash-command response, a <c>response_url</c> post or a <c>chat.postMessage</c> body: a text
/// fallback, blocks, and whether it replaces the message it answers. Every answer is private (ephemeral): only the
/// person who asked sees it. Its blocks are a tree, or, for a reply sent often (a secret card), written straight into
/// the body by a <see cref="WrittenBlocks"/>.
/// </summary>
public sealed record SlackReply(string Text, JsonArray Blocks, bool ReplaceOriginal = false)
{
    // A JSON body for Slack, not HTML: mrkdwn's own escaping (&amp; &lt; &gt;) is done where text is built.
    public static readonly JsonSerializerOptions WireOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    internal static readonly JsonWriterOptions WriterOptions = new() { Encoder = WireOptions.Encoder };

    private readonly WrittenBlocks? _written;

    private JsonArray? _tree = Blocks;

    public SlackReply(string text, WrittenBlocks blocks, bool replaceOriginal = false)
        : this(text, (JsonArray)null!, replaceOriginal)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        _written = blocks;
    }

    /// <summary>
    /// The blocks as a tree. For written blocks it is read back from their bytes on first use, and from then on it is
    /// what is sent, so that a caller who adds a block to it (a card inside another reply) is heard.
    /// </summary>
    public JsonArray Blocks
    {
        // Two threads reading it at once get the same tree: a block one of them adds is not lost with a second tree.
        get => Volatile.Read(ref _tree) ?? Interlocked.CompareExchange(ref _tree, _written!.ToJsonArray(), null) ?? _tree!;
        init => _tree = value;
    }

    // Larger buffers (a long list of recent links) are left to the GC rather than kept by every pool thread.
    private const int KeptBufferBytes = 64 * 1024;

    // Each thread writes its replies into one buffer and one writer, kept between replies: a fresh buffer grew twice
    // for a card (about 7 KB thrown away per reply). Writing never awaits, so a thread cannot start a second reply in it.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>
    /// The body as sent to Slack, in UTF-8, written straight from the blocks: the one way a reply leaves the host. Without
    /// <paramref name="channel"/> it answers a command or a <c>response_url</c>; with one it is a <c>chat.postMessage</c>.
    /// </summary>
    public byte[] ToUtf8Json(string? channel = null)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        var writer = t_writer ??= new Utf8JsonWriter(buffer, WriterOptions);
        writer.Reset(buffer);
        try
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
            if (_tree is { } tree)
            {
                tree.WriteTo(writer, WireOptions);
            }
            else
            {
                _written!.WriteTo(writer);
            }

            if (ReplaceOriginal && channel is null)
            {
                writer.WriteBoolean("replace_original", true);
            }

            writer.WriteEndObject();
            writer.Flush();
            return buffer.WrittenSpan.ToArray();
        }
        catch
        {
            // Part of the reply may sit unflushed in the writer, out of reach of the clearing below: neither is kept.
            t_buffer = null;
            t_writer = null;
            throw;
        }
        finally
        {
            // Zeroed, so that a link written here does not outlive its reply in a buffer the thread keeps.
            buffer.Clear();
            if (buffer.Capacity > KeptBufferBytes)
            {
                t_buffer = null;
                t_writer = null;
            }
        }
    }
}
