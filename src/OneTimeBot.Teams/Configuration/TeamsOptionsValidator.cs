using Microsoft.Extensions.Hosting;
using OneTimeBot.Core.Configuration;

namespace OneTimeBot.Teams.Configuration;

/// <summary>Names every Teams key that stops the bot from working, so start-up fails with all of them at once.</summary>
public sealed class TeamsOptionsValidator(IHostEnvironment environment) : PlatformOptionsValidator<TeamsOptions>(TeamsOptions.SectionName, environment)
{
    protected override void CheckPlatform(TeamsOptions options, bool development, ICollection<string> errors)
    {
        if (options.AllowUnauthenticatedLocalDevelopment && !development)
        {
            errors.Add($"{Prefix}AllowUnauthenticatedLocalDevelopment is only allowed in Development: it accepts requests without a token.");
        }

        if (options.AppId.Trim().Length > 0 && !Guid.TryParse(options.AppId, out _))
        {
            errors.Add($"{Prefix}AppId must be the bot's Microsoft App ID, a GUID.");
        }

        if (!development && options.AppId.Trim().Length == 0)
        {
            errors.Add($"{Prefix}AppId is required: the Azure bot's Microsoft App ID (or set {Prefix}Enabled to false).");
        }

        if (options.AppId.Trim().Length > 0 && options.AppPassword.Length == 0 && options.AppCertificateFile.Trim().Length == 0)
        {
            errors.Add($"{Prefix}AppPassword (or {Prefix}AppCertificateFile) is required with {Prefix}AppId, for the bot's replies.");
        }

        if (options.AppCertificateFile.Trim().Length > 0 && !File.Exists(Path.GetFullPath(options.AppCertificateFile, ContentRootPath)))
        {
            errors.Add($"{Prefix}AppCertificateFile '{options.AppCertificateFile}' does not exist.");
        }

        if (options.TenantId.Trim().Length > 0 && !Guid.TryParse(options.TenantId, out _))
        {
            errors.Add($"{Prefix}TenantId must be the tenant's GUID, or empty for a multi-tenant bot.");
        }

        CheckAllowedTenants(errors, options);
        CheckUrl(errors, "OpenIdMetadataUrl", options.OpenIdMetadataUrl);
        CheckUrl(errors, "LoginBaseUrl", options.LoginBaseUrl);
        if (options.InvokeBudget <= TimeSpan.Zero || options.InvokeBudget > TimeSpan.FromSeconds(4.5))
        {
            errors.Add($"{Prefix}InvokeBudget must be more than 0 and at most 4.5 s: Teams gives an invoke 5 s.");
        }

        if (options.SigningKeyRefreshInterval < TimeSpan.Zero || options.SigningKeyRefreshInterval > TimeSpan.FromHours(1))
        {
            errors.Add($"{Prefix}SigningKeyRefreshInterval must be between 0 and 1 hour.");
        }
    }

    private void CheckAllowedTenants(ICollection<string> errors, TeamsOptions options)
    {
        var single = Guid.TryParse(options.TenantId, out var tenant) ? tenant : (Guid?)null;
        for (var i = 0; i < options.AllowedTenants.Count; i++)
        {
            var entry = options.AllowedTenants[i];
            if (!Guid.TryParse(entry, out var allowed))
            {
                errors.Add($"{Prefix}AllowedTenants:{i} '{entry}' must be a tenant id (a GUID).");
            }
            else if (single is { } only && allowed != only)
            {
                errors.Add($"{Prefix}AllowedTenants:{i} is not {Prefix}TenantId: a single-tenant bot serves its own tenant only, so leave {Prefix}AllowedTenants empty (or list just that tenant).");
            }
        }
    }

    private void CheckUrl(ICollection<string> errors, string key, string value)
    {
        // Keys and tokens only over https, except from this machine (tests, a local emulator).
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
        {
            errors.Add($"{Prefix}{key} must be an absolute https URL (http only on loopback).");
        }
    }
}
