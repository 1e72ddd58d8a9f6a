using OneTimeBot.Core.Security;

namespace OneTimeBot.Core.OneTimeSecret;

/// <summary>What <c>POST /share</c> takes. The secret travels only in the form body.</summary>
public sealed record ShareRequest(
    SecretText Secret,
    TimeSpan? Ttl = null,
    SecretText? Passphrase = null,
    string? Recipient = null,
    string? ShareDomain = null);
