using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using OneTimeBot.Core.Commands;
using OneTimeBot.Core.Events;
using OneTimeBot.Core.Hosting;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Slack.Delivery;
using OneTimeBot.Slack.Handlers;
using OneTimeBot.Slack.Installations;
using OneTimeBot.Slack.Payloads;
using OneTimeBot.Slack.Verification;
using OneTimeBot.Slack.Views;
using OneTimeBot.Slack.WebApi;

namespace OneTimeBot.Slack.Hosting;

/// <summary>
/// Slack's endpoints. The three that Slack posts to sit behind <see cref="SlackSignatureFilter"/>; each parses the
/// verified body into records, applies the workspace allow-list and the response_url policy, and hands the request
/// to the <see cref="SlackRouter"/>. Malformed input gets a 400, and a failure a private message rather than a 500.
/// </summary>
public static partial class SlackEndpoints
{
    private static readonly TimeSpan EventMemory = TimeSpan.FromHours(1);

    private static readonly SlackReply NotAvailable = SlackMessages.NotAvailable();

    private static readonly IResult ServiceUnavailable = Results.StatusCode(StatusCodes.Status503ServiceUnavailable);

    // Built once: it is the answer to every command while the store is down, and otherwise never needed.
    private static readonly IResult StorageDown = Reply(SlackMessages.StorageDown());

    public static IEndpointRouteBuilder MapSlackEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // A browser's visits while installing the app: Slack signs nothing here, so they stay outside the signed group.
        app.MapGet("/slack/install", SlackInstall.Start);
        app.MapGet("/slack/oauth_redirect", SlackInstall.FinishAsync);

