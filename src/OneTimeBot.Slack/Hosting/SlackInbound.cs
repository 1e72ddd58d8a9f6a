using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using OneTimeBot.Core.Commands;
using OneTimeBot.Core.Events;
using OneTimeBot.Core.Hosting;
using OneTimeBot.Core.Localization;
using OneTimeBot.Core.Storage;
using OneTimeBot.Core.Telemetry;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Slack.Delivery;
using OneTimeBot.Slack.Handlers;
using OneTimeBot.Slack.Localization;
using OneTimeBot.Slack.Payloads;
using OneTimeBot.Slack.Users;
using OneTimeBot.Slack.Verification;
using OneTimeBot.Slack.Views;
using OneTimeBot.Slack.WebApi;

namespace OneTimeBot.Slack.Hosting;

/// <summary>
/// Everything that happens to a Slack request once it is known to come from Slack, whichever way it came: a signed HTTP
/// post (<see cref="SlackEndpoints"/>) or a Socket Mode envelope. Each kind has one entry point, which parses the body
/// into records, applies the workspace allow-list and the response_url policy, and hands the request to the
/// <see cref="SlackRouter"/>. Malformed input is refused, and a failure answered with a private message, never thrown.
/// Here, once, a request of an allowed workspace learns its user's language (<see cref="SlackUserLanguages"/>): it is
/// answered in it, and the user's <see cref="Core.Workspaces.ChatReach.Locale"/> carries it to later messages.
/// </summary>
public sealed partial class SlackInbound(
    SlackRouter router,
    WorkspaceAllowList workspaces,
    ResponseUrlPolicy responseUrls,
    SlackDelivery delivery,
    IEventDeduplicator seen,
    FollowUps followUps,
    WorkspacePurge purges,
    SlackUserLanguages languages,
    BotMetrics metrics,
    TimeProvider time,
    ILogger<SlackInbound> logger)
{
    private static readonly TimeSpan EventMemory = TimeSpan.FromHours(1);

    private static readonly PerLanguage<SlackReply> NotAvailable = new(SlackMessages.NotAvailable);

    /// <summary>A slash command, from its form fields.</summary>
    public Task<SlackAnswer> CommandAsync(IReadOnlyDictionary<string, StringValues> form, CancellationToken cancellationToken) =>
        MeasuredAsync("command", form, static (inbound, form, ct) => inbound.HandleCommandAsync(SlashCommand.From(form), ct), cancellationToken);

    /// <summary>A slash command, from the form Slack posted.</summary>
    internal Task<SlackAnswer> CommandAsync(SlackForm form, CancellationToken cancellationToken) =>
        MeasuredAsync("command", form, static (inbound, form, ct) => inbound.HandleCommandAsync(SlashCommand.From(form), ct), cancellationToken);

    /// <summary>An interaction (button, modal submission, shortcut), from its JSON <c>payload</c>.</summary>
    public Task<SlackAnswer> InteractionAsync(string? payloadJson, CancellationToken cancellationToken) =>
        MeasuredAsync("interaction", payloadJson, static (inbound, json, ct) => inbound.HandleInteractionAsync(json, ct), cancellationToken);

    /// <summary>An Events API callback (or the URL handshake), from its JSON. The event is handled after the answer.</summary>
    public Task<SlackAnswer> EventAsync(string? json, CancellationToken cancellationToken) =>
        MeasuredAsync("event", json, static (inbound, json, ct) => inbound.HandleEventAsync(json, ct), cancellationToken);

    /// <summary>
    /// One span and one acknowledgement measurement per request, whichever transport brought it. Over Socket Mode the
    /// span is the trace's root; over HTTP it is a child of the server's. The kind is one of three fixed words. With no
    /// listener for either, the request is handled as it stands: no clock reading, span check or frame around it.
    /// </summary>
    private Task<SlackAnswer> MeasuredAsync<TRequest>(string kind, TRequest request, Func<SlackInbound, TRequest, CancellationToken, Task<SlackAnswer>> handle, CancellationToken cancellationToken) =>
        metrics.AcknowledgementsMeasured || BotTelemetry.Source.HasListeners()
            ? MeasureAsync(kind, request, handle, cancellationToken)
            : handle(this, request, cancellationToken);

    private async Task<SlackAnswer> MeasureAsync<TRequest>(string kind, TRequest request, Func<SlackInbound, TRequest, CancellationToken, Task<SlackAnswer>> handle, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        using var span = BotTelemetry.Source.StartActivity("slack " + kind, ActivityKind.Server);
        span?.SetTag("onetimebot.platform", BotTelemetry.Slack);
        var answer = await handle(this, request, cancellationToken).ConfigureAwait(false);
        var outcome = BotTelemetry.Outcome(answer.Status);
        span?.SetTag("onetimebot.outcome", outcome);
        if (answer.Status >= 500)
        {
            span?.SetStatus(ActivityStatusCode.Error);
        }

        metrics.Acknowledged(BotTelemetry.Slack, kind, outcome, time.GetElapsedTime(started));
        return answer;
    }

    private async Task<SlackAnswer> HandleCommandAsync(SlashCommand? parsed, CancellationToken cancellationToken)
    {
        if (parsed is null)
        {
            LogMalformed("command");
            return SlackAnswer.Malformed(RefusedRequests.MalformedCommand);
        }

        if (!workspaces.Allows(parsed.EnterpriseId, parsed.TeamId))
        {
            LogNotAllowed("command", parsed.TeamId, parsed.EnterpriseId);
            return SlackAnswer.Reply(NotAvailable.Current);
        }

        var locale = await languages.LocaleAsync(parsed.TeamId, parsed.EnterpriseId, parsed.UserId, cancellationToken).ConfigureAwait(false);
        using var language = LanguageScope.Use(Languages.From(locale));
        var command = parsed with { ResponseUrl = responseUrls.Permit(parsed.ResponseUrl), Locale = locale };
        try
        {
            var reply = await router.CommandAsync(command, cancellationToken).ConfigureAwait(false);
            return reply is null ? SlackAnswer.Ok : SlackAnswer.Reply(reply);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed("command", ex.GetType().Name);
            return SlackAnswer.Reply(SlackMessages.Apology());
        }
    }

    private async Task<SlackAnswer> HandleInteractionAsync(string? payloadJson, CancellationToken cancellationToken)
    {
        var payload = SlackJson.TryRead<InteractionPayload>(payloadJson);
        if (payload?.TeamId is not { } team || payload.User?.Id is not { Length: > 0 } user)
        {
            LogMalformed("interaction");
            return SlackAnswer.Malformed(RefusedRequests.MalformedInteraction);
        }

        var enterprise = payload.Enterprise?.Id is { Length: > 0 } e ? e : null;
        var responseUrl = responseUrls.Permit(SlackUrls.TryResponseUrl(payload.ResponseUrl));
        if (!workspaces.Allows(enterprise, payload.Team?.Id, payload.User.TeamId, payload.View?.TeamId, payload.View?.AppInstalledTeamId))
        {
            LogNotAllowed(payload.Type ?? "interaction", team, enterprise);
            return RefuseInteraction(payload, new ReplyTarget(team, enterprise, responseUrl, Channel: null));
        }

        // A button or a modal's submit is answered within Slack's 3 s by work that has its own budget (InlineWait, the
        // modal budget): the language known now is used, never waited for. The form was opened by a request that
        // asked, so the language is known by then nearly always.
        var locale = payload.Type is "view_submission" or "block_actions"
            ? languages.KnownOrLookUp(team, enterprise, user)
            : await languages.LocaleAsync(team, enterprise, user, cancellationToken).ConfigureAwait(false);
        using var language = LanguageScope.Use(Languages.From(locale));

        try
        {
            switch (payload.Type)
            {
                case "block_actions" when payload.Actions is [{ ActionId: { } actionId } action, ..]:
                    // A button on a view (the App Home tab) has no channel: the view's metadata names the DM it answers in.
                    var pressed = new SlackOrigin(team, enterprise, user, responseUrl, payload.Channel?.Id ?? ViewMetadata.Read(payload.View?.PrivateMetadata).Channel, payload.TriggerId) { Locale = locale };
                    await router.ActionAsync(actionId, new ActionContext(pressed, action.Value ?? ""), cancellationToken).ConfigureAwait(false);
                    return SlackAnswer.Ok;
                case "view_submission" when payload.View?.CallbackId is { } callbackId:
                    // Where the modal was opened from: its answer goes there, through a response_url the policy allows.
                    var metadata = ViewMetadata.Read(payload.View.PrivateMetadata);
                    var openedAt = responseUrls.Permit(SlackUrls.TryResponseUrl(metadata.ResponseUrl));
                    var openedFrom = new SlackOrigin(team, enterprise, user, openedAt, metadata.Channel) { Locale = locale };
                    var view = new ViewContext(openedFrom, metadata with { ResponseUrl = openedAt?.ToString() }, new ViewValues(payload.View.State));
                    var answer = await router.ViewAsync(callbackId, view, cancellationToken).ConfigureAwait(false);
                    return answer is null ? SlackAnswer.Ok : SlackAnswer.Body(answer);
                case "shortcut" when payload.CallbackId is { } shortcut:
                    // A global shortcut comes from no conversation: there is no response_url or channel to answer in.
                    var invoked = new SlackOrigin(team, enterprise, user, ResponseUrl: null, Channel: null, payload.TriggerId) { Locale = locale };
                    await router.ShortcutAsync(shortcut, new ActionContext(invoked, ""), cancellationToken).ConfigureAwait(false);
                    return SlackAnswer.Ok;
                default:
                    // view_closed, message shortcuts and the like: the app registers none, and Slack wants its 200.
                    router.NoRoute("interaction", payload.Type);
                    return SlackAnswer.Ok;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(payload.Type ?? "interaction", ex.GetType().Name);
            return payload.Type == "view_submission"
                ? SlackAnswer.Body(ViewResponses.Errors(FirstBlock(payload.View), Notices.Apology))
                : SlackAnswer.Ok;
        }
    }

    private async Task<SlackAnswer> HandleEventAsync(string? json, CancellationToken cancellationToken)
    {
        var envelope = SlackJson.TryRead<EventEnvelope>(json);
        switch (envelope)
        {
            case { Type: "url_verification", Challenge: { } challenge }:
                return SlackAnswer.Body(new JsonObject { ["challenge"] = challenge });
            case { Type: "event_callback", EventId: { Length: > 0 }, Event: { } e } when !IsRemoval(e) && !workspaces.Allows(envelope.EnterpriseId, envelope.TeamId, e.Team):
                // Answered 200 so that Slack does not retry; nothing is claimed, stored or sent.
                LogNotAllowed("event " + e.Type, envelope.TeamId ?? e.Team ?? "none", envelope.EnterpriseId);
                return SlackAnswer.Ok;
            case { Type: "event_callback", EventId: { Length: > 0 } eventId, Event: { } e }:
                // A removal's purge is owed from before Slack hears back, so a host that stops first leaves it to
                // another's cleaner. A retry of a removal already claimed (so already noted) notes nothing: noted again
                // after the workspace installed the app again, it would move the moment later and purge what was made since.
                if (EventHandlers.PurgeOf(envelope, e) is { } purge && !await OweAsync(eventId, purge, cancellationToken).ConfigureAwait(false))
                {
                    return SlackAnswer.Unavailable;
                }

                // Slack retries an event it thinks went unanswered; a retry must never make a second secret.
                var first = await ClaimAsync(eventId, cancellationToken).ConfigureAwait(false);
                if (first is null)
                {
                    return SlackAnswer.Unavailable;
                }

                if (first == false)
                {
                    LogDuplicate(eventId);
                    return SlackAnswer.Ok;
                }

                followUps.Run("event " + e.Type, ct => HandleEventAsync(envelope, e, ct));
                return SlackAnswer.Ok;
            default:
                LogMalformed("event");
                return SlackAnswer.Malformed(RefusedRequests.MalformedEvent);
        }
    }

    /// <summary>An event, after Slack was answered, in the language of the person it came from when it is from one.</summary>
    private async Task HandleEventAsync(EventEnvelope envelope, SlackEvent e, CancellationToken cancellationToken)
    {
        // Only a person's own words in their DM with the bot, or their opening its Home tab, are answered.
        var fromPerson = e.Type is "app_home_opened" || (e is { Type: "message", ChannelType: "im", Subtype: null, BotId: null });
        var locale = fromPerson && (envelope.TeamId ?? e.Team) is { Length: > 0 } team && e.User is { Length: > 0 } user
            ? await languages.LocaleAsync(team, envelope.EnterpriseId, user, cancellationToken).ConfigureAwait(false)
            : null;
        using var language = LanguageScope.Use(Languages.From(locale));
        await router.EventAsync(envelope with { UserLocale = locale }, e, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The app being removed from a workspace is still honoured for a workspace that is not (or no longer) allowed:
    /// it only deletes what that workspace had stored.
    /// </summary>
    private static bool IsRemoval(SlackEvent e) => e.Type is "app_uninstalled" or "tokens_revoked";

    /// <summary>
    /// A workspace that is not allowed learns so privately where Slack lets the answer be seen (beside a form field, or
    /// through the action's response_url), and nothing is acted on.
    /// </summary>
    private SlackAnswer RefuseInteraction(InteractionPayload payload, ReplyTarget target)
    {
        switch (payload.Type)
        {
            case "view_submission":
                return SlackAnswer.Body(ViewResponses.Errors(FirstBlock(payload.View), NotAvailable.Current.Text));
            case "block_actions" when target.ResponseUrl is not null:
                var refusal = NotAvailable.Current;
                delivery.Later("refusal", target, _ => Task.FromResult(refusal));
                return SlackAnswer.Ok;
            default:
                return SlackAnswer.Ok;
        }
    }

    /// <summary>
    /// Notes a removal's purge as owed, unless its event was claimed before (a delivery claims only after noting); false
    /// when the store cannot say or note (Slack will retry the event).
    /// </summary>
    private async Task<bool> OweAsync(string eventId, PurgeTarget purge, CancellationToken cancellationToken)
    {
        try
        {
            if (!await seen.WasClaimedAsync(EventKey(eventId), cancellationToken).ConfigureAwait(false))
            {
                await purges.OweAsync(purge, cancellationToken).ConfigureAwait(false);
            }

            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed("removal's owed purge", ex.GetType().Name);
            return false;
        }
    }

    /// <summary>True the first time an event id is seen; null when the store cannot say (Slack will retry).</summary>
    private async Task<bool?> ClaimAsync(string eventId, CancellationToken cancellationToken)
    {
        try
        {
            return await seen.TryClaimAsync(EventKey(eventId), EventMemory, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed("event de-duplication", ex.GetType().Name);
            return null;
        }
    }

    private static string EventKey(string eventId) => "slack-event:" + eventId;

    private static string FirstBlock(SlackView? view) =>
        view?.State?.Values?.Keys.FirstOrDefault() ?? Core.Errors.SharingError.SecretField;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a Slack {Kind} from team {Team}, enterprise {Enterprise}: not in Slack:AllowedTeams or Slack:AllowedEnterprises")]
    private partial void LogNotAllowed(string kind, string team, string? enterprise);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a malformed Slack {Kind}")]
    private partial void LogMalformed(string kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored Slack event {EventId}: already handled")]
    private partial void LogDuplicate(string eventId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling a Slack {Kind} failed with {ExceptionType}")]
    private partial void LogFailed(string kind, string exceptionType);
}
