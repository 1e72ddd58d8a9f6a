using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace OneTimeBot.Host.Hosting;

/// <summary>The host's public base URL: configured, or else the first address the server actually listens on.</summary>
public sealed class PublicUrl(IOptions<PublicUrlOptions> options, IServer server) : OneTimeBot.Core.Configuration.IPublicBaseUrl
{
    public Uri BaseUri =>
        Configured() ?? Listening() ?? new Uri(DefaultListenAddress.Url + "/");

    private Uri? Configured() =>
        string.IsNullOrWhiteSpace(options.Value.PublicUrl) ? null : new Uri(options.Value.PublicUrl.Trim().TrimEnd('/') + "/");

    private Uri? Listening()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses;
        var address = addresses?.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
                      ?? addresses?.FirstOrDefault();
        if (address is null)
        {
            return null;
        }

        // Wildcard bindings are not addresses anyone can open; on this machine they answer on localhost.
        var reachable = address.Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
            .Replace("://[::]", "://localhost", StringComparison.Ordinal);
        return Uri.TryCreate(reachable.TrimEnd('/') + "/", UriKind.Absolute, out var uri) ? uri : null;
    }
}
