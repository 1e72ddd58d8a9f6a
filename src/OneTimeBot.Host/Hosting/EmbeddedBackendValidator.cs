using Microsoft.Extensions.Options;
using OneTimeBot.Core.Configuration;
using OneTimeBot.SecretServer.Configuration;

namespace OneTimeBot.Host.Hosting;

/// <summary>Neither the default backend nor a workspace's choice can be the embedded service while it is switched off.</summary>
public sealed class EmbeddedBackendValidator(IConfiguration configuration) : IValidateOptions<OneTimeSecretOptions>
{
    public ValidateOptionsResult Validate(string? name, OneTimeSecretOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Read the raw flag: asking for the validated SecretServer options here would report their errors as ours.
        var enabled = configuration.GetValue($"{SecretServerOptions.SectionName}:{nameof(SecretServerOptions.Enabled)}", true);
        if (enabled)
        {
            return ValidateOptionsResult.Success;
        }

        if (options.IsEmbedded)
        {
            return ValidateOptionsResult.Fail("OneTimeSecret:Backend is 'embedded' but SecretServer:Enabled is false: enable the secret service or choose another backend.");
        }

        // The default list offers embedded only where it is served; an explicit entry is a mistake worth stopping for.
        return options.AllowedBackends?.Any(e => string.Equals(e.Trim(), OneTimeSecretOptions.EmbeddedBackend, StringComparison.OrdinalIgnoreCase)) == true
            ? ValidateOptionsResult.Fail("OneTimeSecret:AllowedBackends lists 'embedded' but SecretServer:Enabled is false: enable the secret service or remove the entry.")
            : ValidateOptionsResult.Success;
    }
}
