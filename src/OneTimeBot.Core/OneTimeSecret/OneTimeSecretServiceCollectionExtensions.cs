using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OneTimeBot.Core.OneTimeSecret.Http;
using OneTimeBot.Core.OneTimeSecret.Network;
using OneTimeBot.Core.OneTimeSecret.Wire;
using Polly;
using Polly.Timeout;

namespace OneTimeBot.Core.OneTimeSecret;

public static class OneTimeSecretServiceCollectionExtensions
{
    public const string HttpClientName = "OneTimeSecret";
    public const string PublicOnlyHttpClientName = "OneTimeSecret.PublicOnly";
    private const int MaxResponseBytes = 1024 * 1024;

    /// <summary>
    /// Registers <see cref="IOneTimeSecretClient"/> on two factory <see cref="HttpClient"/>s, one for backends the operator
    /// configured and one for backends a workspace chose (public addresses only), each with, from outside in:
    /// a total timeout, jittered retries of transient failures (never of a reveal), a circuit breaker and a
    /// per-attempt timeout, one pipeline instance per backend host so one failing workspace backend cannot trip others.
    /// </summary>
    public static IServiceCollection AddOneTimeSecretClient(this IServiceCollection services, IConfiguration? httpSection = null)
    {
        var options = services.AddOptions<OneTimeSecretHttpOptions>();
        if (httpSection is not null)
        {
            options.Bind(httpSection);
        }

        options.ValidateOnStart();
        services.AddSingleton<IValidateOptions<OneTimeSecretHttpOptions>, OneTimeSecretHttpOptionsValidator>();

        services.TryAddSingleton<IHostAddressResolver, DnsHostAddressResolver>();
        services.TryAddSingleton<PublicHostCheck>();
        services.TryAddSingleton<PublicOnlyConnector>();
        services.AddSingleton<IOneTimeSecretClient, OneTimeSecretClient>();

        // Backends the operator configured may be anywhere, inside the network included.
        AddBackendClient(services, HttpClientName, _ => new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectTimeout = TimeSpan.FromSeconds(3),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        });

        // Backends a workspace admin chose: only public addresses, checked as the socket connects, and no proxy, which
        // would do the resolving itself and so skip the check.
        AddBackendClient(services, PublicOnlyHttpClientName, sp => new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            ConnectTimeout = TimeSpan.FromSeconds(3),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectCallback = sp.GetRequiredService<PublicOnlyConnector>().ConnectAsync,
        });

        return services;
    }

    private static void AddBackendClient(IServiceCollection services, string name, Func<IServiceProvider, SocketsHttpHandler> handler) =>
        services.AddHttpClient(name, client =>
            {
                // The pipeline owns every timeout; HttpClient's own would cut across it.
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.MaxResponseContentBufferSize = MaxResponseBytes;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("OneTimeBot/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(handler)
            // The default handler logs full URLs, which hold secret and metadata keys; the client logs its own lines.
            .RemoveAllLoggers()
            .AddResilienceHandler("onetimesecret", (pipeline, context) =>
            {
                var o = context.ServiceProvider.GetRequiredService<IOptions<OneTimeSecretHttpOptions>>().Value;
                // Timeouts and back-off are about real elapsed time on the wire, whatever clock the domain runs on.
                pipeline.TimeProvider = TimeProvider.System;
                pipeline
                    .AddTimeout(new TimeoutStrategyOptions { Name = "total", TimeoutGenerator = args => ValueTask.FromResult(TotalFor(args.Context, o)) })
                    .AddRetry(RetryOptions(o))
                    .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                    {
                        FailureRatio = o.CircuitFailureRatio,
                        MinimumThroughput = o.CircuitMinimumThroughput,
                        SamplingDuration = o.CircuitSamplingDuration,
                        BreakDuration = o.CircuitBreakDuration,
                    })
                    .AddTimeout(new TimeoutStrategyOptions { Name = "attempt", TimeoutGenerator = args => ValueTask.FromResult(AttemptFor(args.Context, o)) });
            })
            .SelectPipelineByAuthority();

    private static TimeSpan TotalFor(ResilienceContext context, OneTimeSecretHttpOptions o) =>
        context.Properties.TryGetValue(OtsResilienceKeys.Budget, out var budget) ? budget : o.TotalTimeout;

    // An attempt keeps the configured share of the total, so a longer budget also lets a slow backend finish one attempt.
    // A call that is not sent again after a timeout (a share, a reveal) may as well spend all of its time on its one try.
    private static TimeSpan AttemptFor(ResilienceContext context, OneTimeSecretHttpOptions o) =>
        context.Properties.GetValue(OtsResilienceKeys.Retry, OtsRetry.WhenTransient) == OtsRetry.WhenTransient
            ? TotalFor(context, o) * (o.AttemptTimeout / o.TotalTimeout)
            : TotalFor(context, o);

    private static HttpRetryStrategyOptions RetryOptions(OneTimeSecretHttpOptions o) => new()
    {
        MaxRetryAttempts = Math.Max(o.MaxRetryAttempts, 1),
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = o.RetryBaseDelay,
        ShouldRetryAfterHeader = true,
        ShouldHandle = args =>
        {
            var retry = args.Context.Properties.GetValue(OtsResilienceKeys.Retry, OtsRetry.WhenTransient);
            if (o.MaxRetryAttempts == 0 || retry == OtsRetry.Never || Refused(args.Outcome))
            {
                return ValueTask.FromResult(false);
            }

            // Waiting out a long Retry-After would blow the caller's budget; report the rate limit instead.
            if (args.Outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } limited &&
                OtsErrorClassifier.RetryAfter(limited) is { } wait && wait > o.MaxRetryAfter)
            {
                return ValueTask.FromResult(false);
            }

            return ValueTask.FromResult(retry == OtsRetry.WhenNotActedOn ? NotActedOn(args.Outcome) : HttpClientResiliencePredicates.IsTransient(args.Outcome));
        },
    };

    // A refused address stays refused: asking again only repeats the lookup.
    private static bool Refused(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception?.InnerException is BackendAddressRefusedException;

    private static bool NotActedOn(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result?.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable ||
        outcome.Exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError };
}
