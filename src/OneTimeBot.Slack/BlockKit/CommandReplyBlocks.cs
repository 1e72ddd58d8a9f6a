using OneTimeBot.Core.Commands;

namespace OneTimeBot.Slack.BlockKit;

/// <summary>Lays out what the core answered a command with, as a slash command's answer or a message into a DM.</summary>
public static class CommandReplyBlocks
{
    /// <param name="reply">What the core decided.</param>
    /// <param name="command">The app's slash command (Slack:Command), which every usage and hint names.</param>
    /// <param name="surface">Where the command was typed: after the slash command, or bare in the DM.</param>
    public static SlackReply Render(CommandReply reply, string command, CommandSurface surface) => reply switch
    {
        HelpReply help => HelpBlocks.Render(help, surface == CommandSurface.SlashCommand ? command : null),
        CardReply card => CardBlocks.Render(card.Result),
        NoticeReply notice => SlackMessages.Notice(notice.Notice, offerForms: notice.OfferForms),
        RecentLinksReply recent => RecentLinksBlocks.Message(recent.List),
        // Where no form can be opened (a typed message has no trigger id), the way to one instead.
        FormReply { Form: BotForm.Share } => SlackMessages.ShareButton(),
        FormReply { Form: BotForm.Generate } => SlackMessages.GenerateButton(),
        FormReply { Form: BotForm.Config } => SlackMessages.ConfigInDm(command),
        FormReply { Form: BotForm.Request } => RequestBlocks.FormButton(),
        RequestReply request => RequestBlocks.Render(request.Result),
        FormReply form => throw new ArgumentOutOfRangeException(nameof(reply), form.Form, "A form Slack has no way to offer in a message."),
        _ => throw new ArgumentOutOfRangeException(nameof(reply), reply?.GetType().Name, "A command reply Block Kit has no layout for."),
    };
}
