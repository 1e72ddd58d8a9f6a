using OneTimeBot.Core.Workspaces;
using System.Text.Json.Nodes;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Tracking;
using OneTimeBot.Slack.Localization;

namespace OneTimeBot.Slack.BlockKit;

/// <summary>
/// A person's recent links in Block Kit, in the words of <see cref="RecentLinksText"/>: one section per link (what
/// it was, for whom, what became of it) with Burn beside a link still waiting. A Burn of a link with a passphrase has no
/// confirm dialog: pressing it opens the modal that asks for the passphrase, which is the confirmation. The same blocks
/// make the App Home tab and the answer to <c>recent</c>.
/// </summary>
public static class RecentLinksBlocks
{
    /// <summary>Adds the list to <paramref name="blocks"/>, after <paramref name="problem"/> when the last thing its reader did went wrong.</summary>
    public static JsonArray AddTo(JsonArray blocks, RecentLinkList list, Core.Commands.Notice? problem = null)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(list);
        blocks.Add(Blocks.Header(RecentLinksText.Title));
        if (problem is not null)
        {
            blocks.Add(Blocks.Section($":warning: *{Blocks.Escape(problem.Message)}*\n{Blocks.Escape(problem.Hint)}"));
        }

        blocks.Add(Blocks.Context(Blocks.Escape(RecentLinksText.Intro(list))));
        if (list.Links.Count == 0)
        {
            blocks.Add(Blocks.Section(RecentLinksText.Empty));
        }

        foreach (var link in list.Links)
        {
            var section = Blocks.Section($"*{RecentLinksText.Headline(link, Mention)}*\n{RecentLinksText.Status(link, Blocks.LocalDate)}");
            if (link.IsLive)
            {
                section["accessory"] = BurnButton(link);
            }

            blocks.Add(section);
        }

        return blocks;
    }

    /// <summary>The list as a private message, e.g. the answer to <c>recent</c>; <paramref name="replaceOriginal"/> after a Burn on it.</summary>
    public static SlackReply Message(RecentLinkList list, bool replaceOriginal = false)
    {
        ArgumentNullException.ThrowIfNull(list);
        var blocks = AddTo([], list);
        blocks.Add(HelpBlocks.ShareButtons());
        return new SlackReply(Fallback(list), blocks, replaceOriginal);
    }

    /// <summary>The plain text a notification or screen reader shows in place of the list.</summary>
    public static string Fallback(RecentLinkList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return list.Links.Count == 0
            ? SlackStrings.Format("RecentLinks.NoneYet", RecentLinksText.Title)
            : $"{RecentLinksText.Title}: " + string.Join(", ", list.Links.Select(RecentLinksText.Fallback));
    }

    private static JsonObject BurnButton(RecentLink link) => link.PassphraseRequired
        ? Blocks.Button(RecentLinksText.BurnButton, ActionIds.HomeBurn, link.Id, "danger")
        : Blocks.Button(RecentLinksText.BurnButton, ActionIds.HomeBurn, link.Id, "danger", Blocks.Confirm(
            RecentLinksText.BurnTitle, SecretCardText.BurnConfirmText, SecretCardText.BurnConfirmYes, SecretCardText.BurnConfirmNo));

    private static string Mention(Person person) => $"<@{person.UserId}>";
}
