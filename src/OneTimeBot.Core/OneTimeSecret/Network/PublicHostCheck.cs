using System.Net;

namespace OneTimeBot.Core.OneTimeSecret.Network;

/// <summary>Whether a host name or address literal is on the public internet, as the host's resolver sees it now.</summary>
public sealed class PublicHostCheck(IHostAddressResolver resolver)
{
    /// <summary>
    /// The host's addresses when every one of them is public; null when any is not (a name that points inside as well
    /// as outside is not trusted either) or when it has none.
    /// </summary>
    public async Task<IPAddress[]?> PublicAddressesOfAsync(string host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        var bare = host.TrimStart('[').TrimEnd(']');
        var addresses = IPAddress.TryParse(bare, out var literal)
            ? [literal]
            : await resolver.ResolveAsync(bare, cancellationToken).ConfigureAwait(false);
        return addresses.Length > 0 && addresses.All(PublicAddresses.IsPublic) ? addresses : null;
    }
}
