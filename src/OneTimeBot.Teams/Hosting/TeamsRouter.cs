using System.Text.Json;
using System.Text.Json.Nodes;
using OneTimeBot.Teams.Activities;
using OneTimeBot.Teams.Cards;
using OneTimeBot.Teams.Handlers;

namespace OneTimeBot.Teams.Hosting;

/// <summary>
/// The Teams bot's routing table, in one place: invokes by name (and message-extension command), messages by whether
/// they carry a card's submitted values or typed text, and the install events. Activities reach it authenticated.
/// </summary>
public sealed class TeamsRouter(MessageExtensionHandlers extension, ChatHandlers chat)
{
    /// <summary>The answer to an invoke, which is the HTTP response itself and must come within 5 s.</summary>
    public Task<JsonObject> InvokeAsync(Activity activity, CancellationToken cancellationToken) => activity.Name switch
    {
        "composeExtension/fetchTask" => extension.FetchTaskAsync(activity, CommandId(activity), cancellationToken),
        "composeExtension/submitAction" => extension.SubmitActionAsync(activity, CommandId(activity), new FormValues(Data(activity)), cancellationToken),
        _ => Task.FromResult(new JsonObject()),
    };

    /// <summary>
    /// Handles any other activity, after Teams was answered. When handling a message fails unexpectedly (the store
    /// is down, say), the user is told so in the chat rather than left waiting; the failure still propagates to be logged.
    /// </summary>
    public async Task ActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        try
        {
            await RouteAsync(activity, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (activity.Type == "message" && !cancellationToken.IsCancellationRequested)
        {
            await chat.ApologizeAsync(activity, cancellationToken).ConfigureAwait(false);
            throw;
        }
    }

    private Task RouteAsync(Activity activity, CancellationToken cancellationToken) => activity switch
    {
        { Type: "message", Value.ValueKind: JsonValueKind.Object } => chat.SubmitAsync(activity, new FormValues(activity.Value), cancellationToken),
        { Type: "message" } => chat.TextAsync(activity, cancellationToken),
        { Type: "conversationUpdate" } when activity.MembersAdded?.Any(m => m.Id == activity.Recipient?.Id) == true => chat.WelcomeAsync(activity, cancellationToken),
        { Type: "installationUpdate", Action: "add" } => chat.WelcomeAsync(activity, cancellationToken),
        _ => Task.CompletedTask,
    };

    private static string? CommandId(Activity activity) =>
        activity.Value is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty("commandId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;

    private static JsonElement? Data(Activity activity) =>
        activity.Value is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty("data", out var data) ? data : null;
}
