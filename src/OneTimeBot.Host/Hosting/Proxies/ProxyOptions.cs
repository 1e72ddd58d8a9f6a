namespace OneTimeBot.Host.Hosting.Proxies;

/// <summary>
/// Section <c>Host</c>: the reverse proxies in front of this host. Only a request that arrives from one of them has its
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> believed; with none listed those headers are ignored and the client
/// is the connection's own address. <c>X-Forwarded-Host</c> is never believed: links are built on <c>Host:PublicUrl</c>.
/// </summary>
public sealed class ProxyOptions
{
    public const string SectionName = "Host";

    /// <summary>Proxy addresses, e.g. <c>10.0.0.5</c> or <c>fd00::5</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR notation, e.g. <c>10.0.0.0/24</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public bool Any => KnownProxies.Count > 0 || KnownNetworks.Count > 0;
}
