using Microsoft.Extensions.Options;
using OneTimeBot.Core.Configuration;
using OneTimeBot.SecretServer.Configuration;

namespace OneTimeBot.Host.Hosting;

/// <summary>The default backend cannot be the embedded service while that service is switched off.</summary>
public sealed class EmbeddedBackendValidator(IConfiguration configuration) : IValidateOptions<OneTimeSecretOptions>
{
    public ValidateOptionsResult Validate(string? name, OneTimeSecretOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Read the raw flag: asking for the validated SecretServer options here would report their errors as ours.
        var enabled = configuration.GetValue($"{SecretServerOptions.SectionName}:{nameof(SecretServerOptions.Enabled)}", true);
        return options.IsEmbedded && !enabled
            ? ValidateOptionsResult.Fail("OneTimeSecret:Backend is 'embedded' but SecretServer:Enabled is false: enable the secret service or choose another backend.")
            : ValidateOptionsResult.Success;
    }
}
