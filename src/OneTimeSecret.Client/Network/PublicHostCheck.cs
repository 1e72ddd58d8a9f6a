using System.Net;

namespace OneTimeSecret.Client.Network;

/// <summary>
/// Whether a host name or address literal is on the public internet, as the <see cref="IHostAddressResolver"/> sees it
/// now. The public-only connection uses it as it connects; call it yourself to refuse a server address as it is
/// entered, before any call.
/// </summary>
/// <param name="resolver">The resolver that names are looked up with.</param>
public sealed class PublicHostCheck(IHostAddressResolver resolver)
{
    /// <summary>
    /// The host's addresses when every one of them is public; null when any is not (a name that points inside as well
    /// as outside is not trusted either) or when it has none.
    /// </summary>
    /// <param name="host">A host name or IP address literal, with or without IPv6 brackets.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The public addresses, or null.</returns>
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
