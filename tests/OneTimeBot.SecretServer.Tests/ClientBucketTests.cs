using System.Net;
using OneTimeBot.SecretServer.Accounts;

namespace OneTimeBot.SecretServer.Tests;

public sealed class ClientBucketTests
{
    [Fact]
    public void Every_address_of_one_ipv6_64_is_one_client_and_the_next_64_is_another()
    {
        var first = ClientBucket.Of(IPAddress.Parse("2001:db8:1:2::1"));

        Assert.Equal("2001:db8:1:2::/64", first);
        Assert.Equal(first, ClientBucket.Of(IPAddress.Parse("2001:db8:1:2:ffff:ffff:ffff:fffe")));
        Assert.NotEqual(first, ClientBucket.Of(IPAddress.Parse("2001:db8:1:3::1")));
    }

    [Fact]
    public void An_ipv4_address_is_one_client_whether_or_not_it_arrives_mapped_to_ipv6()
    {
        Assert.Equal("203.0.113.9", ClientBucket.Of(IPAddress.Parse("203.0.113.9")));
        Assert.Equal("203.0.113.9", ClientBucket.Of(IPAddress.Parse("::ffff:203.0.113.9")));
        Assert.NotEqual(ClientBucket.Of(IPAddress.Parse("203.0.113.9")), ClientBucket.Of(IPAddress.Parse("203.0.113.10")));
    }
}
