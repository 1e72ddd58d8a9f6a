namespace OneTimeSecret.Client;

/// <summary>The answer of a reveal: the value (gone from the server now), its key and the share domain.</summary>
/// <param name="Value">The secret's text.</param>
/// <param name="SecretKey">The key of the secret that was revealed.</param>
/// <param name="ShareDomain">The custom domain the secret was shared on, if any.</param>
public sealed record RevealedSecret(SecretText Value, string SecretKey, string? ShareDomain)
{
    /// <summary>The reveal without its key: the secret key is a bearer credential until the secret is gone.</summary>
    public override string ToString() => $"RevealedSecret {{ Value = {Value}, ShareDomain = {ShareDomain} }}";
}
