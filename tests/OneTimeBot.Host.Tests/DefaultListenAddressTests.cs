using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using OneTimeBot.Host.Hosting;

namespace OneTimeBot.Host.Tests;

public sealed class DefaultListenAddressTests
{
    [Fact]
    public void Without_a_choice_the_host_serves_on_localhost_3978()
    {
        var builder = WebApplication.CreateBuilder([]);

        DefaultListenAddress.ApplyUnlessConfigured(builder);

        Assert.Equal("http://localhost:3978", builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey));
    }

    [Theory]
    [InlineData("--urls", "http://127.0.0.1:5999")]
    [InlineData("--http_ports", "8080")]
    public void An_operators_choice_of_address_is_kept(string flag, string value)
    {
        var builder = WebApplication.CreateBuilder([flag, value]);

        DefaultListenAddress.ApplyUnlessConfigured(builder);

        Assert.NotEqual("http://localhost:3978", builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey));
    }
}
