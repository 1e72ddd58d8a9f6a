namespace OneTimeSecret.Client;

/// <summary>What <c>POST /api/v1/share</c> takes. The secret travels only in the form body.</summary>
/// <param name="Secret">The text to keep until it is revealed once.</param>
/// <param name="Ttl">How long the secret lives unrevealed; null leaves it to the server's default.</param>
/// <param name="Passphrase">A passphrase the recipient must type to reveal it; null or empty for none.</param>
/// <param name="Recipient">An email address the server sends the link to, where it offers that.</param>
/// <param name="ShareDomain">A custom domain of the account to build the link on, where the server has one.</param>
public sealed record ShareRequest(
    SecretText Secret,
    TimeSpan? Ttl = null,
    SecretText? Passphrase = null,
    string? Recipient = null,
    string? ShareDomain = null);
