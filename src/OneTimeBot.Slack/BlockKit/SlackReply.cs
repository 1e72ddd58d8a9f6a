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

    /// <summary>The body as sent to Slack.</summary>
    public string ToJsonString() => ToJson().ToJsonString(WireOptions);

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
