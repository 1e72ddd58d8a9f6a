using OneTimeBot.Core.Configuration;
using OneTimeSecret.Client;

namespace OneTimeBot.Core.Workspaces;

/// <summary>
/// One spelling per backend, so that <c>eu</c>, <c>https://eu.onetimesecret.com</c> and
/// <c>https://EU.onetimesecret.com/api/v1</c> are known to be the same server when credentials are matched to it.
/// </summary>
public static class BackendKey
{
    /// <summary>The backend's key, or null when it is neither <c>embedded</c> nor a usable backend.</summary>
    public static string? Of(string? backend)
    {
        if (OneTimeSecretOptions.IsEmbeddedName(backend))
        {
            return OneTimeSecretOptions.EmbeddedBackend;
        }

        return OneTimeSecretConnection.TryParseBackend(backend, out var uri, out _)
            ? $"{uri.Scheme}://{uri.IdnHost.ToLowerInvariant()}:{uri.Port}{uri.AbsolutePath}"
            : null;
    }

    public static bool Same(string? a, string? b) => Of(a) is { } key && key == Of(b);
}
