using Microsoft.AspNetCore.Http;

namespace OneTimeBot.SecretServer;

/// <summary>
/// Nothing the secret service answers may be cached, indexed, framed or leak its URL through a Referer header.
/// Pages also get a strict CSP: their own stylesheet and script, nothing else.
/// </summary>
public static class SecurityHeaders
{
    public const string PageContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static void ApplyToApi(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Common(response);
        response.Headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
    }

    public static void ApplyToPage(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Common(response);
        response.Headers.ContentSecurityPolicy = PageContentSecurityPolicy;
    }

    private static void Common(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers.Pragma = "no-cache";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.XFrameOptions = "DENY";
    }
}
