using Microsoft.Extensions.Options;
using OneTimeSecret.Client;

namespace OneTimeBot.Core.Configuration;

/// <summary>Turns the configured default backend into a connection the client can use.</summary>
public sealed class DefaultBackend(IOptions<OneTimeSecretOptions> options, IEmbeddedBackend embedded)
{
    public OneTimeSecretConnection Connection()
    {
        var o = options.Value;
        var credentials = string.IsNullOrWhiteSpace(o.Username) || string.IsNullOrWhiteSpace(o.ApiToken)
            ? null
            : new OneTimeSecretCredentials(o.Username.Trim(), new SecretText(o.ApiToken.Trim()));

        if (o.IsEmbedded)
        {
            return new OneTimeSecretConnection(embedded.BaseUri, credentials ?? embedded.Credentials);
        }

        // Validated at start-up, so a failure here is a programming error, not input.
        return OneTimeSecretConnection.TryParseBackend(o.Backend, out var baseUri, out var error)
            ? new OneTimeSecretConnection(baseUri, credentials)
            : throw new InvalidOperationException($"{OneTimeSecretOptions.SectionName}:Backend is invalid: {error}");
    }
}
