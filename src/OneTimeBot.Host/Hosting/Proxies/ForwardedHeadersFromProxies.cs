using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace OneTimeBot.Host.Hosting.Proxies;

/// <summary>
/// Forwarded headers trust exactly the proxies in <see cref="ProxyOptions"/>, and nothing when none are listed. Applied
/// after every other configuration, so <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c> (which would trust any sender) cannot
/// widen it either.
/// </summary>
public sealed class ForwardedHeadersFromProxies(IOptions<ProxyOptions> proxies) : IPostConfigureOptions<ForwardedHeadersOptions>
{
    public void PostConfigure(string? name, ForwardedHeadersOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var listed = proxies.Value;
        options.ForwardedHeaders = listed.Any ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto : ForwardedHeaders.None;
        // A chain of listed proxies is walked back to the first address that is not one of them: that is the client.
        options.ForwardLimit = null;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
#pragma warning disable ASPDEPR005 // the obsolete list is still consulted; it must not keep its loopback default
        options.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005
        foreach (var proxy in listed.KnownProxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy.Trim()));
        }

        foreach (var network in listed.KnownNetworks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network.Trim()));
        }
    }
}
