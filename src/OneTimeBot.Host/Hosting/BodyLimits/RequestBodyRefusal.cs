using System.Globalization;
using System.Text.Json.Nodes;
using OneTimeBot.Core.Localization;
using OneTimeBot.SecretServer;
using OneTimeBot.SecretServer.Pages;

namespace OneTimeBot.Host.Hosting.BodyLimits;

/// <summary>The answer to a body that is too large or unreadable, in the format its endpoint family speaks.</summary>
public static class RequestBodyRefusal
{
    public static string Message(int statusCode, long limit) => statusCode == StatusCodes.Status413PayloadTooLarge
        ? string.Create(CultureInfo.InvariantCulture, $"The request is too large: this endpoint accepts at most {limit:N0} bytes.")
        : "The request body could not be read.";

    public static async Task WriteAsync(HttpContext context, EndpointFamily family, int statusCode, long limit)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        response.Clear();
        response.StatusCode = statusCode;
        var message = Message(statusCode, limit);
        switch (family)
        {
            case EndpointFamily.SecretApi:
                SecurityHeaders.ApplyToApi(response);
                response.ContentType = "application/json; charset=utf-8";
                await response.WriteAsync(new JsonObject { ["message"] = message }.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
                break;
            case EndpointFamily.SecretPages:
                SecurityHeaders.ApplyToPage(response);
                response.ContentType = "text/html; charset=utf-8";
                await response.WriteAsync(Page(context.Request, statusCode, limit), context.RequestAborted).ConfigureAwait(false);
                break;
            default:
                response.Headers.CacheControl = "no-store";
                response.ContentType = "text/plain; charset=utf-8";
                await response.WriteAsync(message, context.RequestAborted).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>The page in the reader's language; the refused body is not read, so a form's own choice cannot count.</summary>
    private static string Page(HttpRequest request, int statusCode, long limit)
    {
        using var scope = LanguageScope.Use(PageLanguage.Of(request));
        return statusCode == StatusCodes.Status413PayloadTooLarge ? RefusalPage.TooLarge(limit) : RefusalPage.Unreadable();
    }
}
