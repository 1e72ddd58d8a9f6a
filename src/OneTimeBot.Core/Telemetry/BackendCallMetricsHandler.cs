using System.Net.Http;

namespace OneTimeBot.Core.Telemetry;

/// <summary>
/// Measures each call to a Onetime Secret backend (each attempt, inside the retry pipeline) by the backend's host and how
/// it ended. Only <see cref="Uri.Host"/> is read from the request: the path and query hold secret and metadata keys.
/// A server a workspace admin typed (<paramref name="chosenByWorkspaces"/>) is tagged <c>custom</c> unless it is a public
/// onetimesecret.com region: its name is theirs, and each new one would be a new series without bound.
/// </summary>
public sealed class BackendCallMetricsHandler(BotMetrics metrics, TimeProvider time, bool chosenByWorkspaces) : DelegatingHandler
{
    /// <summary>The tag for a backend host a workspace chose that is not a public region.</summary>
    public const string CustomHost = "custom";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var host = HostTag(request.RequestUri);
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

    private string HostTag(Uri? uri)
    {
        if (uri is null)
        {
            return "unknown";
        }

        return !chosenByWorkspaces || IsPublicRegion(uri.Host) ? uri.Host : CustomHost;
    }

    private static bool IsPublicRegion(string host) =>
        OneTimeSecret.Client.OneTimeSecretRegions.Names.Any(name =>
            OneTimeSecret.Client.OneTimeSecretRegions.TryGet(name, out var root) && string.Equals(root.Host, host, StringComparison.OrdinalIgnoreCase)) ||
        string.Equals(host, "onetimesecret.com", StringComparison.OrdinalIgnoreCase);
}
