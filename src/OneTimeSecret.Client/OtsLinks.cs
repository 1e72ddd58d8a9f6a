namespace OneTimeSecret.Client;

/// <summary>
/// Web links of a secret and its receipt: <c>https://HOST/secret/KEY</c> with HOST the share domain when one is set,
/// else the backend's own web root; <c>BASE/receipt/KEY</c> on the backend.
/// </summary>
public static class OtsLinks
{
    /// <summary>The one-time link of a secret.</summary>
    /// <param name="connection">The server that holds the secret.</param>
    /// <param name="shareDomain">The custom domain the secret was shared on, as the server reports it, if any.</param>
    /// <param name="secretKey">The secret's key.</param>
    /// <returns>The link a recipient opens.</returns>
    public static Uri Secret(OneTimeSecretConnection connection, string? shareDomain, string secretKey)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return new Uri(WebRoot(connection, shareDomain), "secret/" + Uri.EscapeDataString(secretKey));
    }

    /// <summary>The receipt page of a secret, on the server itself.</summary>
    /// <param name="connection">The server that holds the secret.</param>
    /// <param name="metadataKey">The receipt's metadata key.</param>
    /// <returns>The link to the receipt, for the secret's owner only.</returns>
    public static Uri Receipt(OneTimeSecretConnection connection, string metadataKey)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return new Uri(connection.BaseUri, "receipt/" + Uri.EscapeDataString(metadataKey));
    }

    private static Uri WebRoot(OneTimeSecretConnection connection, string? shareDomain)
    {
        if (string.IsNullOrWhiteSpace(shareDomain))
        {
            return connection.BaseUri;
        }

        // v1 sends a bare host for share_domain on receipts and scheme+host on reveals.
        var text = shareDomain.Contains("://", StringComparison.Ordinal) ? shareDomain : "https://" + shareDomain;
        return Uri.TryCreate(text.TrimEnd('/') + "/", UriKind.Absolute, out var root) &&
               (root.Scheme == Uri.UriSchemeHttps || root.Scheme == Uri.UriSchemeHttp)
            ? new Uri(root.GetLeftPart(UriPartial.Authority) + "/")
            : connection.BaseUri;
    }
}
