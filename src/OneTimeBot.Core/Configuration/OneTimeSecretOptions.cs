namespace OneTimeBot.Core.Configuration;

/// <summary>
/// The default Onetime Secret backend (configuration section <c>OneTimeSecret</c>): <c>embedded</c> (the secret service
/// this host serves itself), a region <c>us|eu|ca|nz|uk</c>, or the URL of a self-hosted server or custom domain.
/// Username and API token go together; neither means anonymous use.
/// </summary>
public sealed class OneTimeSecretOptions
{
    public const string SectionName = "OneTimeSecret";
    public const string EmbeddedBackend = "embedded";

    public string Backend { get; set; } = EmbeddedBackend;

    public string? Username { get; set; }

    public string? ApiToken { get; set; }

    public bool IsEmbedded => string.Equals(Backend?.Trim(), EmbeddedBackend, StringComparison.OrdinalIgnoreCase);
}
