using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace OneTimeBot.Core.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers the storage options and the shared SQLite file and Redis connection every store builds on.</summary>
    public static IServiceCollection AddOneTimeBotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton<SqliteDatabase>();
        services.TryAddSingleton<RedisConnection>();
        return services;
    }
}
