using System.Text.Json.Nodes;
using OneTimeBot.Core.Commands;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Slack.Handlers;
using OneTimeBot.Slack.Payloads;
using OneTimeBot.Slack.Views;

namespace OneTimeBot.Slack.Hosting;

/// <summary>
/// The Slack app's routing table, in one place: commands by what the grammar made of their text, buttons by
/// <c>action_id</c>, modals by <c>callback_id</c>, events by type. Requests reach it verified and parsed.
/// </summary>
public sealed class SlackRouter(CommandHandlers commands, ActionHandlers actions, ViewHandlers views, EventHandlers events)
{
    /// <summary>The HTTP answer to a slash command; null for an empty 200 (a modal opened instead).</summary>
    public Task<SlackReply?> CommandAsync(SlashCommand command, CancellationToken cancellationToken) => CommandParser.Parse(command.Text) switch
    {
        HelpCommand => CommandHandlers.HelpAsync(command),
        ShareCommand { Secret: null } => commands.OpenShareModalAsync(command, cancellationToken),
        ShareCommand { Secret: { } secret } => commands.ShareAsync(command, secret),
        GenerateCommand generate => commands.GenerateAsync(command, generate),
        ConfigCommand => commands.OpenConfigAsync(command, cancellationToken),
        UnknownCommand unknown => CommandHandlers.UnknownAsync(command, unknown),
        _ => CommandHandlers.HelpAsync(command),
    };

    /// <summary>Handles a button press; Slack only needs an empty 200 for it.</summary>
    public Task ActionAsync(string actionId, ActionContext context, CancellationToken cancellationToken) => actionId switch
    {
        HelpBlocks.OpenShareAction => actions.OpenShareModalAsync(context, cancellationToken),
        HelpBlocks.OpenGenerateAction => actions.OpenGenerateModalAsync(context, cancellationToken),
        CardBlocks.CheckStatusAction => actions.StatusAsync(context, cancellationToken),
        CardBlocks.BurnAction => actions.BurnAsync(context, cancellationToken),
        CardBlocks.BurnWithPassphraseAction => actions.OpenBurnModalAsync(context, cancellationToken),
        _ => Task.CompletedTask,
    };

    /// <summary>The HTTP answer to a modal submission; null closes the modal.</summary>
    public Task<JsonObject?> ViewAsync(string callbackId, ViewContext context, CancellationToken cancellationToken) => callbackId switch
    {
        ShareModal.CallbackId => views.ShareAsync(context, cancellationToken),
        GenerateModal.CallbackId => views.GenerateAsync(context, cancellationToken),
        BurnModal.CallbackId => views.BurnAsync(context, cancellationToken),
        ConfigModal.CallbackId => views.ConfigAsync(context, cancellationToken),
        _ => Task.FromResult<JsonObject?>(null),
    };

    /// <summary>Handles an event after Slack was answered.</summary>
    public Task EventAsync(EventEnvelope envelope, SlackEvent e, CancellationToken cancellationToken) => e switch
    {
        // A person's message in the bot's DM; bots (including this one) and edits, joins and the like are ignored.
        { Type: "message", ChannelType: "im", Subtype: null, BotId: null } => events.DirectMessageAsync(envelope, e, cancellationToken),
        { Type: "app_uninstalled" } => events.UninstalledAsync(envelope, cancellationToken),
        { Type: "tokens_revoked" } => events.TokensRevokedAsync(envelope, e, cancellationToken),
        _ => Task.CompletedTask,
    };
}
