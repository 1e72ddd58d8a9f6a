using System.Diagnostics;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneTimeBot.Core.Commands;
using OneTimeBot.Core.Events;
using OneTimeBot.Core.Hosting;
using OneTimeBot.Core.Localization;
using OneTimeBot.Core.Telemetry;
using OneTimeBot.Teams.Activities;
using OneTimeBot.Teams.Auth;
using OneTimeBot.Teams.Configuration;
using OneTimeBot.Teams.Handlers;

namespace OneTimeBot.Teams.Hosting;

/// <summary>
/// <c>POST /api/messages</c>. The Bot Framework token is validated before the body is even read; then the activity
/// must match it (service URL, endorsed channel). Invokes are answered in the response; everything else is acked at
/// once and handled after. Each activity is handled once, whatever Teams retries. Everything a let-in activity causes
/// (the invoke's answer, the chat's replies after it) speaks the sender's Teams language, <c>activity.locale</c>.
/// </summary>
public static partial class TeamsEndpoints
{
    private const int MaxBodyBytes = RequestBodyLimits.TeamsBytes;
    private static readonly TimeSpan ActivityMemory = TimeSpan.FromHours(1);

    public static IEndpointRouteBuilder MapTeamsEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/api/messages", MessagesAsync);
        return app;
    }

    /// <summary>
    /// One span and one acknowledgement measurement per request. The kind is invoke, message or activity (any other
    /// type), or unknown when the request was refused before its activity was read.
    /// </summary>
    private static async Task<IResult> MessagesAsync(
        HttpContext http, BotFrameworkTokenValidator validator, TenantAllowList tenants, TeamsRouter router, IEventDeduplicator seen, FollowUps followUps,
        IOptions<TeamsOptions> options, ILoggerFactory loggers, BotMetrics metrics, TimeProvider time)
    {
        var started = time.GetTimestamp();
        using var span = BotTelemetry.Source.StartActivity(BotTelemetry.TeamsActivitySpan, ActivityKind.Server);
        span?.SetTag("onetimebot.platform", BotTelemetry.Teams);
        var kind = new StrongBox<string>("unknown");
        var result = await AnswerAsync(http, validator, tenants, router, seen, followUps, options, loggers, kind).ConfigureAwait(false);
        var outcome = BotTelemetry.Outcome(result is IStatusCodeHttpResult { StatusCode: { } status } ? status : StatusCodes.Status200OK);
        span?.SetTag("onetimebot.kind", kind.Value);
        span?.SetTag("onetimebot.outcome", outcome);
        metrics.Acknowledged(BotTelemetry.Teams, kind.Value!, outcome, time.GetElapsedTime(started));
        return result;
    }

    private static async Task<IResult> AnswerAsync(
        HttpContext http, BotFrameworkTokenValidator validator, TenantAllowList tenants, TeamsRouter router, IEventDeduplicator seen, FollowUps followUps,
        IOptions<TeamsOptions> options, ILoggerFactory loggers, StrongBox<string> kind)
    {
        var logger = loggers.CreateLogger(typeof(TeamsEndpoints).FullName!);
        var authorization = http.Request.Headers.Authorization.ToString();
        InboundCheck check;
        if (authorization.Length == 0 && options.Value.AllowUnauthenticatedLocalDevelopment && IsLoopback(http))
        {
            check = InboundCheck.LocalDevelopment();
        }
        else
        {
            check = await validator.ValidateAsync(authorization, http.RequestAborted).ConfigureAwait(false);
        }

        if (!check.IsValid)
        {
            LogRefused(logger, check.Reason);
            return Results.Unauthorized();
        }

        var body = await BoundedBody.ReadAsync(http.Request.Body, http.Request.ContentLength, MaxBodyBytes, http.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        if (TeamsJson.TryReadActivity(body) is not { Type: { Length: > 0 } } activity)
        {
            LogMalformed(logger);
            return Results.BadRequest();
        }

        kind.Value = activity.Type switch
        {
            TeamsNames.Invoke => "invoke",
            "message" => "message",
            _ => "activity",
        };
        if (check.MismatchWith(activity.ServiceUrl, activity.ChannelId) is { } mismatch)
        {
            LogRefused(logger, mismatch);
            return Results.Unauthorized();
        }

        // The one place a tenant is let in: before anything is claimed, stored, answered or sent to its serviceUrl.
        if (tenants.Check(activity) is { } refusal)
        {
            LogTenantRefused(logger, refusal.Tenant, refusal.Reason);
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        // From here on the activity is understood: its answers, and the follow-ups started under it, speak its sender's language.
        using var language = LanguageScope.Use(Languages.From(activity.Locale));
        try
        {
            // Teams retries an activity it thinks went unanswered; a retry must never make a second secret.
            if (activity.Id is { Length: > 0 } id &&
                !await seen.TryClaimAsync($"teams-activity:{activity.Conversation?.Id}:{id}", ActivityMemory, http.RequestAborted).ConfigureAwait(false))
            {
                return activity.Type == TeamsNames.Invoke
                    ? Json(InvokeResponses.Message(TeamsReplies.AlreadyHandled))
                    : Results.Ok();
            }

            if (activity.Type == TeamsNames.Invoke)
            {
                return Json(await router.InvokeAsync(activity, http.RequestAborted).ConfigureAwait(false));
            }

            followUps.Run("teams " + activity.Type, ct => router.ActivityAsync(activity, ct));
            return Results.Ok();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !http.RequestAborted.IsCancellationRequested)
        {
            LogFailed(logger, activity.Type, ex.GetType().Name);
            return activity.Type == TeamsNames.Invoke
                ? Json(InvokeResponses.Message(Notices.Apology.AsLine()))
                : Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
    }

    private static bool IsLoopback(HttpContext http) => http.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip);

    private static IResult Json(JsonObject body) => Results.Text(body.ToJsonString(TeamsJson.Options), "application/json; charset=utf-8");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a Bot Framework request: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a Teams activity from tenant {Tenant}: {Reason}")]
    private static partial void LogTenantRefused(ILogger logger, string tenant, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a malformed Bot Framework activity")]
    private static partial void LogMalformed(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling a Teams {Type} failed with {ExceptionType}")]
    private static partial void LogFailed(ILogger logger, string type, string exceptionType);
}
