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

    /// <summary>Lifetime of a secret when the user names none.</summary>
    public TimeSpan DefaultTtl { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Longest lifetime a user may ask for (Onetime Secret itself allows 30 days at most).</summary>
    public TimeSpan MaxTtl { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Whether a workspace without an API token may use a remote backend anonymously.</summary>
    public bool AllowAnonymous { get; set; } = true;

    /// <summary>Custom domain for links (<c>share_domain</c>), when the account has one.</summary>
    public string? ShareDomain { get; set; }

    /// <summary>
    /// What a workspace admin may choose as the workspace's secret service (<see cref="Configuration.AllowedBackends"/>);
    /// null means <see cref="Configuration.AllowedBackends.Defaults"/>. The backends configured here are trusted anyway.
    /// </summary>
    public string[]? AllowedBackends { get; set; }

    public bool IsEmbedded => IsEmbeddedName(Backend);

    /// <summary>Whether a backend as written (in configuration, a form or a receipt) names the embedded service.</summary>
    public static bool IsEmbeddedName(string? backend) => string.Equals(backend?.Trim(), EmbeddedBackend, StringComparison.OrdinalIgnoreCase);
}
