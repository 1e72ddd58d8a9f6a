using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace OneTimeBot.Testing;

/// <summary>
/// Puts in front of the host's embedded secret service a note-taker for the run's leak scan: the secret and passphrase
/// of every share, reveal and burn form, and the value of every generate answer.
/// </summary>
internal sealed class SecretLedgerStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseTestRunLedger();
        next(app);
    };
}

public static class TestRunLedgerMiddleware
{
    /// <summary>Notes every secret this app's secret service receives or generates, when the run keeps a ledger.</summary>
    public static IApplicationBuilder UseTestRunLedger(this IApplicationBuilder app) =>
        Environment.GetEnvironmentVariable(TestRunLedger.FolderVariable) is { Length: > 0 } ? app.Use(NoteAsync) : app;

    private static async Task NoteAsync(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path.Value ?? "";
        if (!HttpMethods.IsPost(context.Request.Method) || !(path.StartsWith("/api/v1/", StringComparison.Ordinal) || path.StartsWith("/secret/", StringComparison.Ordinal)))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        if (context.Request.HasFormContentType)
        {
            context.Request.EnableBuffering();
            try
            {
                var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
                TestRunLedger.Secret(form["secret"].ToString());
                TestRunLedger.Secret(form["passphrase"].ToString());
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
            {
                // Tests of oversized or broken forms: the service's own answer to them is what is under test.
            }

            context.Request.Body.Position = 0;
        }

        if (!path.EndsWith("/generate", StringComparison.Ordinal))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = original;
        }

        TestRunLedger.GeneratedIn(Encoding.UTF8.GetString(buffer.ToArray()));
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted).ConfigureAwait(false);
    }
}
