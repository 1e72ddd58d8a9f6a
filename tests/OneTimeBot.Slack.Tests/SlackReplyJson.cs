using System.Text;
using System.Text.Json.Nodes;
using OneTimeBot.Core.Commands;
using OneTimeBot.Slack.BlockKit;

namespace OneTimeBot.Slack.Tests;

/// <summary>A reply read back exactly as the host sends it to Slack, for tests that look at its JSON.</summary>
internal static class SlackReplyJson
{
    public static string ToJsonString(this SlackReply reply) => Encoding.UTF8.GetString(reply.ToUtf8Json());

    public static JsonObject ToJson(this SlackReply reply) => (JsonObject)JsonNode.Parse(reply.ToUtf8Json())!;

    /// <summary>The reply as the chat.postMessage body that posts it into <paramref name="channel"/> (a DM).</summary>
    public static JsonObject ToJson(this SlackReply reply, string channel) => (JsonObject)JsonNode.Parse(reply.ToUtf8Json(channel))!;

    /// <summary>The help the command grammar generates, as a slash command and a DM show it (help never calls the sharing service).</summary>
    public static HelpReply Help(string? problem = null) => new BotCommands(sharing: null!, links: null!, requests: null!, notifications: null!, recent: null!).Help(problem);
}
