using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using OneTimeBot.Core.Commands;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Teams.Activities;
using OneTimeBot.Teams.Cards;
using OneTimeBot.Teams.Configuration;
using OneTimeBot.Teams.Connector;
using OneTimeSecret.Client;

namespace OneTimeBot.Teams.Handlers;

/// <summary>
/// The personal chat with the bot: typed commands, the forms and buttons of its cards, and the welcome. Replies go
/// through the Bot Connector after Teams was answered; status and burn update the card they were pressed on.
/// </summary>
public sealed class ChatHandlers(
    SharingService sharing,
    WorkspaceSettingsService workspaces,
    ConnectorClient connector,
    IOptions<TeamsOptions> options)
{
    private TimeSpan Budget => options.Value.FollowUpBudget;

    public async Task TextAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (TeamsActors.For(activity) is not { } actor)
        {
            return;
        }

        var reply = CommandParser.Parse(MentionText.Of(activity)) switch
        {
            HelpCommand => FormCards.Help(),
            ShareCommand { Secret: null } => FormCards.Share(await SettingsAsync(actor, cancellationToken).ConfigureAwait(false)),
            // Already in the chat's history: a link made from it would only pretend to protect it.
            ShareCommand => FormCards.Notice("Please don't type secrets in messages: they stay in this chat's history. Delete your message, then use the form.", "Type share on its own for the form."),
            GenerateCommand generate => Card(await sharing.GenerateAsync(actor, new GenerateInput(generate.Ttl, generate.Length), Budget, cancellationToken).ConfigureAwait(false)),
            ConfigCommand => await ConfigAsync(actor, cancellationToken).ConfigureAwait(false),
            UnknownCommand unknown => FormCards.Help(unknown.Problem),
            _ => FormCards.Help(),
        };
        await connector.ReplyAsync(activity, reply, cancellationToken).ConfigureAwait(false);
    }

    public async Task SubmitAsync(Activity activity, FormValues values, CancellationToken cancellationToken)
    {
        if (TeamsActors.For(activity) is not { } actor)
        {
            return;
        }

        var receipt = values[CardActions.ReceiptKey] ?? "";
        switch (values.Action)
        {
            case CardActions.OpenShareForm:
                await connector.ReplyAsync(activity, FormCards.Share(await SettingsAsync(actor, cancellationToken).ConfigureAwait(false)), cancellationToken).ConfigureAwait(false);
                break;
            case CardActions.OpenGenerateForm:
                await connector.ReplyAsync(activity, FormCards.Generate(await SettingsAsync(actor, cancellationToken).ConfigureAwait(false)), cancellationToken).ConfigureAwait(false);
                break;
            case CardActions.Share:
                var shared = await sharing.ShareAsync(actor, FormInputs.Share(values), Budget, cancellationToken).ConfigureAwait(false);
                await connector.ReplyAsync(activity, shared.IsSuccess || shared.Error.Kind != SharingErrorKind.InvalidInput
                    ? Card(shared)
                    : FormCards.Share(await SettingsAsync(actor, cancellationToken).ConfigureAwait(false), values, shared.Error), cancellationToken).ConfigureAwait(false);
                break;
            case CardActions.Generate:
                var (input, inputError) = FormInputs.Generate(values);
                var generated = inputError is null ? await sharing.GenerateAsync(actor, input!, Budget, cancellationToken).ConfigureAwait(false) : inputError;
                await connector.ReplyAsync(activity, generated.IsSuccess || generated.Error.Kind != SharingErrorKind.InvalidInput
                    ? Card(generated)
                    : FormCards.Generate(await SettingsAsync(actor, cancellationToken).ConfigureAwait(false), values, generated.Error), cancellationToken).ConfigureAwait(false);
                break;
            case CardActions.Status:
                await ReceiptAsync(activity, await sharing.StatusAsync(actor, receipt, Budget, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                break;
            case CardActions.Burn:
                await ReceiptAsync(activity, await sharing.BurnAsync(actor, receipt, null, Budget, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                break;
            case CardActions.SaveConfig:
                await connector.ReplyAsync(activity, await SaveConfigAsync(actor, values, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>What the user reads when handling their message failed on OneTimeBot's side.</summary>
    public Task ApologizeAsync(Activity activity, CancellationToken cancellationToken) =>
        connector.ReplyAsync(activity, FormCards.Notice("Something went wrong on OneTimeBot's side, and nothing was shared.", "Try again in a moment."), cancellationToken);

    public Task WelcomeAsync(Activity activity, CancellationToken cancellationToken) =>
        connector.ReplyAsync(activity, FormCards.Help(welcome: true), cancellationToken);

    /// <summary>The new state replaces the card it was asked on; a refusal or failure goes privately to whoever pressed.</summary>
    private async Task ReceiptAsync(Activity activity, Result<SecretCard, SharingError> result, CancellationToken cancellationToken)
    {
        if (result.IsSuccess && activity.ReplyToId is { Length: > 0 } cardId &&
            await connector.UpdateAsync(activity, cardId, SecretCardRenderer.Render(result.Value), cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        await connector.SendPrivatelyAsync(activity, Card(result), cancellationToken).ConfigureAwait(false);
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

    private Task<WorkspaceSettings> SettingsAsync(Actor actor, CancellationToken cancellationToken) => workspaces.GetAsync(actor.Workspace, cancellationToken);

    private static JsonObject Card(Result<SecretCard, SharingError> result) =>
        result.IsSuccess ? SecretCardRenderer.Render(result.Value) : SecretCardRenderer.Render(result.Error);
}
