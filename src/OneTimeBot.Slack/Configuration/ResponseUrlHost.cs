using System.Buffers;

namespace OneTimeBot.Slack.Configuration;

/// <summary>
/// One entry of <c>Slack:ResponseUrlHosts</c>: a host, and a port when the entry names one (else the URL's default
/// port). Matching is exact: Slack only ever sends response_urls on <c>hooks.slack.com</c> (or its government twin),
/// so a wildcard would only widen what a crafted URL could reach. http is accepted for a loopback host only.
/// </summary>
public sealed record ResponseUrlHost(string Host, int? Port, bool IsLoopback)
{
    private static readonly SearchValues<char> NotInAHost = SearchValues.Create("/\\?#@* \t");

    /// <summary>The entry, or null when it is not a bare <c>host</c> or <c>host:port</c>.</summary>
    public static ResponseUrlHost? Parse(string? entry)
    {
        var text = entry?.Trim() ?? "";
        if (text.Length == 0 || text.AsSpan().ContainsAny(NotInAHost) ||
            !Uri.TryCreate("https://" + text, UriKind.Absolute, out var uri) || uri.PathAndQuery != "/" || uri.HostNameType == UriHostNameType.Unknown)
        {
            return null;
        }

        // A port is named when a colon follows the host (and, for IPv6, its closing bracket).
        var hasPort = text.LastIndexOf(':') > text.LastIndexOf(']');
        return new ResponseUrlHost(uri.IdnHost, hasPort ? uri.Port : null, uri.IsLoopback);
    }

    /// <summary>Whether <paramref name="url"/> is on this host and port, over https (or http when the host is loopback).</summary>
    public bool Matches(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri)
        {
            return false;
        }

        var schemeAllowed = url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && IsLoopback);
        return schemeAllowed && url.UserInfo.Length == 0 &&
               string.Equals(url.IdnHost, Host, StringComparison.OrdinalIgnoreCase) &&
               (Port is { } port ? url.Port == port : url.IsDefaultPort);
    }

    public override string ToString() => Describe(Host, Port);

    /// <summary>A host and port as an operator would write them in <c>Slack:ResponseUrlHosts</c>.</summary>
    public static string Describe(string host, int? port)
    {
        var name = host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host;
        return port is { } p ? $"{name}:{p}" : name;
    }
}
