using System.Text.Json.Nodes;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Slack.Tests;

namespace OneTimeBot.Host.Tests.Durability;

/// <summary>A secret card a user saw in Slack: who shared what, and what the card's button and link carry.</summary>
internal sealed record ShownCard(string User, string Secret, string ReceiptId, Uri Link)
{
    /// <summary>Whether a reply is a live card: the one-time link and a Check status button.</summary>
    public static bool IsLiveCard(JsonObject? reply) =>
        reply?["blocks"] is JsonArray && SlackApp.ActionIds(reply).Contains(ActionIds.CheckStatus);

    public static ShownCard From(string user, string secret, JsonObject card) =>
        new(user, secret, SlackApp.ButtonValue(card, ActionIds.CheckStatus), SlackApp.LinkOn(card));
}
