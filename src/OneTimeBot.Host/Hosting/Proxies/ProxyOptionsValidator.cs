using System.Net;
using Microsoft.Extensions.Options;

namespace OneTimeBot.Host.Hosting.Proxies;

public sealed class ProxyOptionsValidator : IValidateOptions<ProxyOptions>
{
    public ValidateOptionsResult Validate(string? name, ProxyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        for (var i = 0; i < options.KnownProxies.Count; i++)
        {
            if (!IPAddress.TryParse(options.KnownProxies[i]?.Trim(), out _))
            {
                errors.Add($"{ProxyOptions.SectionName}:KnownProxies:{i} must be an IP address such as 10.0.0.5 (got '{options.KnownProxies[i]}').");
            }
        }

        for (var i = 0; i < options.KnownNetworks.Count; i++)
        {
            var entry = options.KnownNetworks[i]?.Trim();
            if (!IPNetwork.TryParse(entry, out var network))
            {
                errors.Add($"{ProxyOptions.SectionName}:KnownNetworks:{i} must be a network in CIDR notation such as 10.0.0.0/24 (got '{options.KnownNetworks[i]}').");
            }
            else if (network.PrefixLength == 0)
            {
                // A proxy anywhere means any client could claim any address.
                errors.Add($"{ProxyOptions.SectionName}:KnownNetworks:{i} ('{entry}') would trust every address; list your proxies' own networks.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
