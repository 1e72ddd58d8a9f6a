using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OneTimeBot.Core.Configuration;
using OneTimeBot.Core.Localization;
using OneTimeBot.SecretServer.Accounts;
using OneTimeBot.SecretServer.Api;
using OneTimeBot.SecretServer.Localization;
using OneTimeBot.SecretServer.Model;
using OneTimeBot.SecretServer.Service;
using OneTimeSecret.Client;

namespace OneTimeBot.SecretServer.Pages;

/// <summary>
/// The pages people open: <c>/secret/{key}</c> (GET shows a Reveal button and never consumes; only the POST reveals)
/// and <c>/receipt/{key}</c> for the sender. The table below is every route. Links are built on the configured public
/// URL (<see cref="IPublicBaseUrl"/>), never on the request's Host header, which the client chooses. Each page speaks
/// the reader's language (<see cref="PageLanguage"/>), chosen here once per request for everything under it.
/// </summary>
public static class PageEndpoints
{
    public static IEndpointRouteBuilder MapSecretPages(this IEndpointRouteBuilder endpoints)
    {
        var pages = endpoints.MapGroup("").AddEndpointFilter(static async (invocation, next) =>
        {
            var http = invocation.HttpContext;
            SecurityHeaders.ApplyToPage(http.Response);
            var language = await PageLanguage.OfAsync(http.Request);
            http.Response.Headers.ContentLanguage = language.TwoLetterISOLanguageName;
            using var scope = LanguageScope.Use(language);
            return await next(invocation);
        });

        pages.MapMethods("/secret/{key}", ["GET", "HEAD"], ShowSecret);
        pages.MapPost("/secret/{key}", RevealSecret).DisableAntiforgery();
        pages.MapMethods("/receipt/{key}", ["GET", "HEAD"], ShowReceipt);
        pages.MapPost("/receipt/{key}/burn", BurnSecret).DisableAntiforgery();

        endpoints.MapGet(PageAssets.StylesheetPath, () => Asset(PageAssets.Stylesheet, "text/css; charset=utf-8"));
        endpoints.MapGet(PageAssets.ScriptPath, () => Asset(PageAssets.Script, "text/javascript; charset=utf-8"));
        return endpoints;
    }

    private static async Task<IResult> ShowSecret(string key, SecretService service, CancellationToken cancellationToken)
    {
        var preview = await service.PreviewAsync(key, cancellationToken);
        return preview is null ? Page(PageRenderer.Gone(), 404) : Page(PageRenderer.SecretForm(preview.SecretKey, preview.PassphraseRequired));
    }

    private static async Task<IResult> RevealSecret(string key, HttpContext context, SecretService service)
    {
        var cancellationToken = context.RequestAborted;
        var caller = Caller.Anonymous(ApiAuthenticator.ClientAddress(context));
        if (await service.CheckRateAsync(caller, RateLimitedAction.Reveal, cancellationToken) is { } limited)
        {
            return RateLimited(context, limited, PageRenderer.SameAddress);
        }

        var preview = await service.PreviewAsync(key, cancellationToken);
        if (preview is null)
        {
            return Page(PageRenderer.Gone(), 404);
        }

        var passphrase = await PassphraseAsync(context);
        var result = await service.RevealAsync(caller, key, passphrase, cancellationToken);
        if (result.Value is { } revealed)
        {
            return Page(PageRenderer.Revealed(revealed.Value.Reveal()));
        }

        if (result.Error is { IsRateLimited: true } passphraseLimited)
        {
            return RateLimited(context, passphraseLimited, PageRenderer.SameAddress);
        }

        // Still there after a failed reveal means the passphrase was wrong; gone means someone else was faster.
        return await service.PreviewAsync(key, cancellationToken) is { PassphraseRequired: true }
            ? Page(PageRenderer.SecretForm(key, passphraseRequired: true, passphrase is null ? PageStrings.Get("Secret.Error.PassphraseMissing") : PageStrings.Get("Secret.Error.PassphraseWrong")), 403)
            : Page(PageRenderer.Gone(), 404);
    }

    private static async Task<IResult> ShowReceipt(string key, HttpContext context, SecretService service, IPublicBaseUrl publicUrl)
    {
        var result = await service.ReceiptAsync(key, context.RequestAborted);
        return result.Value is { } receipt
            ? Page(PageRenderer.Receipt(receipt, SecretLink(publicUrl, receipt), PageRenderer.SameAddress))
            : Page(PageRenderer.UnknownReceipt(PageRenderer.SameAddress), 404);
    }

    private static async Task<IResult> BurnSecret(string key, HttpContext context, SecretService service, IPublicBaseUrl publicUrl)
    {
        var caller = Caller.Anonymous(ApiAuthenticator.ClientAddress(context));
        // This answers a POST to .../burn, which no GET serves: its language switch links to the receipt page itself.
        var receiptPage = "/receipt/" + Uri.EscapeDataString(key);
        var result = await service.BurnAsync(caller, key, await PassphraseAsync(context), context.RequestAborted);
        if (result.Value is { } burned)
        {
            return Page(PageRenderer.Receipt(burned, null, receiptPage));
        }

        if (result.Error is { IsRateLimited: true } limited)
        {
            return RateLimited(context, limited, receiptPage);
        }

        var current = await service.ReceiptAsync(key, context.RequestAborted);
        return current.Value is { } receipt
            ? Page(PageRenderer.Receipt(receipt, SecretLink(publicUrl, receipt), receiptPage, PageRenderer.BurnRefusal(result.Error!.IntendedStatus == 404)), 403)
            : Page(PageRenderer.UnknownReceipt(receiptPage), 404);
    }

    private static async Task<SecretText?> PassphraseAsync(HttpContext context) =>
        context.Request.HasFormContentType
            ? SecretText.FromOptional((await context.Request.ReadFormAsync(context.RequestAborted)).TryGetValue("passphrase", out var p) ? p.ToString() : null)
            : null;

    private static Uri? SecretLink(IPublicBaseUrl publicUrl, Receipt receipt) =>
        receipt.SecretKey is { } secretKey ? OtsLinks.Secret(new OneTimeSecretConnection(publicUrl.BaseUri), receipt.Record.ShareDomain, secretKey) : null;

    private static IResult RateLimited(HttpContext context, ServiceError limited, string languageSwitch)
    {
        var wait = limited.RetryAfter ?? TimeSpan.FromMinutes(1);
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Page(PageRenderer.RateLimited(wait, languageSwitch), 429);
    }

    private static IResult Page(string html, int status = 200) => Results.Content(html, "text/html; charset=utf-8", null, status);

    private static IResult Asset(string content, string contentType) => Results.Text(content, contentType);
}
