using System.Net;
using System.Net.Sockets;

namespace OneTimeSecret.Client.Network;

/// <summary>
/// Which addresses count as the public internet. A <see cref="OneTimeSecretConnection.PublicOnly"/> server may only be
/// reached on one of these: everything that could reach inside your own network (loopback, private, link-local and so
/// cloud metadata, CGNAT, unspecified, multicast, and the other special-purpose blocks) is refused, including IPv6
/// forms that carry an IPv4 address inside them.
/// </summary>
public static class PublicAddresses
{
    private static readonly Block[] V4Blocks =
    [
        new("0.0.0.0", 8),        // "this network", unspecified
        new("10.0.0.0", 8),       // RFC 1918
        new("100.64.0.0", 10),    // CGNAT (RFC 6598)
        new("127.0.0.0", 8),      // loopback
        new("169.254.0.0", 16),   // link-local, cloud metadata services
        new("172.16.0.0", 12),    // RFC 1918
        new("192.0.0.0", 24),     // IETF protocol assignments
        new("192.0.2.0", 24),     // documentation
        new("192.88.99.0", 24),   // 6to4 relay anycast
        new("192.168.0.0", 16),   // RFC 1918
        new("198.18.0.0", 15),    // benchmarking
        new("198.51.100.0", 24),  // documentation
        new("203.0.113.0", 24),   // documentation
        new("224.0.0.0", 4),      // multicast
        new("240.0.0.0", 4),      // reserved, and the limited broadcast address
    ];

    private static readonly Block[] V6Blocks =
    [
        new("::", 128),           // unspecified
        new("::1", 128),          // loopback
        new("::ffff:0:0:0", 96),  // IPv4-translated (SIIT): an IPv4 host behind a translator inside the network
        new("64:ff9b:1::", 48),   // local-use NAT64 (RFC 8215), meant for a network's own translators
        new("100::", 64),         // discard-only
        new("2001::", 32),        // Teredo: tunnels to addresses nobody vetted
        new("2001:db8::", 32),    // documentation
        new("fc00::", 7),         // unique local
        new("fe80::", 10),        // link-local
        new("fec0::", 10),        // site-local (deprecated, still routable inside some networks)
        new("ff00::", 8),         // multicast
    ];

    private static readonly Block Nat64 = new("64:ff9b::", 96);
    private static readonly Block SixToFour = new("2002::", 16);

    /// <summary>True when the address is on the public internet, so a connection to it cannot reach inside.</summary>
    /// <param name="address">An IPv4 or IPv6 address.</param>
    /// <returns>Whether it is public.</returns>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return !V4Blocks.Any(b => b.Contains(address));
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        // An IPv6 address that carries an IPv4 one is as public as the IPv4 address inside it.
        if (address.IsIPv4MappedToIPv6)
        {
            return IsPublic(address.MapToIPv4());
        }

        var bytes = address.GetAddressBytes();
        if (IsIPv4Compatible(bytes) || Nat64.Contains(address))
        {
            return IsPublic(new IPAddress(bytes.AsSpan(12, 4)));
        }

        if (SixToFour.Contains(address))
        {
            return IsPublic(new IPAddress(bytes.AsSpan(2, 4)));
        }

        return !V6Blocks.Any(b => b.Contains(address));
    }

    // ::a.b.c.d (deprecated, but some stacks still route it to the IPv4 address); :: and ::1 are blocks of their own.
    private static bool IsIPv4Compatible(byte[] bytes) =>
        bytes.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0 && !(bytes[12] == 0 && bytes[13] == 0 && bytes[14] == 0 && bytes[15] <= 1);

    private sealed class Block(string network, int prefixLength)
    {
        private readonly IPNetwork _network = new(IPAddress.Parse(network), prefixLength);

        public bool Contains(IPAddress address) => _network.Contains(address);
    }
}
