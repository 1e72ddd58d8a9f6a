using System.Text.Json.Nodes;
using OneTimeBot.Core.Commands;
using OneTimeBot.Core.Tracking;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Slack.Views;
using OneTimeBot.Slack.Localization;

namespace OneTimeBot.Slack.Home;

/// <summary>
/// The App Home tab: buttons to share, generate and request a secret, then the person's recent links with Burn for
/// those still waiting. It carries the DM with the bot in its <c>private_metadata</c>, so a form opened from it answers
/// there, as it would from the DM.
/// </summary>
public static class HomeView
{
    /// <summary>Slack publishes a home view of at most this many blocks.</summary>
    public const int MaxBlocks = 100;

    public static JsonObject Build(RecentLinkList list, ViewMetadata metadata, Notice? problem = null)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var blocks = new JsonArray
        {
            Blocks.Section(SlackStrings.Get("Intro")),
            Blocks.Actions(
                Blocks.Button(RecentLinksText.ShareButton, ActionIds.OpenShareForm, "share", "primary"),
                Blocks.Button(RecentLinksText.GenerateButton, ActionIds.OpenGenerateForm, "generate"),
                Blocks.Button(RecentLinksText.RequestButton, ActionIds.OpenRequestForm, "request")),
        };
        RecentLinksBlocks.AddTo(blocks, list, problem);
        return new JsonObject
        {
            ["type"] = "home",
            ["private_metadata"] = metadata.Write(),
            ["blocks"] = blocks,
        };
    }
}
