using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneTimeBot.Core.Requests;
using OneTimeBot.Core.Storage.Redis;
using OneTimeBot.Core.Storage.Sqlite;

namespace OneTimeBot.Core.Storage;

public static class RequestsServiceCollectionExtensions
{
    /// <summary>
    /// Registers asking someone for a secret: <c>Requests</c> options (validated at start-up), the request store on the
    /// provider <c>Storage:Provider</c> selects, its limits and the use-case; <see cref="StateCleaner"/> purges expired requests.
    /// </summary>
    public static IServiceCollection AddSecretRequests(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<RequestsOptions>().Bind(configuration.GetSection(RequestsOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RequestsOptions>, RequestsOptionsValidator>();
        services.AddStore<ISecretRequestStore, SqliteSecretRequestStore, RedisSecretRequestStore>();
        services.AddSingleton<SecretRequests>();
        services.AddSingleton<RequestLimiter>();
        services.AddSingleton<SecretRequestService>();
        return services;
    }
}
