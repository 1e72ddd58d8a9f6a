using System.Net;
using OneTimeSecret.Client.Network;

namespace OneTimeSecret.Client.Tests.Network;

public sealed class PublicAddressesTests
{
    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("1.1.1.1")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("2a00:1450:4001:80b::200e")]
    [InlineData("::ffff:93.184.216.34")]
    [InlineData("64:ff9b::5db8:d822")]
    [InlineData("2002:5db8:d822::1")]
    public void Addresses_on_the_public_internet_may_be_connected_to(string address) =>
        Assert.True(PublicAddresses.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("127.0.0.1")]            // loopback
    [InlineData("127.255.0.9")]
    [InlineData("10.1.2.3")]             // RFC 1918
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.254")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]      // cloud metadata, link-local
    [InlineData("100.64.0.1")]           // CGNAT
    [InlineData("100.127.255.254")]
    [InlineData("0.0.0.0")]              // unspecified
    [InlineData("0.1.2.3")]
    [InlineData("224.0.0.251")]          // multicast
    [InlineData("239.255.255.250")]
    [InlineData("255.255.255.255")]      // broadcast
    [InlineData("240.0.0.1")]            // reserved
    [InlineData("192.0.2.10")]           // documentation
    [InlineData("198.18.0.1")]           // benchmarking
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fc00::1")]              // unique local
    [InlineData("fd12:3456:789a::1")]
    [InlineData("fe80::1")]              // link-local
    [InlineData("ff02::1")]              // multicast
    [InlineData("::ffff:127.0.0.1")]     // IPv4-mapped loopback
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::10.0.0.1")]           // IPv4-compatible
    [InlineData("64:ff9b::a00:1")]       // NAT64 of 10.0.0.1
    [InlineData("64:ff9b::a9fe:a9fe")]   // NAT64 of 169.254.169.254
    [InlineData("2002:7f00:1::1")]       // 6to4 of 127.0.0.1
    [InlineData("2002:c0a8:101::1")]     // 6to4 of 192.168.1.1
    [InlineData("2001:0:4136:e378:8000:63bf:3fff:fdd2")] // Teredo
    [InlineData("2001:db8::1")]          // documentation
    [InlineData("64:ff9b:1::a9fe:a9fe")] // local-use NAT64 of 169.254.169.254
    [InlineData("::ffff:0:7f00:1")]      // IPv4-translated 127.0.0.1
    [InlineData("::ffff:0:a9fe:a9fe")]
    public void Addresses_inside_a_network_or_reserved_are_refused(string address) =>
        Assert.False(PublicAddresses.IsPublic(IPAddress.Parse(address)));
}
