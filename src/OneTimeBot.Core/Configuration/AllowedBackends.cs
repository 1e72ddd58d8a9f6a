using System.Globalization;
using OneTimeSecret.Client;

namespace OneTimeBot.Core.Configuration;

/// <summary>
/// The secret services a workspace admin may choose (<c>OneTimeSecret:AllowedBackends</c>): <c>embedded</c>, a region
/// (<c>us</c>, <c>eu</c>, <c>ca</c>, <c>nz</c>, <c>uk</c>), an exact host (port 443, or <c>host:port</c>), or
/// <c>*.example.com</c> for any host under example.com on port 443. What the operator configures is trusted and needs
/// no entry here; what an admin types is checked against this list.
/// </summary>
public sealed class AllowedBackends
{
    public static readonly IReadOnlyList<string> Defaults = [OneTimeSecretOptions.EmbeddedBackend, .. OneTimeSecretRegions.Names];

    private const int HttpsPort = 443;
    private readonly bool _embedded;
    private readonly HashSet<string> _regions;
    private readonly List<(string Host, int Port)> _hosts = [];
    private readonly List<string> _domains = [];

    private AllowedBackends(bool embedded, HashSet<string> regions)
    {
        _embedded = embedded;
        _regions = regions;
    }

    /// <summary>Whether any server of the admin's own (neither embedded nor a region) may be chosen.</summary>
    public bool AllowsOwnServers => _hosts.Count > 0 || _domains.Count > 0;

    public bool AllowsEmbedded => _embedded;

    public bool AllowsRegion(string region) => _regions.Contains(region);

    /// <summary>
    /// Reads the configured entries (null means <see cref="Defaults"/>); <paramref name="embeddedServed"/> is false when
    /// this host does not serve the embedded service, so the default list leaves it out.
    /// </summary>
    public static AllowedBackends From(IReadOnlyList<string>? entries, bool embeddedServed)
    {
        var list = entries ?? Defaults;
        var allowed = new AllowedBackends(
            list.Any(e => OneTimeSecretOptions.IsEmbeddedName(e)) && embeddedServed,
            new HashSet<string>(list.Select(e => e.Trim().ToLowerInvariant()).Where(OneTimeSecretRegions.Names.Contains), StringComparer.OrdinalIgnoreCase));
        foreach (var entry in list.Select(e => e.Trim().ToLowerInvariant()))
        {
            if (OneTimeSecretOptions.IsEmbeddedName(entry) || OneTimeSecretRegions.Names.Contains(entry))
            {
                continue;
            }

            if (!TryParseEntry(entry, out var host, out var port, out var isDomain, out var error))
            {
                throw new ArgumentException($"{OneTimeSecretOptions.SectionName}:AllowedBackends has an entry that cannot be used: {error}", nameof(entries));
            }

            if (isDomain)
            {
                allowed._domains.Add(host);
            }
            else
            {
                allowed._hosts.Add((host, port));
            }
        }

        return allowed;
    }

    /// <summary>Why an entry cannot be used, or null when it can.</summary>
    public static string? Check(string entry)
    {
        var text = entry?.Trim().ToLowerInvariant() ?? "";
        return OneTimeSecretOptions.IsEmbeddedName(text) || OneTimeSecretRegions.Names.Contains(text) || TryParseEntry(text, out _, out _, out _, out var error)
            ? null
            : error;
    }

    /// <summary>Whether an admin may choose this backend, as <see cref="OneTimeSecretConnection.TryParseBackend"/> reads it.</summary>
    public bool Permits(string backend)
    {
        var text = backend?.Trim() ?? "";
        if (OneTimeSecretOptions.IsEmbeddedName(text))
        {
            return _embedded;
        }

        if (OneTimeSecretRegions.Names.Contains(text.ToLowerInvariant()))
        {
            return _regions.Contains(text);
        }

        if (!OneTimeSecretConnection.TryParseBackend(text, out var uri, out _) || uri.Scheme != Uri.UriSchemeHttps)
        {
            return false;
        }

        var host = uri.IdnHost.ToLowerInvariant();
        return _hosts.Contains((host, uri.Port)) ||
               (uri.Port == HttpsPort && _domains.Any(d => host.EndsWith("." + d, StringComparison.Ordinal))) ||
               (uri.Port == HttpsPort && RegionHost(host) is { } region && _regions.Contains(region));
    }

    /// <summary>What an admin may choose, in words, for the message that refuses anything else.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (_embedded)
        {
            parts.Add("this OneTimeBot's own secret service (embedded)");
        }

        if (_regions.Count > 0)
        {
            parts.Add("onetimesecret.com in " + string.Join(", ", OneTimeSecretRegions.Names.Where(_regions.Contains)));
        }

        if (AllowsOwnServers)
        {
            parts.Add(DescribeOwnServers());
        }

        return parts.Count == 0 ? "only what the operator configured" : string.Join("; ", parts);
    }

    /// <summary>The servers of their own admins may name, in words.</summary>
    public string DescribeOwnServers() => string.Join(", ",
        _hosts.Select(h => h.Port == HttpsPort ? h.Host : $"{h.Host}:{h.Port.ToString(CultureInfo.InvariantCulture)}")
            .Concat(_domains.Select(d => "any server under " + d)));

    private static string? RegionHost(string host) =>
        OneTimeSecretRegions.Names.FirstOrDefault(r => OneTimeSecretRegions.TryGet(r, out var uri) && uri.Host == host);

    private static bool TryParseEntry(string entry, out string host, out int port, out bool isDomain, out string error)
    {
        host = "";
        port = HttpsPort;
        isDomain = false;
        if (entry.Contains("://", StringComparison.Ordinal) || entry.Contains('/', StringComparison.Ordinal))
        {
            error = $"'{entry}' is a URL; list the host name only, e.g. secrets.example.com (https is always used).";
            return false;
        }

        var name = entry;
        if (name.StartsWith("*.", StringComparison.Ordinal))
        {
            isDomain = true;
            name = name[2..];
            if (name.Split('.').Length < 2)
            {
                error = $"'{entry}' is too wide; a wildcard covers one organisation's domain, e.g. *.example.com.";
                return false;
            }
        }
        else if (name.LastIndexOf(':') is var colon and > 0)
        {
            if (!int.TryParse(name[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
            {
                error = $"'{entry}' has a port that is not a number from 1 to 65535.";
                return false;
            }

            name = name[..colon];
        }

        if (Uri.CheckHostName(name) != UriHostNameType.Dns || !name.Contains('.', StringComparison.Ordinal))
        {
            error = $"'{entry}' is not a host name such as secrets.example.com, *.example.com or secrets.example.com:8443.";
            return false;
        }

        host = name;
        error = "";
        return true;
    }
}
