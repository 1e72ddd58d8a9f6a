using System.Globalization;

namespace OneTimeBot.Core.Configuration;

/// <summary>
/// Reads one entry of the operator's <c>OneTimeSecret:AllowedBackends</c> setting: a host (<c>host:port</c> for another
/// port than 443) or <c>*.example.com</c>. Why an entry cannot be used is for the operator, in the start-up log.
/// </summary>
internal static class AllowedBackendEntry
{
    public const int HttpsPort = 443;

    public static bool TryParse(string entry, out string host, out int port, out bool isDomain, out string error)
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
