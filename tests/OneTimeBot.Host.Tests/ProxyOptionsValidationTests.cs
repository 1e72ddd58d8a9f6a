using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneTimeBot.Host.Hosting;

namespace OneTimeBot.Host.Tests;

public sealed class ProxyOptionsValidationTests
{
    [Theory]
    [InlineData("Host:KnownProxies:0", "proxy.internal", "Host:KnownProxies:0 must be an IP address")]
    [InlineData("Host:KnownProxies:1", "10.0.0.300", "Host:KnownProxies:1 must be an IP address")]
    [InlineData("Host:KnownNetworks:0", "10.0.0.0", "Host:KnownNetworks:0 must be a network in CIDR notation")]
    [InlineData("Host:KnownNetworks:0", "10.0.0.0/33", "Host:KnownNetworks:0 must be a network in CIDR notation")]
    [InlineData("Host:KnownNetworks:0", "0.0.0.0/0", "Host:KnownNetworks:0 ('0.0.0.0/0') would trust every address")]
    [InlineData("Host:KnownNetworks:0", "::/0", "would trust every address")]
    public void A_proxy_entry_that_is_not_an_address_or_network_fails_start_up_naming_the_key(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?> { ["Host:KnownProxies:0"] = "10.0.0.5", [key] = value };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = ValidationServices.Build(configuration);

        var error = Assert.ThrowsAny<Exception>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(ConfigurationErrors.From(error)!, f => f.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Listed_addresses_and_networks_pass_and_are_the_only_ones_forwarded_headers_trust()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Host:KnownProxies:0"] = "10.0.0.5",
            ["Host:KnownProxies:1"] = " fd00::5 ",
            ["Host:KnownNetworks:0"] = "192.168.10.0/24",
        }).Build();
        using var services = ValidationServices.Build(configuration);

        var options = services.GetRequiredService<IOptions<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>>().Value;

        Assert.Equal(["10.0.0.5", "fd00::5"], options.KnownProxies.Select(p => p.ToString()));
        Assert.Equal(["192.168.10.0/24"], options.KnownIPNetworks.Select(n => n.ToString()));
        Assert.Equal(Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto, options.ForwardedHeaders);
    }

    [Fact]
    public void With_no_proxies_listed_forwarded_headers_trust_nobody_not_even_loopback()
    {
        using var services = ValidationServices.Build(new ConfigurationBuilder().Build());

        var options = services.GetRequiredService<IOptions<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>>().Value;

        Assert.Equal(Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.None, options.ForwardedHeaders);
        Assert.Empty(options.KnownProxies);
        Assert.Empty(options.KnownIPNetworks);
    }
}
