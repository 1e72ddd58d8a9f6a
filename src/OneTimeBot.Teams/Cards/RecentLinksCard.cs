using OneTimeBot.Core.Workspaces;
using System.Text.Json.Nodes;
using OneTimeBot.Core.Commands;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Tracking;
using OneTimeBot.Teams.Localization;

namespace OneTimeBot.Teams.Cards;

/// <summary>
/// A person's recent links as an Adaptive Card, in the words of <see cref="RecentLinksText"/>: each link what it was,
/// for whom and what became of it, with Burn under a link still waiting. Burn of a link with a passphrase opens a
/// small card in place that asks for the passphrase (its input named after the link, as one card may hold several),
/// and only its Burn it sends; Teams offers no confirm dialog, so that is the confirmation.
/// </summary>
public static class RecentLinksCard
{
    private const string PassphrasePrefix = "passphrase-";

    /// <summary>The id of the passphrase input of the link tracked as <paramref name="trackedId"/>.</summary>
    public static string PassphraseInput(string trackedId) => PassphrasePrefix + trackedId;

    public static JsonObject Build(RecentLinkList list, Notice? problem = null)
    {
        ArgumentNullException.ThrowIfNull(list);
        var body = new JsonArray { AdaptiveCard.Title("🗂️ " + RecentLinksText.Title) };
        if (problem is not null)
        {
            body.Add(AdaptiveCard.Text("⚠️ " + problem.Message, color: "Attention"));
            body.Add(AdaptiveCard.Text(problem.Hint, subtle: true));
        }

        body.Add(AdaptiveCard.Text(RecentLinksText.Intro(list), subtle: true, size: "Small"));
        if (list.Links.Count == 0)
        {
            body.Add(AdaptiveCard.Text(RecentLinksText.Empty));
        }

        foreach (var link in list.Links)
        {
            var item = new JsonArray
            {
                AdaptiveCard.Text($"**{AdaptiveCard.Plain(RecentLinksText.Headline(link, Name))}**"),
                AdaptiveCard.Text(RecentLinksText.Status(link, AdaptiveCard.LocalDateTime), subtle: true, size: "Small"),
            };
            if (link.IsLive)
            {
                item.Add(new JsonObject { ["type"] = "ActionSet", ["actions"] = new JsonArray(BurnAction(link)) });
            }

            body.Add(new JsonObject { ["type"] = "Container", ["separator"] = true, ["spacing"] = "Medium", ["items"] = item });
        }

        // Two rows of buttons, not one: a row of actions never wraps, and three titles (longer still in Swedish) reach
        // past the edge of a card in a Teams chat, which cuts the last one off.
        body.Add(new JsonObject
        {
            ["type"] = "ActionSet", ["separator"] = true, ["spacing"] = "Medium",
            ["actions"] = new JsonArray(
                AdaptiveCard.Submit(RecentLinksText.ShareButton, new JsonObject { [CardActions.Key] = CardActions.OpenShareForm }, "positive"),
                AdaptiveCard.Submit(RecentLinksText.GenerateButton, new JsonObject { [CardActions.Key] = CardActions.OpenGenerateForm })),
        });
        var fallback = list.Links.Count == 0 ? TeamsStrings.Format("Recent.NoneYet", RecentLinksText.Title) : $"{RecentLinksText.Title}: " + string.Join(", ", list.Links.Select(RecentLinksText.Fallback));
        return AdaptiveCard.Card(fallback, body,
        [
            AdaptiveCard.Submit(RecentLinksText.RequestButton, new JsonObject { [CardActions.Key] = CardActions.OpenRequestForm }),
        ]);
    }

    private static JsonObject BurnAction(RecentLink link)
    {
        var burn = AdaptiveCard.Submit(link.PassphraseRequired ? SecretCardText.BurnConfirmYes : RecentLinksText.BurnButton,
            new JsonObject { [CardActions.Key] = CardActions.RecentBurn, [CardActions.TrackedKey] = link.Id }, "destructive");
        if (!link.PassphraseRequired)
        {
            return burn;
        }

        return new JsonObject
        {
            ["type"] = "Action.ShowCard",
            ["title"] = RecentLinksText.BurnButton,
            ["card"] = new JsonObject
            {
                ["type"] = "AdaptiveCard",
                ["body"] = new JsonArray
                {
                    AdaptiveCard.Text(SecretCardText.BurnConfirmText, size: "Small"),
                    new JsonObject
                    {
                        ["type"] = "Input.Text", ["id"] = PassphraseInput(link.Id), ["style"] = "Password", ["isRequired"] = true,
                        ["label"] = TeamsStrings.Get("Burn.Passphrase.Needed"),
                        ["errorMessage"] = TeamsStrings.Get("Burn.Passphrase.Missing"), ["maxLength"] = SharingRules.MaxPassphrase,
                    },
                },
                ["actions"] = new JsonArray(burn),
            },
        };
    }

    // Teams shows a name, not an id: a person the bot was not told the name of is "someone".
    private static string Name(Person person) => person.Name ?? TeamsStrings.Get("Recent.Someone");
}
