using OneTimeBot.SecretServer.Model;
using OneTimeSecret.Client;

namespace OneTimeBot.SecretServer.Service;

/// <summary>Parameters of share and generate as they arrived: strings, still to be checked.</summary>
public sealed record CreateInput(
    SecretText? Secret,
    SecretText? Passphrase,
    string? Ttl,
    string? Recipient,
    string? ShareDomain,
    string? Length = null);

/// <summary>A new secret's receipt and, for generate, the value that only its creator sees.</summary>
public sealed record CreatedSecret(Receipt Receipt, SecretText? GeneratedValue);

/// <summary>A revealed secret's value, its key and the web root it was shared under.</summary>
public sealed record RevealedValue(SecretText Value, string SecretKey, string ShareDomain)
{
    public override string ToString() => "RevealedValue [redacted]";
}

/// <summary>What a page may show about a secret without touching it.</summary>
public sealed record SecretPreview(string SecretKey, bool PassphraseRequired)
{
    public override string ToString() => $"SecretPreview {{ PassphraseRequired = {PassphraseRequired} }}";
}

public enum RateLimitedAction
{
    Create,
    Reveal,
}
