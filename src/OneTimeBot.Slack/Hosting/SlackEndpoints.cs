using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Slack.Installations;
using OneTimeBot.Slack.Localization;

namespace OneTimeBot.Slack.Hosting;

/// <summary>
/// Slack's endpoints. The three that Slack posts to sit behind <see cref="SlackSignatureFilter"/>; each hands the
/// verified body to <see cref="SlackInbound"/>, as Socket Mode does with an envelope, and turns its answer into the
/// HTTP response: malformed input gets a 400, and a failure a private message rather than a 500.
/// </summary>
public static class SlackEndpoints
{
    private static readonly IResult ServiceUnavailable = Results.StatusCode(StatusCodes.Status503ServiceUnavailable);

    // Built once per language: it is the answer to every command while the store is down, and otherwise never needed.
    private static readonly PerLanguage<IResult> StorageDown = new(() => Results.Bytes(SlackMessages.StorageDown().ToUtf8Json(), "application/json; charset=utf-8"));

    /// <summary>
    /// Maps the install pages, and the endpoints Slack posts to when <paramref name="takeSignedRequests"/> (there is a
    /// signing secret to check them against; with Socket Mode alone, Slack sends everything over the socket instead).
    /// </summary>
    public static IEndpointRouteBuilder MapSlackEndpoints(this IEndpointRouteBuilder app, bool takeSignedRequests = true)
    {
        ArgumentNullException.ThrowIfNull(app);
        // A browser's visits while installing the app: Slack signs nothing here, so they stay outside the signed group.
        app.MapGet("/slack/install", SlackInstall.Start);
        app.MapGet("/slack/oauth_redirect", SlackInstall.FinishAsync);
        if (!takeSignedRequests)
        {
            return app;
        }

        // The filter and the inbound side are singletons, taken once instead of from a scope made for every request. The
        // inbound side is still built at its first use, not while the routes are mapped.
        var services = app.ServiceProvider;
        // PublicationOnly: a failure to build it is not kept, and the next request tries again, as it did from DI.
        var inbound = new Lazy<SlackInbound>(services.GetRequiredService<SlackInbound>, LazyThreadSafetyMode.PublicationOnly);
        var signed = app.MapGroup("/slack").AddEndpointFilterFactory(SignatureChecked);
        signed.MapPost("/commands", With(inbound, CommandsAsync)).WithMetadata(new SignedSlackEndpoint(() => StorageDown.Current, AnswersSslCheck: true));
        // An interaction cannot be answered with a message; Slack shows its own error when it gets a 503.
        signed.MapPost("/interactivity", With(inbound, InteractivityAsync)).WithMetadata(new SignedSlackEndpoint(() => ServiceUnavailable));
        // A 503 makes Slack retry the event later, when the store is back.
        signed.MapPost("/events", With(inbound, EventsAsync)).WithMetadata(new SignedSlackEndpoint(() => ServiceUnavailable));
        return app;
    }

    // A handler given the inbound side directly; as a Delegate, so that the result it returns is written.
    private static Delegate With(Lazy<SlackInbound> inbound, Func<HttpContext, SlackInbound, Task<IResult>> handle) =>
        (Func<HttpContext, Task<IResult>>)(http => handle(http, inbound.Value));

    private static EndpointFilterDelegate SignatureChecked(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var filter = ActivatorUtilities.CreateInstance<SlackSignatureFilter>(context.ApplicationServices);
        return invocation => filter.InvokeAsync(invocation, next);
    }

    private static async Task<IResult> CommandsAsync(HttpContext http, SlackInbound inbound) =>
        ToResult(await inbound.CommandAsync(SlackRequestBody.Verified(http).Form(), http.RequestAborted).ConfigureAwait(false));

    private static async Task<IResult> InteractivityAsync(HttpContext http, SlackInbound inbound)
    {
        var payload = SlackRequestBody.Verified(http).Form().Single("payload");
        return ToResult(await inbound.InteractionAsync(payload, http.RequestAborted).ConfigureAwait(false));
    }

    private static async Task<IResult> EventsAsync(HttpContext http, SlackInbound inbound) =>
        ToResult(await inbound.EventAsync(SlackRequestBody.Verified(http).Text, http.RequestAborted).ConfigureAwait(false));

    private static IResult ToResult(SlackAnswer answer) => answer switch
    {
        { Status: StatusCodes.Status400BadRequest, Problem: var problem } => Results.BadRequest(problem),
        { Json: { } body } => Results.Bytes(body, "application/json; charset=utf-8"),
        _ => Results.StatusCode(answer.Status),
    };
}
