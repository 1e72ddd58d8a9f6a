using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneTimeBot.Slack.Configuration;

namespace OneTimeBot.Slack.WebApi;

/// <summary>
/// Which response_urls the app may post to: those on a host of <see cref="SlackOptions.ResponseUrlHosts"/>. A reply
/// carries a one-time link, so a response_url anywhere else (another server, an internal address) is dropped where it
/// comes in and again before any post, and never fetched.
/// </summary>
public sealed partial class ResponseUrlPolicy(IOptions<SlackOptions> options, ILogger<ResponseUrlPolicy> logger)
{
    private readonly ResponseUrlHost[] _hosts = [.. options.Value.EffectiveResponseUrlHosts.Select(ResponseUrlHost.Parse).OfType<ResponseUrlHost>()];

    /// <summary><paramref name="url"/> when it may be posted to; else null, with a warning naming its host (never its path: that is the credential).</summary>
    public Uri? Permit(Uri? url)
    {
        if (url is null || Array.Exists(_hosts, host => host.Matches(url)))
        {
            return url;
        }

        LogDropped(url.IsAbsoluteUri ? url.Scheme : "relative", url.IsAbsoluteUri ? ResponseUrlHost.Describe(url.IdnHost, url.IsDefaultPort ? null : url.Port) : "none");
        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped a Slack response_url on {Scheme}://{Host}: not a host in Slack:ResponseUrlHosts, so nothing is sent there")]
    private partial void LogDropped(string scheme, string host);
}
