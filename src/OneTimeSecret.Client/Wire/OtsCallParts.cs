using System.Text;

namespace OneTimeSecret.Client.Wire;

/// <summary>
/// What every call through one <see cref="OneTimeSecretConnection"/> sends alike, made at its first use and then kept:
/// the API's Uris and the <c>Authorization</c> value. A connection made for a single call pays for each once, as it did
/// before; one kept across calls pays never again.
/// </summary>
/// <remarks>
/// Any two are equal, so a connection's record equality still compares only what the connection says, whether or not
/// its calls have filled these in. The <c>Authorization</c> value carries the API token: no public member reaches it and
/// no <c>ToString</c> prints it. Two threads may both make a value; they make the same one, and either is kept.
/// </remarks>
internal sealed class OtsCallParts(Uri baseUri, OneTimeSecretCredentials? credentials)
{
    private readonly Uri?[] _fixed = new Uri?[OtsOperation.FixedPaths];
    private string? _host;
    private string? _apiRoot;
    private Uri? _api;
    private string? _authorization;

    /// <summary>The API's root, <c>api/v1/</c> under the web root.</summary>
    public Uri Api => _api ??= new Uri(ApiRoot, UriKind.Absolute);

    /// <summary>The web root's host and port, as logs and failure messages name the server.</summary>
    public string Host => _host ??= baseUri.Authority;

    /// <summary>The <c>Authorization</c> header's value, <c>Basic</c> and the account's pair; null for anonymous calls.</summary>
    public string? Authorization => credentials is null ? null : _authorization ??= Basic(credentials);

    // The web root is normalized to a plain absolute URL ending in a slash (no query, no fragment), so appending a path
    // of letters, digits and slashes is what resolving it against the root gives, with one parse instead of two.
    private string ApiRoot => _apiRoot ??= baseUri.AbsoluteUri + "api/v1/";

    /// <summary>The Uri of an endpoint whose path names no key.</summary>
    public Uri Endpoint(OtsOperation operation) => _fixed[operation.FixedSlot] ??= Endpoint(operation.FixedPath!);

    /// <summary>The Uri of <paramref name="relativePath"/> under the API's root: ASCII letters, digits and slashes only.</summary>
    public Uri Endpoint(string relativePath) => new(ApiRoot + relativePath, UriKind.Absolute);

    public override bool Equals(object? obj) => obj is OtsCallParts;

    public override int GetHashCode() => 0;

    private static string Basic(OneTimeSecretCredentials credentials) =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.Username}:{credentials.ApiToken.Reveal()}"));
}
