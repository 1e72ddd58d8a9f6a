using System.Collections.Concurrent;
using OneTimeBot.Core.Configuration;
using OneTimeBot.Core.OneTimeSecret;

namespace OneTimeBot.Core.Workspaces;

/// <summary>
/// One spelling per backend, so that <c>eu</c>, <c>https://eu.onetimesecret.com</c> and
/// <c>https://EU.onetimesecret.com/api/v1</c> are known to be the same server when credentials are matched to it.
/// </summary>
public static class BackendKey
{
    // Every share compares a few backends; there are only as many distinct spellings as configuration and admins wrote.
    private const int MostRemembered = 1024;
    private static readonly ConcurrentDictionary<string, string?> Known = new(StringComparer.Ordinal);

    /// <summary>The backend's key, or null when it is neither <c>embedded</c> nor a usable backend.</summary>
    public static string? Of(string? backend)
    {
        if (backend is null)
        {
            return null;
        }

        if (Known.TryGetValue(backend, out var known))
        {
            return known;
        }

        if (Known.Count >= MostRemembered)
        {
            Known.Clear();
        }

        return Known[backend] = Compute(backend);
    }

    public static bool Same(string? a, string? b) => Of(a) is { } key && key == Of(b);

    private static string? Compute(string backend)
    {
        var text = backend.Trim();
        if (string.Equals(text, OneTimeSecretOptions.EmbeddedBackend, StringComparison.OrdinalIgnoreCase))
        {
            return OneTimeSecretOptions.EmbeddedBackend;
        }

        return OneTimeSecretConnection.TryParseBackend(text, out var uri, out _)
            ? $"{uri.Scheme}://{uri.IdnHost.ToLowerInvariant()}:{uri.Port}{uri.AbsolutePath}"
            : null;
    }
}
