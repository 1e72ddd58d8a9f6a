using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using OneTimeBot.Core.Commands;
using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Storage;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Teams.Activities;
using OneTimeBot.Teams.Cards;
using OneTimeBot.Teams.Configuration;
using OneTimeBot.Teams.Connector;
using OneTimeBot.Teams.Localization;
using OneTimeSecret.Client;

namespace OneTimeBot.Teams.Handlers;

/// <summary>
/// The personal chat with the bot: typed commands (the core's grammar), the forms and buttons of its cards, and the
/// welcome. Replies go through the Bot Connector after Teams was answered; status and burn update the card they were
/// pressed on. The organisation's settings are for the admins listed in <c>Teams:AdminObjectIds</c> only.
/// </summary>
public sealed class ChatHandlers(
    BotCommands commands,
    SharingService sharing,
    LinkDelivery links,
    WorkspaceSettingsService workspaces,
    SecretForms forms,
    ConnectorClient connector,
    WorkspacePurge purge,
    IOptions<TeamsOptions> options)
{
    /// <summary>Worded when it is said, in the language of whoever asked.</summary>
    private static Notice AdminsOnly => new(TeamsStrings.Get("Chat.AdminsOnly"), TeamsStrings.Get("Chat.AdminsOnly.Hint"));

    private TimeSpan Budget => options.Value.FollowUpBudget;

    public async Task TextAsync(TeamsTurn turn, CancellationToken cancellationToken)
    {
        var typed = commands.Parse(MentionText.Of(turn.Activity));
        var reply = await commands.RunAsync(typed, turn.Actor, CommandSurface.Chat, Budget, cancellationToken).ConfigureAwait(false);
        var card = await ReplyCards.RenderAsync(reply, form => OpenFormAsync(form, turn.Actor, cancellationToken)).ConfigureAwait(false);
        await ReplyAsync(turn, card, cancellationToken).ConfigureAwait(false);
    }

    public async Task OpenShareFormAsync(TeamsTurn turn, CancellationToken cancellationToken) =>
        await ReplyAsync(turn, await forms.BlankAsync(BotForm.Share, turn.Actor, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    public async Task OpenGenerateFormAsync(TeamsTurn turn, CancellationToken cancellationToken) =>
        await ReplyAsync(turn, await forms.BlankAsync(BotForm.Generate, turn.Actor, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    public async Task ShareAsync(TeamsTurn turn, FormValues values, CancellationToken cancellationToken) =>
        await ReplyAsync(turn, await AnswerAsync(turn, await forms.SubmitAsync(BotForm.Share, turn.Actor, values, Budget, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    public async Task GenerateAsync(TeamsTurn turn, FormValues values, CancellationToken cancellationToken) =>
        await ReplyAsync(turn, await AnswerAsync(turn, await forms.SubmitAsync(BotForm.Generate, turn.Actor, values, Budget, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    public async Task StatusAsync(TeamsTurn turn, string? receiptId, CancellationToken cancellationToken) =>
        await ReceiptAsync(turn, await sharing.StatusAsync(turn.Actor, receiptId ?? "", Budget, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    /// <summary>Burn now; for a secret with a passphrase, with the one typed into the card's burn form.</summary>
    public async Task BurnAsync(TeamsTurn turn, string? receiptId, FormValues values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        var passphrase = SecretText.FromOptional(values[FormCards.PassphraseInput]);
        await ReceiptAsync(turn, await sharing.BurnAsync(turn.Actor, receiptId ?? "", passphrase, Budget, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }

    public async Task SaveConfigAsync(TeamsTurn turn, FormValues values, CancellationToken cancellationToken) =>
        await ReplyAsync(turn, await SaveConfigAsync(turn.Actor, values, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    /// <summary>A button the bot has no route for: said so, rather than nothing happening.</summary>
    public Task UnknownButtonAsync(TeamsTurn turn, CancellationToken cancellationToken) =>
        ReplyAsync(turn, ReplyCards.Notice(new Notice(TeamsStrings.Get("Chat.UnknownButton"), TeamsStrings.Get("Chat.UnknownButton.Hint"))), cancellationToken);

    /// <summary>A message whose sender Teams did not name: nothing can be looked up or shared for nobody.</summary>
    public Task UnidentifiedAsync(Activity activity, CancellationToken cancellationToken) =>
        connector.ReplyAsync(activity, ReplyCards.Notice(new Notice(TeamsReplies.NoOrganisation, TeamsStrings.Get("Chat.NoOrganisation.Hint"))), cancellationToken);

    /// <summary>What the user reads when handling their message failed on OneTimeBot's side.</summary>
    public Task ApologizeAsync(Activity activity, CancellationToken cancellationToken) =>
        connector.ReplyAsync(activity, ReplyCards.Notice(Notices.Apology), cancellationToken);

    public Task WelcomeAsync(Activity activity, CancellationToken cancellationToken) =>
        connector.ReplyAsync(activity, ReplyCards.Help(commands.Help(welcome: true)), cancellationToken);

    /// <summary>
    /// The person removed the app for themselves: their notification choice is forgotten. Teams says nothing when an
    /// organisation removes the app, and the person may still share from a team, so their links and requests stay
    /// until their own time.
    /// </summary>
    public Task RemovedAsync(TeamsTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return purge.ForgetPersonAsync(turn.Actor, cancellationToken);
    }

    /// <summary>A form a typed command asked for: the settings card for the organisation's admins only.</summary>
    private async Task<JsonObject> OpenFormAsync(BotForm form, Actor actor, CancellationToken cancellationToken) => form switch
    {
        BotForm.Config when !IsAdmin(actor) => ReplyCards.Notice(AdminsOnly),
        BotForm.Config => ConfigCard.Build(await workspaces.FormAsync(actor.Workspace, cancellationToken).ConfigureAwait(false)),
        BotForm.Request => RequestCards.Form(),
        _ => await forms.BlankAsync(form, actor, cancellationToken).ConfigureAwait(false),
    };

    private Task<bool> ReplyAsync(TeamsTurn turn, JsonObject card, CancellationToken cancellationToken) => connector.ReplyAsync(turn.Activity, card, cancellationToken);

    /// <summary>
    /// The card on success, once the link went on to the person picked (it says whether it arrived), or after a failure
    /// the user cannot fix in the form; else the form again.
    /// </summary>
    private async Task<JsonObject> AnswerAsync(TeamsTurn turn, FormSubmission submitted, CancellationToken cancellationToken) =>
        submitted.FormAgain ?? SecretCardRenderer.Render(
            await links.SendAsync(turn.Actor, submitted.SendTo, submitted.Result, null, cancellationToken).ConfigureAwait(false), CardAudience.Sender);

    /// <summary>The new state replaces the card it was asked on; a refusal or failure goes privately to whoever pressed.</summary>
    private async Task ReceiptAsync(TeamsTurn turn, Result<SecretCard, SharingError> result, CancellationToken cancellationToken)
    {
        if (result.IsSuccess && turn.Activity.ReplyToId is { Length: > 0 } cardId &&
            await connector.UpdateAsync(turn.Activity, cardId, SecretCardRenderer.Render(result.Value, CardAudience.Sender), cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        await connector.SendPrivatelyAsync(turn.Activity, SecretCardRenderer.Render(result, CardAudience.Sender), cancellationToken).ConfigureAwait(false);
    }

    private async Task<JsonObject> SaveConfigAsync(Actor actor, FormValues values, CancellationToken cancellationToken)
    {
        if (!IsAdmin(actor))
        {
            return ReplyCards.Notice(AdminsOnly);
        }

        var change = SettingsFormReader.Read(values);
        var saved = change.IsSuccess ? await workspaces.UpdateAsync(actor, change.Value, cancellationToken).ConfigureAwait(false) : change.Error;
        return saved.IsSuccess
            ? ConfigCard.Saved(saved.Value)
            // The card again with everything the admin typed, the token aside, and what to fix.
            : ConfigCard.Build(await workspaces.FormAsync(actor.Workspace, cancellationToken).ConfigureAwait(false), saved.Error, values);
    }

    private bool IsAdmin(Actor actor) => options.Value.AdminObjectIds.Contains(actor.UserId, StringComparer.OrdinalIgnoreCase);
}
