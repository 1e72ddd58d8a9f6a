using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Requests;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Teams.Cards;
using OneTimeBot.Teams.Configuration;
using OneTimeBot.Teams.Connector;

namespace OneTimeBot.Teams.Handlers;

/// <summary>
/// Asking someone for a secret in the Teams chat: the request form (typed <c>request</c>, or its button) and its
/// submission, and the Send it securely and Decline buttons on the card the person asked gets. That card becomes the
/// answer form, then what was done with it; a mistake shows the form again with what was typed (never the secret), and
/// a request that can no longer be answered says why in a card of its own.
/// </summary>
public sealed class RequestChatHandlers(
    SecretRequestService requests,
    WorkspaceSettingsService workspaces,
    ConnectorClient connector,
    IOptions<TeamsOptions> options)
{
    private TimeSpan Budget => options.Value.FollowUpBudget;

    public Task OpenFormAsync(TeamsTurn turn, CancellationToken cancellationToken) =>
        connector.ReplyAsync(turn.Activity, RequestCards.Form(), cancellationToken);

    /// <summary>The request form's Send request: the request goes out and the form becomes what was asked; or the form again, as filled, with the problem.</summary>
    public async Task SubmitRequestAsync(TeamsTurn turn, FormValues values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        var (asked, note) = RequestCards.Read(values);
        var created = await requests.CreateAsync(turn.Actor, asked, note, cancellationToken).ConfigureAwait(false);
        var card = created.IsSuccess ? RequestCards.Sent(created.Value)
            : created.Error.Kind == SharingErrorKind.InvalidInput ? RequestCards.Form(values, created.Error)
            : SecretCardRenderer.Render(created.Error);
        await ReplaceOrReplyAsync(turn, card, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Send it securely: the card that asked becomes the answer form, for the person asked while the request is open.</summary>
    public async Task OpenAnswerAsync(TeamsTurn turn, string? requestId, CancellationToken cancellationToken)
    {
        var opened = await requests.OpenAsync(turn.Actor, requestId, cancellationToken).ConfigureAwait(false);
        if (!opened.IsSuccess)
        {
            await connector.SendPrivatelyAsync(turn.Activity, SecretCardRenderer.Render(opened.Error), cancellationToken).ConfigureAwait(false);
            return;
        }

        var settings = await workspaces.GetAsync(turn.Actor.Workspace, cancellationToken).ConfigureAwait(false);
        await ReplaceOrReplyAsync(turn, RequestCards.AnswerForm(opened.Value, settings), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The answer form's Send securely: the secret is made and the request closed, its link goes to the requester, and
    /// the form becomes what went to whom. A mistake shows the form again; a closed request or a failure says why.
    /// </summary>
    public async Task SubmitAnswerAsync(TeamsTurn turn, string? requestId, FormValues values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        var answered = await requests.AnswerAsync(turn.Actor, requestId, RequestCards.ReadAnswer(values), Budget, cancellationToken).ConfigureAwait(false);
        if (answered.IsSuccess)
        {
            var sent = await requests.SendAnswerAsync(turn.Actor, answered.Value, cancellationToken).ConfigureAwait(false);
            await ReplaceOrReplyAsync(turn, RequestCards.Answered(sent), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (answered.Error.Kind == SharingErrorKind.InvalidInput && await requests.OpenAsync(turn.Actor, requestId, cancellationToken).ConfigureAwait(false) is { IsSuccess: true } open)
        {
            var settings = await workspaces.GetAsync(turn.Actor.Workspace, cancellationToken).ConfigureAwait(false);
            await ReplaceOrReplyAsync(turn, RequestCards.AnswerForm(open.Value, settings, values, answered.Error), cancellationToken).ConfigureAwait(false);
            return;
        }

        await connector.SendPrivatelyAsync(turn.Activity, SecretCardRenderer.Render(answered.Error), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Decline: the card that asked becomes what was done, and the requester is told; or why it could not be.</summary>
    public async Task DeclineAsync(TeamsTurn turn, string? requestId, CancellationToken cancellationToken)
    {
        var declined = await requests.DeclineAsync(turn.Actor, requestId, cancellationToken).ConfigureAwait(false);
        if (declined.IsSuccess)
        {
            await ReplaceOrReplyAsync(turn, RequestCards.Declined(declined.Value), cancellationToken).ConfigureAwait(false);
            return;
        }

        await connector.SendPrivatelyAsync(turn.Activity, SecretCardRenderer.Render(declined.Error), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The card the button was pressed on becomes <paramref name="card"/>; where it cannot be replaced, it comes as a reply.</summary>
    private async Task ReplaceOrReplyAsync(TeamsTurn turn, JsonObject card, CancellationToken cancellationToken)
    {
        if (turn.Activity.ReplyToId is { Length: > 0 } cardId && await connector.UpdateAsync(turn.Activity, cardId, card, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        await connector.ReplyAsync(turn.Activity, card, cancellationToken).ConfigureAwait(false);
    }
}
