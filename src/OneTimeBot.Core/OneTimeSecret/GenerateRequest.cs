using OneTimeBot.Core.Security;

namespace OneTimeBot.Core.OneTimeSecret;

/// <summary>What <c>POST /generate</c> takes; <see cref="Length"/> is the generated value's length (server default 12).</summary>
public sealed record GenerateRequest(
    TimeSpan? Ttl = null,
    SecretText? Passphrase = null,
    string? Recipient = null,
    int? Length = null,
    string? ShareDomain = null);
