using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Hosting;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneTimeBot.Core.Events;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Slack.Handlers;
using OneTimeBot.Slack.Installations;
using OneTimeBot.Slack.Payloads;
using OneTimeBot.Slack.Verification;
using OneTimeBot.Slack.Views;
using OneTimeBot.Slack.WebApi;

namespace OneTimeBot.Slack.Hosting;

/// <summary>
/// Slack's three POST endpoints. Each reads the raw body, checks Slack's signature on exactly those bytes before
/// anything else, parses into records and hands them to the <see cref="SlackRouter"/>. Malformed input gets a 400,
/// a forged, stale or replayed request a 401, and a failure inside a private message rather than a 500.
/// </summary>
public static partial class SlackEndpoints
{
    private static readonly TimeSpan EventMemory = TimeSpan.FromHours(1);

    public static IEndpointRouteBuilder MapSlackEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var slack = app.MapGroup("/slack");
        slack.MapPost("/commands", CommandsAsync);
        slack.MapPost("/interactivity", InteractivityAsync);
        slack.MapPost("/events", EventsAsync);
        slack.MapGet("/install", SlackInstall.Start);
        slack.MapGet("/oauth_redirect", SlackInstall.FinishAsync);
        return app;
    }

    private static async Task<IResult> CommandsAsync(
        HttpContext http, SlackRequestVerifier verifier, SlackRouter router, WorkspaceAllowList workspaces, ResponseUrlPolicy responseUrls, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(SlackEndpoints).FullName!);
        var body = await SlackRequestBody.ReadAsync(http.Request, http.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var form = SlackRequestBody.Form(body);
        // Slack checks the certificate with an unsigned post; it wants a 200 and nothing else.
        if (form.TryGetValue("ssl_check", out var sslCheck) && sslCheck == "1" && !form.ContainsKey("command"))
        {
            return Results.Ok();
        }

        if (await RefuseAsync(http, verifier, body, logger, StorageDown).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        if (SlashCommand.From(form) is not { } parsed)
        {
            LogMalformed(logger, "command");
            return Results.BadRequest("A slash command needs team_id, user_id and command.");
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
            return Reply(SlackMessages.Notice("Something went wrong on OneTimeBot's side, and nothing was shared.", "Try again in a moment."));
        }
    }

    private static async Task<IResult> InteractivityAsync(
        HttpContext http, SlackRequestVerifier verifier, SlackRouter router, WorkspaceAllowList workspaces, ResponseUrlPolicy responseUrls, SlackDelivery delivery, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(SlackEndpoints).FullName!);
        // An interaction cannot be answered with a message; Slack shows its own error when it gets a 503.
        var (body, refused) = await ReadVerifiedAsync(http, verifier, logger, Results.StatusCode(StatusCodes.Status503ServiceUnavailable)).ConfigureAwait(false);
        if (refused is not null)
        {
            return refused;
        }

        var form = SlackRequestBody.Form(body);
        var payload = form.TryGetValue("payload", out var json) && json.Count == 1 ? SlackJson.TryRead<InteractionPayload>(json[0]) : null;
        if (payload?.TeamId is not { } team || payload.User?.Id is not { Length: > 0 } user)
        {
            LogMalformed(logger, "interaction");
            return Results.BadRequest("An interaction payload needs a team and a user.");
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
                    var context = new ActionContext(team, enterprise, user, action.Value ?? "", payload.TriggerId, responseUrl, payload.Channel?.Id);
                    await router.ActionAsync(actionId, context, http.RequestAborted).ConfigureAwait(false);
                    return Results.Ok();
                case "view_submission" when payload.View?.CallbackId is { } callbackId:
                    var metadata = ViewMetadata.Read(payload.View.PrivateMetadata);
                    metadata = metadata with { ResponseUrl = responseUrls.Permit(SlackUrls.TryResponseUrl(metadata.ResponseUrl))?.ToString() };
                    var view = new ViewContext(team, enterprise, user, metadata, new ViewValues(payload.View.State));
                    var answer = await router.ViewAsync(callbackId, view, http.RequestAborted).ConfigureAwait(false);
                    return answer is null ? Results.Ok() : Json(answer);
                default:
                    // view_closed, shortcuts and the like: nothing to do, and Slack wants its 200.
                    return Results.Ok();
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !http.RequestAborted.IsCancellationRequested)
        {
            LogFailed(logger, payload.Type ?? "interaction", ex.GetType().Name);
            return payload.Type == "view_submission"
                ? Json(new JsonObject { ["response_action"] = "errors", ["errors"] = new JsonObject { [FirstBlock(payload.View)] = "Something went wrong on OneTimeBot's side. Try again in a moment." } })
                : Results.Ok();
        }
    }

    private static async Task<IResult> EventsAsync(
        HttpContext http, SlackRequestVerifier verifier, SlackRouter router, WorkspaceAllowList workspaces, IEventDeduplicator seen, FollowUps followUps, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(SlackEndpoints).FullName!);
        // A 503 makes Slack retry the event later, when the store is back.
        var (body, refused) = await ReadVerifiedAsync(http, verifier, logger, Results.StatusCode(StatusCodes.Status503ServiceUnavailable)).ConfigureAwait(false);
        if (refused is not null)
        {
            return refused;
        }

        var envelope = SlackJson.TryRead<EventEnvelope>(Encoding.UTF8.GetString(body));
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
                    return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
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
                return Results.BadRequest("Not an event Slack sends.");
        }
    }

    /// <summary>The raw body of a genuine request, or the answer that refuses it (too large, unsigned, forged, stale, replayed).</summary>
    private static async Task<(byte[] Body, IResult? Refusal)> ReadVerifiedAsync(HttpContext http, SlackRequestVerifier verifier, ILogger logger, IResult storeDown)
    {
        var body = await SlackRequestBody.ReadAsync(http.Request, http.RequestAborted).ConfigureAwait(false);
        return body is null
            ? ([], Results.StatusCode(StatusCodes.Status413PayloadTooLarge))
            : (body, await RefuseAsync(http, verifier, body, logger, storeDown).ConfigureAwait(false));
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
                return Json(new JsonObject { ["response_action"] = "errors", ["errors"] = new JsonObject { [FirstBlock(payload.View)] = NotAvailable.Text } });
            case "block_actions" when target.ResponseUrl is not null:
                delivery.Later("refusal", target, _ => Task.FromResult(NotAvailable));
                return Results.Ok();
            default:
                return Results.Ok();
        }
    }

    private static readonly SlackReply NotAvailable = SlackMessages.NotAvailable();

    // Built once: it is the answer to every command while the store is down, and otherwise never needed.
    private static readonly IResult StorageDown = Json(SlackMessages.Notice(
        "OneTimeBot cannot reach its storage right now, so it did nothing.", "Try again in a minute; if it keeps happening, tell whoever runs OneTimeBot.").ToJson());

    /// <summary>
    /// Null for a genuine request; else the 401. When the replay check cannot reach the store, the request is not
    /// acted on (fail closed) and <paramref name="storeDown"/> is the answer.
    /// </summary>
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

    private static async Task<IResult?> RefuseAsync(HttpContext http, SlackRequestVerifier verifier, byte[] body, ILogger logger, IResult storeDown)
    {
        SlackVerification verdict;
        try
        {
            verdict = await verifier.VerifyAsync(
                http.Request.Headers[SlackSignature.TimestampHeader], http.Request.Headers[SlackSignature.SignatureHeader], body, http.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !http.RequestAborted.IsCancellationRequested)
        {
            LogFailed(logger, "verification", ex.GetType().Name);
            return storeDown;
        }

        if (verdict == SlackVerification.Valid)
        {
            return null;
        }

        LogRefused(logger, http.Request.Path, verdict);
        return Results.Text("The request's Slack signature is missing, wrong, stale or replayed.", "text/plain", statusCode: StatusCodes.Status401Unauthorized);
    }

    private static IResult Reply(SlackReply reply) => Results.Bytes(reply.ToUtf8Json(), "application/json; charset=utf-8");

    private static IResult Json(JsonObject body) => Results.Text(body.ToJsonString(SlackReply.WireOptions), "application/json; charset=utf-8");

    private static string FirstBlock(SlackView? view) =>
        view?.State?.Values?.Keys.FirstOrDefault() ?? Core.Errors.SharingError.SecretField;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a Slack request to {Path}: {Verdict}")]
    private static partial void LogRefused(ILogger logger, string path, SlackVerification verdict);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a Slack {Kind} from team {Team}, enterprise {Enterprise}: not in Slack:AllowedTeams or Slack:AllowedEnterprises")]
    private static partial void LogNotAllowed(ILogger logger, string kind, string team, string? enterprise);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a malformed Slack {Kind}")]
    private static partial void LogMalformed(ILogger logger, string kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored Slack event {EventId}: already handled")]
    private static partial void LogDuplicate(ILogger logger, string eventId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling a Slack {Kind} failed with {ExceptionType}")]
    private static partial void LogFailed(ILogger logger, string kind, string exceptionType);
}
