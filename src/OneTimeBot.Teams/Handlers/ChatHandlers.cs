using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using OneTimeBot.Core.Commands;
using OneTimeBot.Core.Errors;
using OneTimeBot.Core.OneTimeSecret;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Teams.Activities;
using OneTimeBot.Teams.Cards;
using OneTimeBot.Teams.Configuration;
using OneTimeBot.Teams.Connector;

namespace OneTimeBot.Teams.Handlers;

/// <summary>
/// The personal chat with the bot: typed commands, the forms and buttons of its cards, and the welcome. Replies go
/// through the Bot Connector after Teams was answered; status and burn update the card they were pressed on.
/// </summary>
public sealed class ChatHandlers(
    SharingService sharing,
    WorkspaceSettingsService workspaces,
    SecretForms forms,
    ConnectorClient connector,
    IOptions<TeamsOptions> options)
{
    private TimeSpan Budget => options.Value.FollowUpBudget;

    public async Task TextAsync(TeamsTurn turn, CancellationToken cancellationToken)
    {
        var actor = turn.Actor;
        var reply = CommandParser.Parse(MentionText.Of(turn.Activity)) switch
        {
            HelpCommand => FormCards.Help(),
            ShareCommand { Secret: null } => await forms.BlankAsync(SecretForm.Share, actor, cancellationToken).ConfigureAwait(false),
            // Already in the chat's history: a link made from it would only pretend to protect it.
            ShareCommand => FormCards.Notice("Please don't type secrets in messages: they stay in this chat's history. Delete your message, then use the form.", "Type share on its own for the form."),
            GenerateCommand generate => Card(await sharing.GenerateAsync(actor, new GenerateInput(generate.Ttl, generate.Length), Budget, cancellationToken).ConfigureAwait(false)),
            ConfigCommand => await ConfigAsync(actor, cancellationToken).ConfigureAwait(false),
            UnknownCommand unknown => FormCards.Help(unknown.Problem),
            _ => FormCards.Help(),
        };
        await ReplyAsync(turn, reply, cancellationToken).ConfigureAwait(false);
    }

    public async Task OpenShareFormAsync(TeamsTurn turn, CancellationToken cancellationToken) =>
        await ReplyAsync(turn, await forms.BlankAsync(SecretForm.Share, turn.Actor, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    public async Task OpenGenerateFormAsync(TeamsTurn turn, CancellationToken cancellationToken) =>
        await ReplyAsync(turn, await forms.BlankAsync(SecretForm.Generate, turn.Actor, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    public async Task ShareAsync(TeamsTurn turn, FormValues values, CancellationToken cancellationToken) =>
        await ReplyAsync(turn, Answer(await forms.SubmitAsync(SecretForm.Share, turn.Actor, values, Budget, cancellationToken).ConfigureAwait(false)), cancellationToken).ConfigureAwait(false);

    public async Task GenerateAsync(TeamsTurn turn, FormValues values, CancellationToken cancellationToken) =>
        await ReplyAsync(turn, Answer(await forms.SubmitAsync(SecretForm.Generate, turn.Actor, values, Budget, cancellationToken).ConfigureAwait(false)), cancellationToken).ConfigureAwait(false);

    public async Task StatusAsync(TeamsTurn turn, string? receiptId, CancellationToken cancellationToken) =>
        await ReceiptAsync(turn, await sharing.StatusAsync(turn.Actor, receiptId ?? "", Budget, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    public async Task BurnAsync(TeamsTurn turn, string? receiptId, CancellationToken cancellationToken) =>
        await ReceiptAsync(turn, await sharing.BurnAsync(turn.Actor, receiptId ?? "", null, Budget, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    public async Task SaveConfigAsync(TeamsTurn turn, FormValues values, CancellationToken cancellationToken) =>
        await ReplyAsync(turn, await SaveConfigAsync(turn.Actor, values, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    /// <summary>A button or message the bot has no route for: said so, rather than nothing happening.</summary>
    public Task UnknownButtonAsync(TeamsTurn turn, CancellationToken cancellationToken) =>
        ReplyAsync(turn, FormCards.Notice("That button is not one OneTimeBot knows, so nothing happened.", "Type help to see what OneTimeBot can do."), cancellationToken);

    /// <summary>A message whose sender Teams did not name: nothing can be looked up or shared for nobody.</summary>
    public Task UnidentifiedAsync(Activity activity, CancellationToken cancellationToken) =>
        connector.ReplyAsync(activity, FormCards.Notice(TeamsReplies.NoOrganisation, "Try again from a chat in your organisation."), cancellationToken);

    /// <summary>What the user reads when handling their message failed on OneTimeBot's side.</summary>
    public Task ApologizeAsync(Activity activity, CancellationToken cancellationToken) =>
        connector.ReplyAsync(activity, FormCards.Notice("Something went wrong on OneTimeBot's side, and nothing was shared.", "Try again in a moment."), cancellationToken);

    public Task WelcomeAsync(Activity activity, CancellationToken cancellationToken) =>
        connector.ReplyAsync(activity, FormCards.Help(welcome: true), cancellationToken);

    private Task<bool> ReplyAsync(TeamsTurn turn, JsonObject card, CancellationToken cancellationToken) => connector.ReplyAsync(turn.Activity, card, cancellationToken);

    /// <summary>The card on success or after a failure the user cannot fix in the form; else the form again.</summary>
    private static JsonObject Answer(FormSubmission submitted) => submitted.FormAgain ?? Card(submitted.Result);

    /// <summary>The new state replaces the card it was asked on; a refusal or failure goes privately to whoever pressed.</summary>
    private async Task ReceiptAsync(TeamsTurn turn, Result<SecretCard, SharingError> result, CancellationToken cancellationToken)
    {
        if (result.IsSuccess && turn.Activity.ReplyToId is { Length: > 0 } cardId &&
            await connector.UpdateAsync(turn.Activity, cardId, SecretCardRenderer.Render(result.Value), cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        await connector.SendPrivatelyAsync(turn.Activity, Card(result), cancellationToken).ConfigureAwait(false);
    }

    private async Task<JsonObject> ConfigAsync(Actor actor, CancellationToken cancellationToken) =>
        IsAdmin(actor)
            ? ConfigCard.Build(await workspaces.FormAsync(actor.Workspace, cancellationToken).ConfigureAwait(false))
            : FormCards.Notice("Only OneTimeBot's admins for this organisation can change its settings.", "Ask whoever runs OneTimeBot to add you to Teams:AdminObjectIds.");

    private async Task<JsonObject> SaveConfigAsync(Actor actor, FormValues values, CancellationToken cancellationToken)
    {
        if (!IsAdmin(actor))
        {
            return FormCards.Notice("Only OneTimeBot's admins for this organisation can change its settings.", "Ask whoever runs OneTimeBot to add you to Teams:AdminObjectIds.");
        }

        var (change, error) = ConfigCard.Read(values);
        var saved = error is null ? await workspaces.UpdateAsync(actor, change!, cancellationToken).ConfigureAwait(false) : error;
        return saved.IsSuccess
            ? ConfigCard.Saved(saved.Value)
            // The card again with everything the admin typed, the token aside, and what to fix.
            : ConfigCard.Build(await workspaces.FormAsync(actor.Workspace, cancellationToken).ConfigureAwait(false), saved.Error, values);
    }

    private bool IsAdmin(Actor actor) => options.Value.AdminObjectIds.Contains(actor.UserId, StringComparer.OrdinalIgnoreCase);

    private static JsonObject Card(Result<SecretCard, SharingError> result) =>
        result.IsSuccess ? SecretCardRenderer.Render(result.Value) : SecretCardRenderer.Render(result.Error);
}
