using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneTimeBot.Slack.Configuration;
using OneTimeBot.Slack.WebApi;

namespace OneTimeBot.Slack.SocketMode;

/// <summary>
/// Asks Slack for a Socket Mode URL to connect to. Only <c>wss://</c> is taken, or <c>ws://</c> on a loopback host (a
/// local stand-in for Slack, as the tests run): anything else would send the ticket in the clear or somewhere unexpected.
/// </summary>
public sealed partial class SocketModeLinks(SlackApiClient api, IOptions<SlackOptions> options, ILogger<SocketModeLinks> logger)
{
    /// <summary>The URL to connect to, or null when Slack gave none that may be used (logged by its error code only).</summary>
    public async Task<Uri?> OpenAsync(CancellationToken cancellationToken)
    {
        var answer = await api.OpenConnectionAsync(options.Value.AppToken.Trim(), cancellationToken).ConfigureAwait(false);
        if (!answer.Ok)
        {
            return null;
        }

        if (!Uri.TryCreate(answer.Text("url"), UriKind.Absolute, out var url) || !IsAllowed(url))
        {
            // The URL itself is never logged: its query is a ticket to the app's connection.
            LogRefusedUrl(url?.Scheme ?? "none");
            return null;
        }

        return url;
    }

    /// <summary>
    /// wss, or plain ws to a loopback IP literal (a local fake Slack). Not to the name <c>localhost</c>: what it resolves
    /// to depends on the machine's hosts file, and the ticket would then travel unencrypted.
    /// </summary>
    public static bool IsAllowed(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.UserInfo.Length == 0
            && (url.Scheme == Uri.UriSchemeWss
                || (url.Scheme == Uri.UriSchemeWs && url.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6
                    && System.Net.IPAddress.TryParse(url.IdnHost, out var address) && System.Net.IPAddress.IsLoopback(address)));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack's apps.connections.open answered a URL that is not wss:// (nor ws:// on a loopback host); scheme {Scheme}, not connecting")]
    private partial void LogRefusedUrl(string scheme);
}
