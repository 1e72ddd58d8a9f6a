using System.Globalization;
using Microsoft.AspNetCore.Http;
using OneTimeBot.Core.Localization;

namespace OneTimeBot.SecretServer.Pages;

/// <summary>
/// The language a page speaks: the reader's own choice from the language switch (<c>?lang=sv</c> on a GET, the form's
/// <c>lang</c> field on a POST) when it names a language OneTimeBot speaks, else the browser's <c>Accept-Language</c>.
/// </summary>
public static class PageLanguage
{
    /// <summary>The query parameter and form field that carry the reader's choice.</summary>
    public const string Parameter = "lang";

    /// <summary>The language from the query string and the headers: what a request whose body is not read can say.</summary>
    public static CultureInfo Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Languages.TryFind(request.Query[Parameter].ToString()) ?? Languages.FromAcceptLanguage(request.Headers.AcceptLanguage.ToString());
    }

    /// <summary>The language, also from a posted form's field, which a form on a page sets to the language it was shown in.</summary>
    public static async Task<CultureInfo> OfAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (HttpMethods.IsPost(request.Method) && request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
            if (Languages.TryFind(form[Parameter].ToString()) is { } chosen)
            {
                return chosen;
            }
        }

        return Of(request);
    }
}
