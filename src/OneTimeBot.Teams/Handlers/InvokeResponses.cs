using System.Text.Json.Nodes;
using OneTimeBot.Teams.Cards;

namespace OneTimeBot.Teams.Handlers;

/// <summary>The bodies an invoke is answered with: a dialog (task module), a pop-up message, or a card for the compose box.</summary>
public static class InvokeResponses
{
    public static JsonObject Dialog(string title, JsonObject card) => new()
    {
        ["task"] = new JsonObject
        {
            ["type"] = "continue",
            ["value"] = new JsonObject { ["title"] = title, ["height"] = "medium", ["width"] = "medium", ["card"] = AdaptiveCard.Attachment(card) },
        },
    };

    public static JsonObject Message(string text) => new() { ["task"] = new JsonObject { ["type"] = "message", ["value"] = text } };

    /// <summary>Puts the card into the user's compose box: only they see it until they press Send.</summary>
    public static JsonObject ComposeCard(JsonObject card) => new()
    {
        ["composeExtension"] = new JsonObject
        {
            ["type"] = "result",
            ["attachmentLayout"] = "list",
            ["attachments"] = new JsonArray(AdaptiveCard.Attachment(card)),
        },
    };
}
