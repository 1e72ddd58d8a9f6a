using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Slack.Configuration;
using OneTimeBot.Slack.Handlers;
using OneTimeBot.Slack.Payloads;
using OneTimeBot.Slack.Views;

namespace OneTimeBot.Slack.Hosting;

/// <summary>
/// The Slack app's route table, in one place, as Bolt registers its listeners: slash commands by name, buttons by
/// <c>action_id</c>, modal submissions and global shortcuts by <c>callback_id</c> and events by type, one handler
/// method per route.
/// Requests reach it verified and parsed. Whatever has no route is logged and answered with the empty 200 Slack wants,
/// except a slash command: its sender typed it and waits for an answer, so they are told which one this app answers.
/// </summary>
public sealed partial class SlackRouter
{
    private readonly Dictionary<string, Func<SlashCommand, CancellationToken, Task<SlackReply?>>> _commands;
    private readonly Dictionary<string, Func<ActionContext, CancellationToken, Task>> _actions;
    private readonly Dictionary<string, Func<ViewContext, CancellationToken, Task<JsonObject?>>> _views;
    private readonly Dictionary<string, Func<ActionContext, CancellationToken, Task>> _shortcuts;
    private readonly Dictionary<string, Func<EventEnvelope, SlackEvent, CancellationToken, Task>> _events;
    private readonly string _command;
    private readonly ILogger<SlackRouter> _logger;

    public SlackRouter(
        CommandHandlers commands, ActionHandlers actions, ViewHandlers views, EventHandlers events, RequestHandlers requests, HomeHandlers home, IOptions<SlackOptions> options, ILogger<SlackRouter> logger)
    {
        ArgumentNullException.ThrowIfNull(home);
        ArgumentNullException.ThrowIfNull(commands);
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(views);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger;
        _command = options.Value.Command;

        _commands = new(StringComparer.Ordinal)
        {
            [_command] = commands.OneTimeAsync,
        };
        _actions = new(StringComparer.Ordinal)
        {
            [ActionIds.OpenShareForm] = actions.OpenShareModalAsync,
            [ActionIds.OpenGenerateForm] = actions.OpenGenerateModalAsync,
            [ActionIds.CheckStatus] = actions.StatusAsync,
            [ActionIds.Burn] = actions.BurnAsync,
            [ActionIds.BurnWithPassphrase] = actions.OpenBurnModalAsync,
            [ActionIds.OpenRequestForm] = requests.OpenRequestModalAsync,
            [ActionIds.AnswerRequest] = requests.OpenAnswerModalAsync,
            [ActionIds.DeclineRequest] = requests.DeclineAsync,
            [ActionIds.HomeBurn] = home.BurnAsync,
        };
        _views = new(StringComparer.Ordinal)
        {
            [ShareModal.CallbackId] = views.ShareAsync,
            [GenerateModal.CallbackId] = views.GenerateAsync,
            [BurnModal.CallbackId] = views.BurnAsync,
            [ConfigModal.CallbackId] = views.ConfigAsync,
            [BurnModal.TrackedCallbackId] = home.BurnWithPassphraseAsync,
            [RequestModal.CallbackId] = requests.SubmitRequestAsync,
            [AnswerModal.CallbackId] = requests.SubmitAnswerAsync,
        };
        _shortcuts = new(StringComparer.Ordinal)
        {
            [RequestModal.ShortcutCallbackId] = requests.OpenRequestModalAsync,
        };
        _events = new(StringComparer.Ordinal)
        {
            // As the manifest subscribes to them: a message is keyed by where it was posted.
            ["message.im"] = events.DirectMessageAsync,
            ["app_uninstalled"] = (envelope, _, ct) => events.UninstalledAsync(envelope, ct),
            ["tokens_revoked"] = events.TokensRevokedAsync,
            ["app_home_opened"] = home.OpenedAsync,
        };
    }

    /// <summary>The HTTP answer to a slash command; null for an empty 200 (a modal opened instead).</summary>
    public Task<SlackReply?> CommandAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (_commands.TryGetValue(command.Command, out var route))
        {
            return route(command, cancellationToken);
        }

        // Only the name: the text after it may be a secret.
        LogUnroutedCommand(Printable(command.Command), _command);
        return Task.FromResult<SlackReply?>(SlackMessages.UnknownCommand(_command));
    }

    /// <summary>Handles a button press; Slack only needs an empty 200 for it.</summary>
    public Task ActionAsync(string actionId, ActionContext context, CancellationToken cancellationToken) =>
        _actions.TryGetValue(actionId, out var route) ? route(context, cancellationToken) : Unrouted("action", actionId);

    /// <summary>The HTTP answer to a modal submission; null closes the modal.</summary>
    public Task<JsonObject?> ViewAsync(string callbackId, ViewContext context, CancellationToken cancellationToken) =>
        _views.TryGetValue(callbackId, out var route) ? route(context, cancellationToken) : Unrouted<JsonObject>("view", callbackId);

    /// <summary>Handles a global shortcut; Slack only needs an empty 200 for it.</summary>
    public Task ShortcutAsync(string callbackId, ActionContext context, CancellationToken cancellationToken) =>
        _shortcuts.TryGetValue(callbackId, out var route) ? route(context, cancellationToken) : Unrouted("shortcut", callbackId);

    /// <summary>Handles an event after Slack was answered.</summary>
    public Task EventAsync(EventEnvelope envelope, SlackEvent e, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(e);
        var type = e.Type == "message" ? $"message.{e.ChannelType}" : e.Type ?? "";
        return _events.TryGetValue(type, out var route) ? route(envelope, e, cancellationToken) : Unrouted("event", type);
    }

    /// <summary>Logs what the table has no route for; the caller answers Slack with its empty 200.</summary>
    public void NoRoute(string kind, string? key) => LogUnrouted(kind, Printable(key ?? ""));

    private Task Unrouted(string kind, string key)
    {
        NoRoute(kind, key);
        return Task.CompletedTask;
    }

    private Task<T?> Unrouted<T>(string kind, string key)
        where T : class
    {
        NoRoute(kind, key);
        return Task.FromResult<T?>(null);
    }

    /// <summary>A key as it may be logged: an identifier as Slack's are, else not at all (a signed field is still typed by someone).</summary>
    private static string Printable(string key) =>
        key.Length is > 0 and <= 64 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '/' or '-') ? key : "(unprintable)";

    [LoggerMessage(Level = LogLevel.Warning, Message = "No route for the Slack slash command '{Command}': this app answers {Configured} (Slack:Command); the sender was told so")]
    private partial void LogUnroutedCommand(string command, string configured);

    [LoggerMessage(Level = LogLevel.Information, Message = "No route for the Slack {Kind} '{Key}': answered with an empty 200")]
    private partial void LogUnrouted(string kind, string key);
}
