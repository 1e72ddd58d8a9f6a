namespace OneTimeBot.Core.OneTimeSecret;

/// <summary>
/// Where a Onetime Secret v1 API lives and who calls it. <see cref="BaseUri"/> is the web root
/// (links are built on it); the API is under <c>api/v1/</c> of it. No credentials means anonymous use.
/// </summary>
public sealed record OneTimeSecretConnection
{
    private readonly TimeSpan? _budget;
    private readonly bool _publicOnly;

    public OneTimeSecretConnection(Uri baseUri, OneTimeSecretCredentials? credentials = null)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        if (!baseUri.IsAbsoluteUri || (baseUri.Scheme != Uri.UriSchemeHttps && baseUri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("A Onetime Secret base URL must be an absolute http or https URL.", nameof(baseUri));
        }

        BaseUri = NormalizeBase(baseUri);
        Credentials = credentials;
    }

    public Uri BaseUri { get; }

    public OneTimeSecretCredentials? Credentials { get; }

    /// <summary>
    /// How long one call through this connection may take in all, retries included, when the caller's budget differs
    /// from the configured <c>OneTimeSecret:Http:TotalTimeout</c>: shorter for a caller that must answer sooner, longer
    /// for work that happens after the platform was already answered. Null means the configured total.
    /// </summary>
    public TimeSpan? Budget
    {
        get => _budget;
        init => _budget = value is { } budget && (budget <= TimeSpan.Zero || budget > TimeSpan.FromMinutes(5))
            ? throw new ArgumentOutOfRangeException(nameof(value), "A call budget is more than zero and at most 5 minutes.")
            : value;
    }

    /// <summary>
    /// True for a backend a workspace admin chose rather than the operator: it is reached over https only, on public
    /// internet addresses only, and what it answers is never shown to people word for word.
    /// </summary>
    public bool PublicOnly
    {
        get => _publicOnly;
        init => _publicOnly = value && BaseUri.Scheme != Uri.UriSchemeHttps
            ? throw new ArgumentException("A backend a workspace chose is reached over https only.", nameof(value))
            : value;
    }

    public Uri ApiUri => new(BaseUri, "api/v1/");

    public bool IsAnonymous => Credentials is null;

    /// <summary>
    /// Reads a backend as people write it: a region name (<c>us</c>, <c>eu</c>, <c>ca</c>, <c>nz</c>, <c>uk</c>)
    /// or an http(s) URL of a self-hosted server or custom domain, with or without a trailing <c>/api/v1</c>.
    /// </summary>
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
