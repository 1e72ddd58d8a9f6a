namespace OneTimeBot.SecretServer.Configuration;

/// <summary>
/// Every job the server key (<see cref="ServerKey"/>) does in the secret service, each under a label of its own, so no two jobs ever derive the
/// same key. A label names its version: protecting something new means a new label, while what was sealed under an
/// old one is still opened with it.
/// </summary>
internal static class KeyPurposes
{
    /// <summary>The HMAC key of the ids records are stored under (<c>LookupIds</c>).</summary>
    public const string LookupIds = "OneTimeBot secret service: lookup ids v2";

    /// <summary>With a secret's key: the key its value is encrypted under (<c>SecretCipher</c>).</summary>
    public static ReadOnlySpan<byte> SecretEncryption => "OneTimeBot secret service: secret encryption v2"u8;

    /// <summary>With a receipt's metadata key: the key its secret key is sealed under (<c>ReceiptSeals</c>).</summary>
    public static ReadOnlySpan<byte> ReceiptSecretKey => "OneTimeBot secret service: receipt's secret key v2"u8;

    /// <summary>With an account's token, followed by its username: the key its recent list is sealed under.</summary>
    public const string RecentList = "OneTimeBot secret service: account's recent list v2\n";

    /// <summary>The bot's own API token, an HMAC of this label (<c>ApiAccounts</c>).</summary>
    public static ReadOnlySpan<byte> InternalAccountToken => "OneTimeBot embedded secret service: internal API account v1"u8;
}
