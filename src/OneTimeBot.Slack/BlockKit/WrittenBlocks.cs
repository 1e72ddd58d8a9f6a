using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OneTimeBot.Slack.BlockKit;

/// <summary>
/// A reply's blocks written straight into its body, for a reply sent on every command (a secret card), where building
/// a tree of <see cref="JsonNode"/>s only to walk it once cost more than the layout itself. Everything it writes is
/// decided when it is made (in the reader's language), so writing it later, on any thread, says the same.
/// </summary>
public abstract class WrittenBlocks
{
    /// <summary>Writes the <c>blocks</c> array, in the shapes <see cref="Blocks"/> builds.</summary>
    public abstract void WriteTo(Utf8JsonWriter writer);

    /// <summary>The same blocks as a tree, read back from what <see cref="WriteTo"/> writes: one layout, never two.</summary>
    public JsonArray ToJsonArray()
    {
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var writer = new Utf8JsonWriter(buffer, SlackReply.WriterOptions))
        {
            WriteTo(writer);
        }

        return JsonNode.Parse(buffer.WrittenSpan)!.AsArray();
    }
}
