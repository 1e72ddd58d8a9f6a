namespace OneTimeSecret.Client;

/// <summary>What <c>POST /api/v1/generate</c> takes: how the generated password is made and how its secret is kept.</summary>
/// <param name="Ttl">How long the secret lives unrevealed; null leaves it to the server's default.</param>
/// <param name="Passphrase">A passphrase the recipient must type to reveal it; null or empty for none.</param>
/// <param name="Recipient">An email address the server sends the link to, where it offers that.</param>
/// <param name="Length">The generated password's length; null leaves it to the server (12 characters by default).</param>
/// <param name="ShareDomain">A custom domain of the account to build the link on, where the server has one.</param>
public sealed record GenerateRequest(
    TimeSpan? Ttl = null,
    SecretText? Passphrase = null,
    string? Recipient = null,
    int? Length = null,
    string? ShareDomain = null);