        var signed = app.MapGroup("/slack").AddEndpointFilter<RouteGroupBuilder, SlackSignatureFilter>();
        signed.MapPost("/commands", CommandsAsync).WithMetadata(new SignedSlackEndpoint(StorageDown, AnswersSslCheck: true));
        // An interaction cannot be answered with a message; Slack shows its own error when it gets a 503.
        signed.MapPost("/interactivity", InteractivityAsync).WithMetadata(new SignedSlackEndpoint(ServiceUnavailable));
        // A 503 makes Slack retry the event later, when the store is back.
        signed.MapPost("/events", EventsAsync).WithMetadata(new SignedSlackEndpoint(ServiceUnavailable));
        return app;
    }

    private static async Task<IResult> CommandsAsync(
        HttpContext http, SlackRouter router, WorkspaceAllowList workspaces, ResponseUrlPolicy responseUrls, ILoggerFactory loggers)
    {
        var logger = Logger(loggers);
        if (SlashCommand.From(SlackRequestBody.Verified(http).Form()) is not { } parsed)
        {
            LogMalformed(logger, "command");
            return Results.BadRequest(RefusedRequests.MalformedCommand);
        }

        if (!workspaces.Allows(parsed.EnterpriseId, parsed.TeamId))
        {
            LogNotAllowed(logger, "command", parsed.TeamId, parsed.EnterpriseId);
            return Reply(NotAvailable);
        }

        var command = parsed with { ResponseUrl = responseUrls.Permit(parsed.ResponseUrl) };
        try
        {
            var reply = await router.CommandAsync(command, http.RequestAborted).ConfigureAwait(false);
            return reply is null ? Results.Ok() : Reply(reply);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !http.RequestAborted.IsCancellationRequested)
        {
            LogFailed(logger, "command", ex.GetType().Name);
            return Reply(SlackMessages.Apology());
        }
    }

    private static async Task<IResult> InteractivityAsync(
        HttpContext http, SlackRouter router, WorkspaceAllowList workspaces, ResponseUrlPolicy responseUrls, SlackDelivery delivery, ILoggerFactory loggers)
    {
        var logger = Logger(loggers);
        var form = SlackRequestBody.Verified(http).Form();
        var payload = form.TryGetValue("payload", out var json) && json.Count == 1 ? SlackJson.TryRead<InteractionPayload>(json[0]) : null;
        if (payload?.TeamId is not { } team || payload.User?.Id is not { Length: > 0 } user)
        {
            LogMalformed(logger, "interaction");
            return Results.BadRequest(RefusedRequests.MalformedInteraction);
        }

        var enterprise = payload.Enterprise?.Id is { Length: > 0 } e ? e : null;
        var responseUrl = responseUrls.Permit(SlackUrls.TryResponseUrl(payload.ResponseUrl));
        if (!workspaces.Allows(enterprise, payload.Team?.Id, payload.User.TeamId, payload.View?.TeamId, payload.View?.AppInstalledTeamId))
        {
            LogNotAllowed(logger, payload.Type ?? "interaction", team, enterprise);
            return RefuseInteraction(payload, new ReplyTarget(team, enterprise, responseUrl, Channel: null), delivery);
        }

        try
        {
            switch (payload.Type)
            {
                case "block_actions" when payload.Actions is [{ ActionId: { } actionId } action, ..]:
                    // A button on a view (the App Home tab) has no channel: the view's metadata names the DM it answers in.
                    var pressed = new SlackOrigin(team, enterprise, user, responseUrl, payload.Channel?.Id ?? ViewMetadata.Read(payload.View?.PrivateMetadata).Channel, payload.TriggerId);
                    await router.ActionAsync(actionId, new ActionContext(pressed, action.Value ?? ""), http.RequestAborted).ConfigureAwait(false);
                    return Results.Ok();
                case "view_submission" when payload.View?.CallbackId is { } callbackId:
                    // Where the modal was opened from: its answer goes there, through a response_url the policy allows.
                    var metadata = ViewMetadata.Read(payload.View.PrivateMetadata);
                    var openedAt = responseUrls.Permit(SlackUrls.TryResponseUrl(metadata.ResponseUrl));
                    var openedFrom = new SlackOrigin(team, enterprise, user, openedAt, metadata.Channel);
                    var view = new ViewContext(openedFrom, metadata with { ResponseUrl = openedAt?.ToString() }, new ViewValues(payload.View.State));
                    var answer = await router.ViewAsync(callbackId, view, http.RequestAborted).ConfigureAwait(false);
                    return answer is null ? Results.Ok() : Json(answer);
                case "shortcut" when payload.CallbackId is { } shortcut:
                    // A global shortcut comes from no conversation: there is no response_url or channel to answer in.
                    var invoked = new SlackOrigin(team, enterprise, user, ResponseUrl: null, Channel: null, payload.TriggerId);
                    await router.ShortcutAsync(shortcut, new ActionContext(invoked, ""), http.RequestAborted).ConfigureAwait(false);
                    return Results.Ok();
                default:
                    // view_closed, message shortcuts and the like: the app registers none, and Slack wants its 200.
                    router.NoRoute("interaction", payload.Type);
                    return Results.Ok();
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !http.RequestAborted.IsCancellationRequested)
        {
            LogFailed(logger, payload.Type ?? "interaction", ex.GetType().Name);
            return payload.Type == "view_submission"
                ? Json(ViewResponses.Errors(FirstBlock(payload.View), Notices.Apology))
                : Results.Ok();
        }
    }

    private static async Task<IResult> EventsAsync(
        HttpContext http, SlackRouter router, WorkspaceAllowList workspaces, IEventDeduplicator seen, FollowUps followUps, ILoggerFactory loggers)
    {
        var logger = Logger(loggers);
        var envelope = SlackJson.TryRead<EventEnvelope>(SlackRequestBody.Verified(http).Text);
        switch (envelope)
        {
            case { Type: "url_verification", Challenge: { } challenge }:
                return Json(new JsonObject { ["challenge"] = challenge });
            case { Type: "event_callback", EventId: { Length: > 0 }, Event: { } e } when !IsRemoval(e) && !workspaces.Allows(envelope.EnterpriseId, envelope.TeamId, e.Team):
                // Answered 200 so that Slack does not retry; nothing is claimed, stored or sent.
                LogNotAllowed(logger, "event " + e.Type, envelope.TeamId ?? e.Team ?? "none", envelope.EnterpriseId);
                return Results.Ok();
            case { Type: "event_callback", EventId: { Length: > 0 } eventId, Event: { } e }:
                // Slack retries an event it thinks went unanswered; a retry must never make a second secret.
                var first = await ClaimAsync(seen, eventId, logger, http.RequestAborted).ConfigureAwait(false);
                if (first is null)
                {
                    return ServiceUnavailable;
                }

                if (first == false)
                {
                    LogDuplicate(logger, eventId);
                    return Results.Ok();
                }

                followUps.Run("event " + e.Type, ct => router.EventAsync(envelope, e, ct));
                return Results.Ok();
            default:
                LogMalformed(logger, "event");
                return Results.BadRequest(RefusedRequests.MalformedEvent);
        }
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
    private static IResult RefuseInteraction(InteractionPayload payload, ReplyTarget target, SlackDelivery delivery)
    {
        switch (payload.Type)
        {
            case "view_submission":
                return Json(ViewResponses.Errors(FirstBlock(payload.View), NotAvailable.Text));
            case "block_actions" when target.ResponseUrl is not null:
                delivery.Later("refusal", target, _ => Task.FromResult(NotAvailable));
                return Results.Ok();
            default:
                return Results.Ok();
        }
    }

    /// <summary>True the first time an event id is seen; null when the store cannot say (Slack will retry).</summary>
    private static async Task<bool?> ClaimAsync(IEventDeduplicator seen, string eventId, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            return await seen.TryClaimAsync("slack-event:" + eventId, EventMemory, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, "event de-duplication", ex.GetType().Name);
            return null;
        }
    }

    private static ILogger Logger(ILoggerFactory loggers) => loggers.CreateLogger(typeof(SlackEndpoints).FullName!);

    private static IResult Reply(SlackReply reply) => Results.Bytes(reply.ToUtf8Json(), "application/json; charset=utf-8");

    private static IResult Json(JsonObject body) => Results.Text(body.ToJsonString(SlackReply.WireOptions), "application/json; charset=utf-8");

    private static string FirstBlock(SlackView? view) =>
        view?.State?.Values?.Keys.FirstOrDefault() ?? Core.Errors.SharingError.SecretField;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a Slack {Kind} from team {Team}, enterprise {Enterprise}: not in Slack:AllowedTeams or Slack:AllowedEnterprises")]
    private static partial void LogNotAllowed(ILogger logger, string kind, string team, string? enterprise);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a malformed Slack {Kind}")]
    private static partial void LogMalformed(ILogger logger, string kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored Slack event {EventId}: already handled")]
    private static partial void LogDuplicate(ILogger logger, string eventId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling a Slack {Kind} failed with {ExceptionType}")]
    private static partial void LogFailed(ILogger logger, string kind, string exceptionType);
}
