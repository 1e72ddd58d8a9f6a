using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OneTimeBot.Core.Events;
using OneTimeBot.Core.Localization;
using OneTimeBot.Slack.Users;
using OneTimeBot.Slack.Verification;

namespace OneTimeBot.Slack.Hosting;

/// <summary>
/// Slack's signature, checked once in front of every endpoint Slack posts to, on the raw body before anything parses
/// it: a body larger than any Slack payload gets a 413; a missing, forged, stale or replayed signature a 401. When the
/// replay check cannot reach its store, the request is not acted on (fail closed) and gets the endpoint's
/// <see cref="SignedSlackEndpoint.WhenStoreDown"/>. A genuine body is handed on as the <see cref="SlackRequestBody"/>.
/// Its replay claim is written with whatever the request writes (a command's receipt), and stored before the answer
/// leaves: a repeat in this process is refused before it is acted on, and a repeat that another process claimed first
/// gets the 401 instead of the answer.
/// </summary>
internal sealed partial class SlackSignatureFilter(SlackRequestVerifier verifier, SlackUserLanguages languages, ILogger<SlackSignatureFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var endpoint = http.GetEndpoint()?.Metadata.GetMetadata<SignedSlackEndpoint>()
            ?? throw new InvalidOperationException("A signed Slack endpoint must say what it answers while the store is down.");

        var body = await SlackRequestBody.ReadAsync(http.Request, http.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        // Slack checks the certificate with an unsigned post; it wants a 200 and nothing else.
        if (endpoint.AnswersSslCheck && IsSslCheck(body))
        {
            return Results.Ok();
        }

        SlackVerification verdict;
        PendingClaim? claim;
        try
        {
            (verdict, claim) = await verifier.CheckAsync(
                http.Request.Headers[SlackSignature.TimestampHeader], http.Request.Headers[SlackSignature.SignatureHeader], body.Bytes, http.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !http.RequestAborted.IsCancellationRequested)
        {
            return StoreDown(ex, body, endpoint);
        }

        if (verdict != SlackVerification.Valid || claim is null)
        {
            return Refused(http, verdict);
        }

        http.Features.Set(body);
        object? answer;
        try
        {
            answer = await next(context).ConfigureAwait(false);
        }
        catch
        {
            // Stored even so: a request that failed must not get a second try from whoever captured it.
            await StoreQuietlyAsync(claim).ConfigureAwait(false);
            throw;
        }

        // The claim rode in the commit of what the request wrote, or commits now; no answer leaves before it has.
        bool stored;
        try
        {
            stored = await claim.StoredAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            return StoreDown(ex, body, endpoint);
        }

        // Another process claimed the same request first: this one's answer is a replay's, and is not given.
        return stored ? answer : Refused(http, SlackVerification.Replayed);
    }

    private IResult Refused(HttpContext http, SlackVerification verdict)
    {
        LogRefused(http.Request.Path, verdict);
        return Results.Text(RefusedRequests.BadSignature, "text/plain", statusCode: StatusCodes.Status401Unauthorized);
    }

    private IResult StoreDown(Exception exception, SlackRequestBody body, SignedSlackEndpoint endpoint)
    {
        LogStoreDown(exception.GetType().Name);
        // The signature matched (only the replay check needed the store): the sender's language, if already known, is
        // safe to answer in, and nothing else of the body is used.
        var form = body.Form();
        var known = form.Single("team_id") is { Length: > 0 } team && form.Single("user_id") is { Length: > 0 } user
            ? languages.Known(team, user)
            : null;
        using var language = LanguageScope.Use(Languages.From(known));
        return endpoint.WhenStoreDown();
    }

    private static async Task StoreQuietlyAsync(PendingClaim claim)
    {
        try
        {
            await claim.StoredAsync().ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The request's own failure is what the caller reports; a store that is down shows in every other request.
        }
    }

    private static bool IsSslCheck(SlackRequestBody body)
    {
        var form = body.Form();
        return form.Single("ssl_check") == "1" && !form.Contains("command");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a Slack request to {Path}: {Verdict}")]
    private partial void LogRefused(string path, SlackVerification verdict);

    [LoggerMessage(Level = LogLevel.Error, Message = "Checking a Slack request's signature failed with {ExceptionType}; not acted on")]
    private partial void LogStoreDown(string exceptionType);
}
