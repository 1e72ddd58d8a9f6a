using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;

namespace OneTimeBot.Testing;

/// <summary>Puts the leak ledger's note-taker (<see cref="TestRunLedgerMiddleware"/>) in front of everything a host serves.</summary>
internal sealed class SecretLedgerStartupFilter(LedgerFolder ledger) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseLedger(ledger);
        next(app);
    };
}

public static class TestRunLedgerMiddleware
{
    // More than any page, card or v1 answer a test makes; a longer body is noted up to here.
    private const int KeptBodyBytes = 1 << 20;

    /// <summary>Notes what this app receives and answers into the run's ledger, when the run keeps one.</summary>
    public static IApplicationBuilder UseTestRunLedger(this IApplicationBuilder app) =>
        TestRunLedger.Current is { } ledger ? app.UseLedger(ledger) : app;

    /// <summary>
    /// Notes the credentials of every request, and any secret, passphrase or OAuth code in its query string; the secret
    /// and passphrase of every form sent to the secret service;
    /// and from every answer the keys, generated values and links it carries (v1 answers, pages, Slack and Teams replies).
    /// </summary>
    public static IApplicationBuilder UseLedger(this IApplicationBuilder app, LedgerFolder ledger) =>
        app.Use((context, next) => NoteAsync(ledger, context, next));

    private static async Task NoteAsync(LedgerFolder ledger, HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path.Value ?? "";
        var api = path.StartsWith("/api/v1/", StringComparison.Ordinal);
        ledger.NoteAuthorization(context.Request.Headers.Authorization.ToString());
        // A client may put a secret in the URL, where request lines are logged; the host ignores it, the scan must not.
        ledger.Note(LedgerKind.Secret, context.Request.Query["secret"].ToString());
        ledger.Note(LedgerKind.Passphrase, context.Request.Query["passphrase"].ToString());
        ledger.Note(LedgerKind.Credential, context.Request.Query["code"].ToString());
        var form = HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType &&
                   (api || path.StartsWith("/secret/", StringComparison.Ordinal) || path.StartsWith("/receipt/", StringComparison.Ordinal));
        Stream? body = null;
        if (form)
        {
            // Kept to read once the app is done: reading it first would take the body's limits out of the app's hands.
            context.Request.EnableBuffering();
            body = context.Request.Body;
        }

        var original = context.Response.Body;
        await using var copy = new ResponseCopyStream(original, KeptBodyBytes);
        context.Response.Body = copy;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = original;
            if (api && context.Response.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
            {
                ledger.NoteServiceAnswer(copy.Text, generated: path.EndsWith("/generate", StringComparison.Ordinal));
            }
            else
            {
                ledger.NoteLinksIn(copy.Text);
            }

            if (body is not null)
            {
                await NoteFormAsync(ledger, context, body).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The form as the app read it, or else as it came (the app may have answered before reading it all).</summary>
    private static async Task NoteFormAsync(LedgerFolder ledger, HttpContext context, Stream body)
    {
        try
        {
            var form = context.Features.Get<IFormFeature>()?.Form;
            if (form is null)
            {
                body.Position = 0;
                using var reader = new FormReader(body) { ValueLengthLimit = int.MaxValue, ValueCountLimit = int.MaxValue };
                form = new FormCollection(await reader.ReadFormAsync(context.RequestAborted).ConfigureAwait(false));
            }

            ledger.Note(LedgerKind.Secret, form["secret"].ToString());
            ledger.Note(LedgerKind.Passphrase, form["passphrase"].ToString());
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException or OperationCanceledException or
                                       NotSupportedException or ObjectDisposedException)
        {
            // Oversized, broken or abandoned forms: the service's own answer to them is what their tests check.
        }
    }
}
