using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using OneTimeBot.Teams.Activities;
using OneTimeBot.Teams.Cards;
using OneTimeBot.Teams.Handlers;
using static OneTimeBot.Teams.Activities.TeamsNames;

namespace OneTimeBot.Teams.Hosting;

/// <summary>
/// The Teams bot's one route table: invokes by (invoke name, message extension <c>commandId</c>), card buttons by
/// their <c>Action.Submit</c> verb, typed text, and the install events, each to one handler method. A message
/// extension invoke or a button that matches no route is told so; any other invoke gets the empty answer it always
/// got, and events that ask nothing of the bot (typing, someone leaving) are let be.
/// Activities reach it authenticated and let in by their tenant.
/// </summary>
public sealed partial class TeamsRouter(MessageExtensionHandlers extension, ChatHandlers chat, RequestChatHandlers requests, RecentHandlers recent, ILogger<TeamsRouter> logger)
{
    /// <summary>The answer to an invoke, which is the HTTP response itself and must come within 5 s.</summary>
    public Task<JsonObject> InvokeAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        // Teams sends invokes of its own accord too (a card's refresh, sign-in, a tab's config). Only a user acting on
        // the message extension waits for the answer, so only they are shown a message; the rest get an empty 200.
        if (activity.Name?.StartsWith(MessageExtensionInvoke, StringComparison.Ordinal) != true)
        {
            LogNoRoute(logger, activity.Name ?? "(none)");
            return Task.FromResult(new JsonObject());
        }

        if (TeamsTurn.For(activity) is not { } turn)
        {
            return Task.FromResult(InvokeResponses.Message(TeamsReplies.NoOrganisation));
        }

        var action = TeamsJson.TryReadValue<MessageExtensionAction>(activity.Value);
        var form = action?.Data?.Values ?? new FormValues(null);
        return (activity.Name, action?.CommandId) switch
        {
            (FetchTask, ShareSecretCommand) => extension.OpenShareFormAsync(turn, cancellationToken),
            (FetchTask, GeneratePasswordCommand) => extension.OpenGenerateFormAsync(turn, cancellationToken),
            (SubmitAction, ShareSecretCommand) => extension.ShareAsync(turn, form, cancellationToken),
            (SubmitAction, GeneratePasswordCommand) => extension.GenerateAsync(turn, form, cancellationToken),
            _ => Task.FromResult(InvokeResponses.Message(TeamsReplies.UnknownRequest)),
        };
    }

    /// <summary>
    /// Handles any other activity, after Teams was answered. When handling a message fails unexpectedly (the store
    /// is down, say), the user is told so in the chat rather than left waiting; the failure still propagates to be logged.
    /// </summary>
    public async Task ActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        try
        {
            await RouteAsync(activity, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (activity.Type == Message && !cancellationToken.IsCancellationRequested)
        {
            await chat.ApologizeAsync(activity, cancellationToken).ConfigureAwait(false);
            throw;
        }
    }

    private Task RouteAsync(Activity activity, CancellationToken cancellationToken) => (activity, TeamsTurn.For(activity)) switch
    {
        ({ Type: Message }, null) => chat.UnidentifiedAsync(activity, cancellationToken),
        // A button on one of the bot's cards: its data and the card's inputs come back as the message's value.
        ({ Type: Message, Value.ValueKind: JsonValueKind.Object }, { } turn) => ButtonAsync(turn, TeamsJson.TryReadValue<CardSubmit>(activity.Value), cancellationToken),
        ({ Type: Message }, { } turn) => chat.TextAsync(turn, cancellationToken),
        ({ Type: ConversationUpdate }, _) when activity.MembersAdded?.Any(m => m.Id == activity.Recipient?.Id) == true => chat.WelcomeAsync(activity, cancellationToken),
        ({ Type: InstallationUpdate, Action: "add" }, _) => chat.WelcomeAsync(activity, cancellationToken),
        ({ Type: InstallationUpdate, Action: "remove", Conversation.ConversationType: "personal" }, { } turn) => chat.RemovedAsync(turn, cancellationToken),
        _ => Task.CompletedTask,
    };

    private Task ButtonAsync(TeamsTurn turn, CardSubmit? submit, CancellationToken cancellationToken) => submit?.Verb switch
    {
        CardActions.OpenShareForm => chat.OpenShareFormAsync(turn, cancellationToken),
        CardActions.OpenGenerateForm => chat.OpenGenerateFormAsync(turn, cancellationToken),
        CardActions.Share => chat.ShareAsync(turn, submit.Values, cancellationToken),
        CardActions.Generate => chat.GenerateAsync(turn, submit.Values, cancellationToken),
        CardActions.Status => chat.StatusAsync(turn, submit.ReceiptId, cancellationToken),
        CardActions.Burn => chat.BurnAsync(turn, submit.ReceiptId, submit.Values, cancellationToken),
        CardActions.SaveConfig => chat.SaveConfigAsync(turn, submit.Values, cancellationToken),
        CardActions.OpenRequestForm => requests.OpenFormAsync(turn, cancellationToken),
        CardActions.SubmitRequest => requests.SubmitRequestAsync(turn, submit.Values, cancellationToken),
        CardActions.AnswerRequest => requests.OpenAnswerAsync(turn, submit.RequestId, cancellationToken),
        CardActions.SubmitAnswer => requests.SubmitAnswerAsync(turn, submit.RequestId, submit.Values, cancellationToken),
        CardActions.DeclineRequest => requests.DeclineAsync(turn, submit.RequestId, cancellationToken),
        CardActions.RecentBurn => recent.BurnAsync(turn, submit.TrackedId, submit.Values, cancellationToken),
        _ => chat.UnknownButtonAsync(turn, cancellationToken),
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "No route for the Teams invoke '{Name}': answered with an empty 200")]
    private static partial void LogNoRoute(ILogger logger, string name);
}
