using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneTimeBot.SecretServer.Accounts;
using OneTimeBot.SecretServer.Service;
using OneTimeSecret.Client;

namespace OneTimeBot.SecretServer.Api;

/// <summary>The Onetime Secret REST API v1, served under <c>/api/v1</c>. The table below is every route it answers.</summary>
public static partial class ApiEndpoints
{
    private static readonly string[] ReceiptPrefixes = ["private", "metadata", "receipt"];

    public static RouteGroupBuilder MapOneTimeSecretApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").AddEndpointFilter(GuardAsync);

        api.MapGet("/status", Status);
        api.MapGet("/authcheck", AuthCheck);
        api.MapPost("/share", Share);
        api.MapPost("/create", Share);
        api.MapPost("/generate", Generate);
        api.MapPost("/secret/{key}", Reveal);
        api.MapGet("/private/recent", Recent);
        foreach (var prefix in ReceiptPrefixes)
        {
            api.MapMethods($"/{prefix}/{{key}}", ["GET", "POST"], Receipt);
            api.MapPost($"/{prefix}/{{key}}/burn", Burn);
        }

        // Unknown routes and wrong methods answer as v1 does, never with ASP.NET's 405.
        api.Map("/{**path}", () => ApiJson.RouteNotFound());
        return api;
    }

    private static IResult Status() => ApiJson.Ok(Nominal());

    private static IResult AuthCheck(HttpContext context, ApiAuthenticator auth) =>
        auth.Authenticate(context) is { IsAnonymous: false } ? ApiJson.Ok(Nominal()) : ApiJson.Error(ServiceError.NotAuthorized(), context);

    private static Task<IResult> Share(HttpContext context, ApiAuthenticator auth, SecretService service, TimeProvider time) =>
        CreateAsync(context, auth, service, time, (caller, input, ct) => service.ShareAsync(caller, input, ct));

    private static Task<IResult> Generate(HttpContext context, ApiAuthenticator auth, SecretService service, TimeProvider time) =>
        CreateAsync(context, auth, service, time, (caller, input, ct) => service.GenerateAsync(caller, input, ct));

    private static async Task<IResult> Reveal(string key, HttpContext context, ApiAuthenticator auth, SecretService service)
    {
        if (auth.Authenticate(context) is not { } caller)
        {
            return ApiJson.Error(ServiceError.NotAuthorized(), context);
        }

        if (await service.CheckRateAsync(caller, RateLimitedAction.Reveal, context.RequestAborted) is { } limited)
        {
            return ApiJson.Error(limited, context);
        }

        var parameters = await ApiParameters.ReadAsync(context.Request);
        var result = await service.RevealAsync(caller, key, parameters.Sensitive("passphrase"), context.RequestAborted);
        if (result.Error is { } error)
        {
            return ApiJson.Error(error, context);
        }

        var revealed = result.Value!;
        var domain = revealed.ShareDomain.Length > 0 ? "https://" + revealed.ShareDomain : "";
        return ApiJson.Ok(new JsonObject { ["value"] = revealed.Value.Reveal(), ["secret_key"] = revealed.SecretKey, ["share_domain"] = domain });
    }

    private static async Task<IResult> Receipt(string key, HttpContext context, ApiAuthenticator auth, SecretService service, TimeProvider time)
    {
        if (auth.Authenticate(context) is null)
        {
            return ApiJson.Error(ServiceError.NotAuthorized(), context);
        }

        var result = await service.ReceiptAsync(key, context.RequestAborted);
        return result.Error is { } error ? ApiJson.Error(error, context) : ApiJson.Ok(ApiJson.Receipt(result.Value!, time.GetUtcNow()));
    }

    private static async Task<IResult> Burn(string key, HttpContext context, ApiAuthenticator auth, SecretService service, TimeProvider time)
    {
        if (auth.Authenticate(context) is not { } caller)
        {
            return ApiJson.Error(ServiceError.NotAuthorized(), context);
        }

        var parameters = await ApiParameters.ReadAsync(context.Request);
        var result = await service.BurnAsync(caller, key, parameters.Sensitive("passphrase"), context.RequestAborted);
        if (result.Error is { } error)
        {
            return ApiJson.Error(error, context);
        }

        var receipt = result.Value!;
        return ApiJson.Ok(new JsonObject
        {
            ["state"] = ApiJson.Receipt(receipt, time.GetUtcNow()),
            ["secret_shortkey"] = receipt.SecretKey![..8],
        });
    }

    private static async Task<IResult> Recent(HttpContext context, ApiAuthenticator auth, SecretService service, TimeProvider time)
    {
        if (auth.Authenticate(context) is not { } caller)
        {
            return ApiJson.Error(ServiceError.NotAuthorized(), context);
        }

        var result = await service.RecentAsync(caller, context.RequestAborted);
        if (result.Error is { } error)
        {
            return ApiJson.Error(error, context);
        }

        var now = time.GetUtcNow();
        return ApiJson.Ok(new JsonArray(result.Value!.Select(r => (JsonNode?)ApiJson.Receipt(r, now, withSecretKey: false)).ToArray()));
    }

    private static async Task<IResult> CreateAsync(
        HttpContext context,
        ApiAuthenticator auth,
        SecretService service,
        TimeProvider time,
        Func<Caller, CreateInput, CancellationToken, Task<Result<CreatedSecret, ServiceError>>> create)
    {
        if (auth.Authenticate(context) is not { } caller)
        {
            return ApiJson.Error(ServiceError.NotAuthorized(), context);
        }

        if (await service.CheckRateAsync(caller, RateLimitedAction.Create, context.RequestAborted) is { } limited)
        {
            return ApiJson.Error(limited, context);
        }

        var p = await ApiParameters.ReadAsync(context.Request);
        var input = new CreateInput(p.Sensitive("secret"), p.Sensitive("passphrase"), p["ttl"], p["recipient"], p["share_domain"], p["length"]);
        var result = await create(caller, input, context.RequestAborted);
        if (result.Error is { } error)
        {
            return ApiJson.Error(error, context);
        }

        var created = result.Value!;
        var body = ApiJson.Receipt(created.Receipt, time.GetUtcNow());
        if (created.GeneratedValue is { } value)
        {
            body["value"] = value.Reveal();
        }

        return ApiJson.Ok(body);
    }

    private static JsonObject Nominal() => new() { ["status"] = "nominal", ["locale"] = "en" };

    /// <summary>
    /// Headers every answer carries, and v1's 500 body instead of an exception page. A body the host refused while it
    /// was read (too large, or not readable) is the caller's fault, not ours: it goes on to the host, which answers 413 or 400.
    /// </summary>
    private static async ValueTask<object?> GuardAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        SecurityHeaders.ApplyToApi(context.Response);
        try
        {
            return await next(invocation);
        }
        catch (Exception ex) when (ex is not BadHttpRequestException && (ex is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested))
        {
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiEndpoints));
            LogFailed(logger, context.Request.Method, invocation.HttpContext.GetEndpoint()?.DisplayName ?? "?", ex.GetType().Name);
            return ApiJson.ServerError();
        }
    }

    // Only the exception's type: its message or stack could quote a value from the request.
    [LoggerMessage(Level = LogLevel.Error, Message = "Secret service {Method} {Endpoint} failed with {ExceptionType}")]
    private static partial void LogFailed(ILogger logger, string method, string endpoint, string exceptionType);
}
