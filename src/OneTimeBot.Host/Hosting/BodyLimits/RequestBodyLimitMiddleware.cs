using Microsoft.AspNetCore.Http.Features;

namespace OneTimeBot.Host.Hosting.BodyLimits;

/// <summary>
/// Gives every request its family's body limit before any endpoint runs: a declared length over it is refused at
/// once, and the body refuses to be read past it (<see cref="LimitedRequestBodyStream"/>), so a chunked body is caught
/// as soon as it passes the limit. Whatever an endpoint was doing, the refusal becomes a 413 in the family's own
/// format, never a 500; so does a body that cannot be read at all, as a 400.
/// </summary>
public sealed partial class RequestBodyLimitMiddleware(RequestDelegate next, RequestBodyLimitPolicy policy, ILogger<RequestBodyLimitMiddleware> logger)
{
    /// <summary>
    /// What Kestrel may read of a request in all. Most HTTP/1.1 clients send their whole body before they read the
    /// answer; after a refusal Kestrel discards the rest of the body (for at most 5 s) so such a client gets its 413
    /// instead of a reset connection. Past this, Kestrel stops reading and closes the connection.
    /// </summary>
    public const long ServerCeilingBytes = 10 * 1024 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var family = EndpointFamilies.Of(context.Request.Path);
        var limit = policy.LimitFor(family);
        var tooLarge = context.Request.ContentLength > limit;
        Enforce(context, limit);
        if (tooLarge)
        {
            await RefuseAsync(context, family, StatusCodes.Status413PayloadTooLarge, limit).ConfigureAwait(false);
            return;
        }

        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested && RefusalStatus(ex, context.Request) is { } status)
        {
            await RefuseAsync(context, family, status, limit).ConfigureAwait(false);
        }
    }

    /// <summary>The status for a body that could not be read, whoever was reading it; null for every other failure.</summary>
    private static int? RefusalStatus(Exception exception, HttpRequest request) => exception switch
    {
        // Past the limit (413), or broken chunked framing and the like (400).
        BadHttpRequestException refused => refused.StatusCode,
        // The form reader's verdict on a broken form: a multipart body without its boundary, or cut off mid-part.
        InvalidDataException or IOException when request.HasFormContentType => StatusCodes.Status400BadRequest,
        _ => null,
    };

    private static void Enforce(HttpContext context, long limit)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } serverLimit)
        {
            serverLimit.MaxRequestBodySize = Math.Max(limit, ServerCeilingBytes);
        }

        if (context.Features.Get<IHttpRequestBodyDetectionFeature>() is not { CanHaveBody: false })
        {
            context.Request.Body = new LimitedRequestBodyStream(context.Request.Body, limit);
        }
    }

    private async Task RefuseAsync(HttpContext context, EndpointFamily family, int statusCode, long limit)
    {
        // The family and the numbers only: never the path (it may hold a key) nor any of the body.
        LogRefused(logger, family, statusCode, limit);
        await RequestBodyRefusal.WriteAsync(context, family, statusCode, limit).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a {Family} request body with {StatusCode} (limit {Limit} bytes)")]
    private static partial void LogRefused(ILogger logger, EndpointFamily family, int statusCode, long limit);
}
