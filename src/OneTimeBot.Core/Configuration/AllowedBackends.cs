using System.Globalization;
using OneTimeBot.Core.Localization;
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

            if (!AllowedBackendEntry.TryParse(entry, out var host, out var port, out var isDomain, out var error))
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
        return OneTimeSecretOptions.IsEmbeddedName(text) || OneTimeSecretRegions.Names.Contains(text) || AllowedBackendEntry.TryParse(text, out _, out _, out _, out var error)
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
               (uri.Port == AllowedBackendEntry.HttpsPort && _domains.Any(d => host.EndsWith("." + d, StringComparison.Ordinal))) ||
               (uri.Port == AllowedBackendEntry.HttpsPort && RegionHost(host) is { } region && _regions.Contains(region));
    }

    /// <summary>What an admin may choose, in the reader's words, for the message that refuses anything else.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (_embedded)
        {
            parts.Add(CoreStrings.Get("Backend.Allowed.Embedded"));
        }

        if (_regions.Count > 0)
        {
            parts.Add(CoreStrings.Format("Backend.Allowed.Regions", string.Join(", ", OneTimeSecretRegions.Names.Where(_regions.Contains))));
        }

        if (AllowsOwnServers)
        {
            parts.Add(DescribeOwnServers());
        }

        return parts.Count == 0 ? CoreStrings.Get("Backend.Allowed.OperatorOnly") : string.Join("; ", parts);
    }

    /// <summary>The servers of their own admins may name, in the reader's words.</summary>
    public string DescribeOwnServers() => string.Join(", ",
        _hosts.Select(h => h.Port == AllowedBackendEntry.HttpsPort ? h.Host : $"{h.Host}:{h.Port.ToString(CultureInfo.InvariantCulture)}")
            .Concat(_domains.Select(d => CoreStrings.Format("Backend.Allowed.AnyUnder", d))));

    private static string? RegionHost(string host) =>
        OneTimeSecretRegions.Names.FirstOrDefault(r => OneTimeSecretRegions.TryGet(r, out var uri) && uri.Host == host);
}
