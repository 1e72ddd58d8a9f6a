using OneTimeSecret.Client;

namespace OneTimeBot.Core.Configuration;

/// <summary>
/// The secret service this host embeds, as the bot calls it: through the host's public URL, the same path as any
/// other backend (so links it hands out are ones recipients can open), with the embedded service's own account for
/// the bot (so the bot's traffic is not throttled like anonymous traffic from one address).
/// </summary>
public interface IEmbeddedBackend
{
    Uri BaseUri { get; }

    OneTimeSecretCredentials? Credentials { get; }

    /// <summary>False when this host does not serve the embedded service (<c>SecretServer:Enabled=false</c>).</summary>
    bool IsServed { get; }
}
