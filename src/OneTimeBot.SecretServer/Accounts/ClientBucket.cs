using System.Net;
using System.Net.Sockets;

namespace OneTimeBot.SecretServer.Accounts;

/// <summary>
/// Whom per-client limits count together. One IPv4 address is one client; on IPv6 a single subscriber is routinely
/// given a whole /64 and can send from any address in it, so the /64 is one client, or a limit per address would be
/// no limit at all.
/// </summary>
public static class ClientBucket
{
    private const int SubscriberPrefixLength = 64;

    public static string Of(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return address.AddressFamily == AddressFamily.InterNetworkV6
            ? new IPNetwork(Network(address), SubscriberPrefixLength).ToString()
            : address.ToString();
    }

    private static IPAddress Network(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        bytes.AsSpan(SubscriberPrefixLength / 8).Clear();
        return new IPAddress(bytes);
    }
}
