using OneTimeSecret.Client.Wire;

namespace OneTimeSecret.Client;

/// <summary>
/// Where a Onetime Secret v1 API lives and who calls it. <see cref="BaseUri"/> is the web root
/// (links are built on it); the API is under <c>api/v1/</c> of it. No credentials means anonymous use.
/// </summary>
public sealed record OneTimeSecretConnection
{
    private readonly TimeSpan? _budget;
    private readonly bool _publicOnly;
    private readonly OtsCallParts _parts;

    /// <summary>A connection to the server at <paramref name="baseUri"/>, anonymous or with an account.</summary>
    /// <param name="baseUri">
    /// The server's web root, e.g. <c>https://eu.onetimesecret.com/</c> (see <see cref="OneTimeSecretRegions"/>); a
    /// trailing <c>api/v1</c> is dropped.
    /// </param>
    /// <param name="credentials">The account to call as; null to call anonymously.</param>
    /// <exception cref="ArgumentException"><paramref name="baseUri"/> is not an absolute http or https URL.</exception>
    public OneTimeSecretConnection(Uri baseUri, OneTimeSecretCredentials? credentials = null)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        if (!baseUri.IsAbsoluteUri || (baseUri.Scheme != Uri.UriSchemeHttps && baseUri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("A Onetime Secret base URL must be an absolute http or https URL.", nameof(baseUri));
        }

        BaseUri = NormalizeBase(baseUri);
        Credentials = credentials;
        // Shared by copies made with 'with', which can change neither BaseUri nor Credentials.
        _parts = new OtsCallParts(BaseUri, credentials);
    }

    /// <summary>The server's web root, ending in a slash; secret and receipt links are built on it.</summary>
    public Uri BaseUri { get; }

    /// <summary>The account the calls are made as; null for anonymous calls.</summary>
    public OneTimeSecretCredentials? Credentials { get; }

    /// <summary>
    /// How long one call through this connection may take in all, retries included, when the caller's budget differs
    /// from the configured <c>OneTimeSecret:Http:TotalTimeout</c>: shorter for a caller that must answer sooner, longer
    /// for work in the background. Null means the configured total. More than zero and at most 5 minutes.
    /// </summary>
    public TimeSpan? Budget
    {
        get => _budget;
        init => _budget = value is { } budget && (budget <= TimeSpan.Zero || budget > TimeSpan.FromMinutes(5))
            ? throw new ArgumentOutOfRangeException(nameof(value), "A call budget is more than zero and at most 5 minutes.")
            : value;
    }

    /// <summary>
    /// True for a server that someone other than you chose, e.g. a user of your application typed its address: it is
    /// reached over https only, on public internet addresses only, so it cannot be used to reach inside your network.
    /// Calls to an address that is not public fail as <see cref="OtsFailureKind.AddressRefused"/>. Treat what such a
    /// server answers, e.g. the reason of a <see cref="OtsFailureKind.Rejected"/> failure, as untrusted text.
    /// </summary>
    /// <exception cref="ArgumentException">Set on a connection whose <see cref="BaseUri"/> is not https.</exception>
    public bool PublicOnly
    {
        get => _publicOnly;
        init => _publicOnly = value && BaseUri.Scheme != Uri.UriSchemeHttps
            ? throw new ArgumentException("A public-only server is reached over https only.", nameof(value))
            : value;
    }

    /// <summary>
    /// True to make each call through this connection once, without the client's own retries of a 429, a 5xx or a
    /// failed connection: for a caller that counts its requests against a server's budget (polls) or tries again on its
    /// own schedule. The failure comes back as it is, with its <c>Retry-After</c>.
    /// </summary>
    public bool WithoutRetries { get; init; }

    /// <summary>The API's root, <c>api/v1/</c> under <see cref="BaseUri"/>.</summary>
    public Uri ApiUri => _parts.Api;

    /// <summary>True when the calls carry no credentials.</summary>
    public bool IsAnonymous => Credentials is null;

    /// <summary>The Uris and header values every call through this connection sends alike.</summary>
    internal OtsCallParts CallParts => _parts;

    /// <summary>
    /// Reads a server address as people write it: a region name (<c>us</c>, <c>eu</c>, <c>ca</c>, <c>nz</c>, <c>uk</c>)
    /// or an http(s) URL of a self-hosted server or custom domain, with or without a trailing <c>/api/v1</c>.
    /// </summary>
    /// <param name="backend">What was written.</param>
    /// <param name="baseUri">The server's web root, when it could be read.</param>
    /// <param name="error">Why it could not be read, as a phrase to show the person who wrote it; empty otherwise.</param>
    /// <returns>Whether it could be read.</returns>
    public static bool TryParseBackend(string? backend, out Uri baseUri, out string error)
    {
        baseUri = null!;
        var text = backend?.Trim() ?? "";
        if (text.Length == 0)
        {
            error = "no backend was given";
            return false;
        }

        if (OneTimeSecretRegions.TryGet(text, out var region))
        {
            baseUri = region;
            error = "";
            return true;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) ||
            (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) ||
            string.IsNullOrEmpty(uri.Host))
        {
            error = $"'{text}' is neither a region ({string.Join(", ", OneTimeSecretRegions.Names)}) nor an http(s) URL";
            return false;
        }

        if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            error = $"'{text}' must be a plain base URL without user info, query or fragment";
            return false;
        }

        baseUri = NormalizeBase(uri);
        error = "";
        return true;
    }

    private static Uri NormalizeBase(Uri uri)
    {
        var path = uri.AbsolutePath.TrimEnd('/');
        // People paste the API address; the web root is what links are built on.
        if (path.EndsWith("/api/v1", StringComparison.OrdinalIgnoreCase))
        {
            path = path[..^"/api/v1".Length];
        }

        return new UriBuilder(uri.Scheme, uri.Host, uri.Port, path + "/").Uri;
    }
}
