using System.Net;

namespace OneTimeSecret.Client.Network;

/// <summary>
/// Turns a host name into addresses for the public-only check. The system's DNS by default; register your own (before
/// <c>AddOneTimeSecretClient</c>, or in place of its registration) to answer differently, e.g. in tests.
/// </summary>
public interface IHostAddressResolver
{
    /// <summary>The addresses <paramref name="host"/> resolves to now.</summary>
    /// <param name="host">A host name, without brackets or port.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>Its addresses; a name that does not resolve throws, as the system's resolver does.</returns>
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}

/// <summary>The operating system's resolver.</summary>
public sealed class DnsHostAddressResolver : IHostAddressResolver
{
    /// <inheritdoc />
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        Dns.GetHostAddressesAsync(host, cancellationToken);
}
