using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using OneTimeSecret.Client.Network;
using OneTimeSecret.Client.Wire;
using Polly;
using Polly.Timeout;

namespace OneTimeSecret.Client.Http;

/// <summary>
/// What every call to a server goes through, from outside in: a total timeout, jittered retries of what may safely be
/// sent again (<see cref="OtsRetry"/>), a circuit breaker, and a per-attempt timeout, all on one clock.
/// </summary>
internal static class OtsResiliencePipeline
{
    /// <summary>The application's clock: the <see cref="TimeProvider"/> registered with DI, else the system's.</summary>
    public static TimeProvider ClockOf(IServiceProvider services) =>
        services.GetService<TimeProvider>() ?? TimeProvider.System;

    public static void Build(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, OneTimeSecretHttpOptions o, TimeProvider time)
    {
        // The application's clock, not the system's: a host that moves its own clock (a test) moves every timeout,
        // back-off and circuit break with it, and a host on the system clock gets exactly the system's.
        pipeline.TimeProvider = time;
        pipeline
            .AddTimeout(new TimeoutStrategyOptions { Name = "total", TimeoutGenerator = args => ValueTask.FromResult(TotalFor(args.Context, o)) })
            .AddRetry(RetryOptions(o, time))
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = o.CircuitFailureRatio,
                MinimumThroughput = o.CircuitMinimumThroughput,
                SamplingDuration = o.CircuitSamplingDuration,
                BreakDuration = o.CircuitBreakDuration,
            })
            .AddTimeout(new TimeoutStrategyOptions { Name = "attempt", TimeoutGenerator = args => ValueTask.FromResult(AttemptFor(args.Context, o)) });
    }

    private static TimeSpan TotalFor(ResilienceContext context, OneTimeSecretHttpOptions o) =>
        context.Properties.TryGetValue(OtsResilienceKeys.Budget, out var budget) ? budget : o.TotalTimeout;

    // An attempt keeps the configured share of the total, so a longer budget also lets a slow server finish one attempt.
    // A call that is not sent again after a timeout (a share, a reveal) may as well spend all of its time on its one try.
    private static TimeSpan AttemptFor(ResilienceContext context, OneTimeSecretHttpOptions o) =>
        context.Properties.GetValue(OtsResilienceKeys.Retry, OtsRetry.WhenTransient) == OtsRetry.WhenTransient
            ? TotalFor(context, o) * (o.AttemptTimeout / o.TotalTimeout)
            : TotalFor(context, o);

    private static HttpRetryStrategyOptions RetryOptions(OneTimeSecretHttpOptions o, TimeProvider time) => new()
    {
        MaxRetryAttempts = Math.Max(o.MaxRetryAttempts, 1),
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = o.RetryBaseDelay,
        // The library's own Retry-After reading dates it on the system clock; this one dates it on the pipeline's.
        ShouldRetryAfterHeader = false,
        DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } answer ? OtsErrorClassifier.RetryAfter(answer, time.GetUtcNow()) : null),
        ShouldHandle = args =>
        {
            var retry = args.Context.Properties.GetValue(OtsResilienceKeys.Retry, OtsRetry.WhenTransient);
            if (o.MaxRetryAttempts == 0 || retry == OtsRetry.Never || Refused(args.Outcome))
            {
                return ValueTask.FromResult(false);
            }

            // Waiting out a long Retry-After would blow the caller's budget; report the rate limit instead.
            if (args.Outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } limited &&
                OtsErrorClassifier.RetryAfter(limited, time.GetUtcNow()) is { } wait && wait > o.MaxRetryAfter)
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
