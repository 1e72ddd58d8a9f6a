using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OneTimeBot.Core.Configuration;
using OneTimeBot.Core.Hosting.Redaction;
using OneTimeBot.Core.Storage;
using OneTimeBot.SecretServer.Accounts;
using OneTimeBot.SecretServer.Api;
using OneTimeBot.SecretServer.Configuration;
using OneTimeBot.SecretServer.Crypto;
using OneTimeBot.SecretServer.Pages;
using OneTimeBot.SecretServer.Service;
using OneTimeBot.SecretServer.Storage;

namespace OneTimeBot.SecretServer;

public static class SecretServerServiceCollectionExtensions
{
    /// <summary>
    /// Registers the embedded Onetime Secret v1 service on the store <c>Storage:Provider</c> selects. The caller
    /// registers an <see cref="IPublicBaseUrl"/>: the receipt page builds secret links on it.
    /// </summary>
    public static IServiceCollection AddSecretServer(this IServiceCollection services, IConfiguration configuration)
    {
        // A service that answers on paths holding link keys keeps those keys out of every log line, whoever hosts it.
        services.AddKeyRedactingLogging();
        services.AddOneTimeBotStorage(configuration);
        services.AddOptions<SecretServerOptions>().Bind(configuration.GetSection(SecretServerOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SecretServerOptions>, SecretServerOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();

        services.AddSingleton<ServerKey>();
        services.AddHostedService<ServerKeyAtStart>();
        services.AddSingleton<LookupIds>();
        services.AddSingleton<Core.Tracking.IEmbeddedReceiptIds, EmbeddedReceiptIds>();
        services.AddSingleton<SecretCipher>();
        services.AddSingleton<ReceiptSeals>();
        services.AddSingleton<SecretServerMetrics>();
        services.AddSingleton<PassphraseHasher>();
        services.AddSingleton<RateLimiter>();
        services.AddSingleton<ApiAccounts>();
        services.AddSingleton<ApiAuthenticator>();
        services.AddSingleton<SecretService>();
        services.AddStore<ISecretStore, SqliteSecretStore, RedisSecretStore>();
        services.AddHostedService<SecretStorePurger>();
        return services;
    }

    /// <summary>Serves <c>/api/v1</c> and the secret and receipt pages, when <c>SecretServer:Enabled</c>.</summary>
    public static IEndpointRouteBuilder MapSecretServer(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        // The raw flag, not the validated options: validating here would pre-empt start-up validation, which reports
        // every section's errors at once.
        var configuration = endpoints.ServiceProvider.GetRequiredService<IConfiguration>();
        if (configuration.GetValue($"{SecretServerOptions.SectionName}:{nameof(SecretServerOptions.Enabled)}", true))
        {
            if (!endpoints.ServiceProvider.GetRequiredService<IServiceProviderIsService>().IsService(typeof(IPublicBaseUrl)))
            {
                throw new InvalidOperationException("The secret service builds links on the host's public URL: register an IPublicBaseUrl before mapping it.");
            }

            endpoints.MapOneTimeSecretApi();
            endpoints.MapSecretPages();
        }

        return endpoints;
    }
}
