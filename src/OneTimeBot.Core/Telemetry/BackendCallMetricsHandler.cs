using System.Net.Http;

namespace OneTimeBot.Core.Telemetry;

/// <summary>
/// Measures each call to a Onetime Secret backend (each attempt, inside the retry pipeline) by the backend's host and how
/// it ended. Only <see cref="Uri.Host"/> is read from the request: the path and query hold secret and metadata keys.
/// </summary>
public sealed class BackendCallMetricsHandler(BotMetrics metrics, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var host = request.RequestUri?.Host ?? "unknown";
        var started = time.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            metrics.BackendCalled(host, BotTelemetry.Outcome((int)response.StatusCode), time.GetElapsedTime(started));
            return response;
        }
        catch (OperationCanceledException)
        {
            metrics.BackendCalled(host, "timeout", time.GetElapsedTime(started));
            throw;
        }
        catch (HttpRequestException)
        {
            metrics.BackendCalled(host, "unreachable", time.GetElapsedTime(started));
            throw;
        }
    }
}
