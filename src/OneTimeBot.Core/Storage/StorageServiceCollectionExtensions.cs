using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OneTimeBot.Core.RateLimits;
using OneTimeBot.Core.Storage.Redis;
using OneTimeBot.Core.Storage.Sqlite;

namespace OneTimeBot.Core.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the storage options, the shared SQLite file and Redis connection every store builds on, and the one
    /// rate counter the bot and the secret service count with.
    /// </summary>
    public static IServiceCollection AddOneTimeBotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton<SqliteDatabase>();
        services.TryAddSingleton<RedisConnection>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RedisConnectAtStart>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddStore<IRateCounter, SqliteRateCounter, RedisRateCounter>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RateCounterPurger>());
        return services;
    }

    /// <summary>Registers <typeparamref name="TService"/> as its SQLite or its Redis implementation, as <see cref="AddStore{TService}"/> chooses.</summary>
    public static IServiceCollection AddStore<TService, TSqlite, TRedis>(this IServiceCollection services)
        where TService : class
        where TSqlite : class, TService
        where TRedis : class, TService =>
        services.AddStore<TService>(sp => ActivatorUtilities.CreateInstance<TSqlite>(sp), sp => ActivatorUtilities.CreateInstance<TRedis>(sp));

    /// <summary>
    /// Registers <typeparamref name="TService"/>, unless it is registered already, on the store <c>Storage:Provider</c>
    /// selects. This is the one place the provider is read: from the validated <see cref="StorageOptions"/>, when the
    /// service is first resolved.
    /// </summary>
    public static IServiceCollection AddStore<TService>(this IServiceCollection services, Func<IServiceProvider, TService> sqlite, Func<IServiceProvider, TService> redis)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(sqlite);
        ArgumentNullException.ThrowIfNull(redis);
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.IsRedis ? redis(sp) : sqlite(sp));
        return services;
    }
}
