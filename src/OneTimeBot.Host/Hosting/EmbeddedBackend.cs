using OneTimeBot.Core.Configuration;
using OneTimeBot.SecretServer.Accounts;
using OneTimeBot.SecretServer.Configuration;
using OneTimeSecret.Client;

namespace OneTimeBot.Host.Hosting;

/// <summary>The embedded secret service as the bot reaches it: the host's public URL and the service's internal account.</summary>
public sealed class EmbeddedBackend(PublicUrl publicUrl, ApiAccounts accounts, IConfiguration configuration) : IEmbeddedBackend
{
    public Uri BaseUri => publicUrl.BaseUri;

    public OneTimeSecretCredentials? Credentials => accounts.InternalCredentials;

    public bool IsServed { get; } = configuration.GetValue($"{SecretServerOptions.SectionName}:{nameof(SecretServerOptions.Enabled)}", true);
}
