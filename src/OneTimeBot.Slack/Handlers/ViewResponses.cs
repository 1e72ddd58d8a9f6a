using OneTimeBot.Core.Errors;
using System.Text.Json.Nodes;
using OneTimeBot.Core.Sharing;

namespace OneTimeBot.Slack.Handlers;

/// <summary>Answers to a modal submission: close it (no body), or keep it open with an error beside a field.</summary>
public static class ViewResponses
{
    /// <summary>Slack shows this beside the field; the modal stays open with everything the user typed.</summary>
    public static JsonObject Errors(string blockId, SharingError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var text = $"{error.Message} {error.Hint}";
        return new JsonObject
        {
            ["response_action"] = "errors",
            ["errors"] = new JsonObject { [blockId] = text.Length <= 2000 ? text : text[..1999] + "…" },
        };
    }
}
