using System.Text.Json.Nodes;
using OneTimeBot.Core.Commands;
using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Requests;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Slack.Delivery;
using OneTimeBot.Slack.Views;

namespace OneTimeBot.Slack.Handlers;

/// <summary>
/// Asking someone for a secret in Slack: the "Request a secret" modal (from the shortcut, the command or a button),
/// and the Send it securely and Decline buttons on the message the person asked gets, with the modal that answers.
/// The answer's link goes to the requester after the modal closed; the message the person asked got then says what
/// became of the request.
/// </summary>
public sealed class RequestHandlers(SecretRequestService requests, SlackForms forms, SlackDelivery delivery)
{
    /// <summary>The shortcut or a button: opens the request modal while the trigger id is fresh.</summary>
    public async Task OpenRequestModalAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        TellIfNotOpened("request-form", context, await forms.OpenAsync(BotForm.Request, context.Origin, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Send it securely: the answer modal, for the person asked while the request is open; else why not.</summary>
    public async Task OpenAnswerModalAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var opened = await requests.OpenAsync(context.Origin.Actor, context.Value, cancellationToken).ConfigureAwait(false);
        var problem = opened.IsSuccess
            ? await forms.OpenAnswerAsync(context.Origin, opened.Value, cancellationToken).ConfigureAwait(false)
            : CardBlocks.Render(opened.Error);
        TellIfNotOpened("answer-form", context, problem);
    }

    /// <summary>Decline: acked at once; the message then says it was declined, or why it could not be.</summary>
    public Task DeclineAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        delivery.Later("decline-request", context.Origin.Target, async ct =>
        {
            var declined = await requests.DeclineAsync(context.Origin.Actor, context.Value, ct).ConfigureAwait(false);
            return declined.IsSuccess ? RequestBlocks.Declined(declined.Value) : CardBlocks.Render(declined.Error);
        });
        return Task.CompletedTask;
    }

    /// <summary>
    /// The request modal: a mistake keeps it open beside its field. Sent, it closes and the requester hears where it
    /// was opened; opened from a shortcut, which has nowhere to answer, it turns into the confirmation instead.
    /// </summary>
    public async Task<JsonObject?> SubmitRequestAsync(ViewContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (asked, note) = RequestModal.Read(context.Values);
        var created = await requests.CreateAsync(context.Origin.Actor, asked, note, cancellationToken).ConfigureAwait(false);
        if (!created.IsSuccess)
        {
            return ViewResponses.Errors(created.Error.Field == RequestRules.NoteField ? RequestRules.NoteField : RequestRules.PersonField, created.Error);
        }

        if (context.Origin.ResponseUrl is null && context.Origin.Channel is null)
        {
            return new JsonObject { ["response_action"] = "update", ["view"] = RequestModal.Sent(created.Value) };
        }

        var sent = RequestBlocks.Sent(created.Value);
        delivery.Later("request-sent", context.Origin.Target, _ => Task.FromResult(sent));
        return null;
    }

    /// <summary>
    /// The answer modal: the secret is made within the modal's budget and the request closed; a mistake, a failure or
    /// a request answered meanwhile keeps the modal open with what was typed. Then, after it closed, the link goes to
    /// the requester and the message the person asked got says so.
    /// </summary>
    public async Task<JsonObject?> SubmitAnswerAsync(ViewContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var actor = context.Origin.Actor;
        var answered = await requests.AnswerAsync(actor, context.Metadata.RequestId, AnswerModal.Read(context.Values), delivery.ModalBudget, cancellationToken).ConfigureAwait(false);
        if (!answered.IsSuccess)
        {
            var field = answered.Error.Field is SharingError.TtlField or SharingError.PassphraseField ? answered.Error.Field : SharingError.SecretField;
            return ViewResponses.Errors(field, answered.Error);
        }

        var made = answered.Value;
        delivery.Later("request-answered", context.Origin.Target, async ct =>
            RequestBlocks.Answered(await requests.SendAnswerAsync(actor, made, ct).ConfigureAwait(false)));
        return null;
    }

    /// <summary>A button's ack cannot carry a message, so why the form did not open goes through its response_url.</summary>
    private void TellIfNotOpened(string what, ActionContext context, SlackReply? problem)
    {
        if (problem is not null)
        {
            delivery.Later(what, context.Origin.Target, _ => Task.FromResult(problem));
        }
    }
}
