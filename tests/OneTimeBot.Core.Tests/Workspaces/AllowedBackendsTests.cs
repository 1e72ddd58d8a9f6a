using OneTimeBot.Core.Configuration;

namespace OneTimeBot.Core.Tests.Workspaces;

public sealed class AllowedBackendsTests
{
    [Fact]
    public void By_default_admins_may_choose_the_embedded_service_and_the_public_regions_and_nothing_else()
    {
        var allowed = AllowedBackends.From(null, embeddedServed: true);

        Assert.True(allowed.Permits("embedded"));
        Assert.All(["us", "eu", "ca", "nz", "uk", "https://eu.onetimesecret.com", "https://EU.onetimesecret.com/api/v1"], b => Assert.True(allowed.Permits(b), b));
        Assert.All(["https://secrets.example.com", "https://onetimesecret.com", "https://eu.onetimesecret.com:8443", "http://eu.onetimesecret.com", "https://127.0.0.1"],
            b => Assert.False(allowed.Permits(b), b));
        Assert.False(allowed.AllowsOwnServers);
        Assert.Equal("this OneTimeBot's own secret service (embedded); onetimesecret.com in us, eu, ca, nz, uk", allowed.Describe());
    }

    [Fact]
    public void The_default_list_leaves_out_an_embedded_service_this_host_does_not_serve() =>
        Assert.False(AllowedBackends.From(null, embeddedServed: false).Permits("embedded"));

    [Fact]
    public void Listed_hosts_are_allowed_exactly_over_https_on_their_port_and_a_wildcard_covers_subdomains_only()
    {
        var allowed = AllowedBackends.From(["eu", "secrets.example.com", "ots.example.net:8443", "*.corp.example.org"], embeddedServed: true);

        Assert.All(["eu", "https://secrets.example.com", "https://secrets.example.com/api/v1/", "https://ots.example.net:8443", "https://a.corp.example.org", "https://x.y.corp.example.org"],
            b => Assert.True(allowed.Permits(b), b));
        Assert.All(["embedded", "us", "http://secrets.example.com", "https://secrets.example.com:8443", "https://evil.secrets.example.com", "https://ots.example.net",
                "https://corp.example.org", "https://evilcorp.example.org", "https://a.corp.example.org:8443", "https://secrets.example.com.evil.example"],
            b => Assert.False(allowed.Permits(b), b));
        Assert.Equal("onetimesecret.com in eu; secrets.example.com, ots.example.net:8443, any server under corp.example.org", allowed.Describe());
    }

    [Theory]
    [InlineData("https://secrets.example.com", "list the host name only")]
    [InlineData("*.com", "too wide")]
    [InlineData("*", "not a host name")]
    [InlineData("secrets.example.com:0", "port")]
    [InlineData("secrets.example.com:http", "port")]
    [InlineData("localhost", "not a host name")]
    [InlineData("10.0.0.5", "not a host name")]
    public void An_entry_that_cannot_be_used_is_explained(string entry, string explanation) =>
        Assert.Contains(explanation, AllowedBackends.Check(entry), StringComparison.Ordinal);
}
