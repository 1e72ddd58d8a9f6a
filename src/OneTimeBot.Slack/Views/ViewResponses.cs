using System.Text.Json.Nodes;
using OneTimeBot.Core.Commands;
using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Sharing;

namespace OneTimeBot.Slack.Views;

/// <summary>Answers to a modal submission that keep it open: Slack shows the text beside a field, with everything the user typed kept.</summary>
public static class ViewResponses
{
    public static JsonObject Errors(string blockId, SharingError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Errors(blockId, SecretCardText.Fallback(error));
    }

    public static JsonObject Errors(string blockId, Notice notice) => Errors(blockId, notice.AsLine());

    public static JsonObject Errors(string blockId, string text) => new()
    {
        ["response_action"] = "errors",
        ["errors"] = new JsonObject { [blockId] = text.Length <= 2000 ? text : text[..1999] + "…" },
    };
}
