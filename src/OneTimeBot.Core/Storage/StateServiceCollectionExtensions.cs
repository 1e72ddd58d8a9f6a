using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OneTimeBot.Core.Events;
using OneTimeBot.Core.Security;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Storage.Redis;
using OneTimeBot.Core.Storage.Sqlite;
using OneTimeBot.Core.Tracking;
using OneTimeBot.Core.Workspaces;

namespace OneTimeBot.Core.Storage;

public static class StateServiceCollectionExtensions
{
    /// <summary>
    /// Registers the bot's state (workspace settings, receipts, tracked links and notification preferences, event
    /// de-duplication and the Data Protection key ring) on the store <c>Storage:Provider</c> selects, the sharing and
    /// link-tracking use-cases, and the cleaner of expired rows.
    /// The caller registers an <see cref="IKeyRingKey"/>.
    /// </summary>
    public static IServiceCollection AddOneTimeBotState(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOneTimeBotStorage(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<WorkspacePinsOptions>().Bind(configuration.GetSection(WorkspacePin.SectionName));

        // Every secret reads its workspace's settings: on Redis a network round trip each time, on SQLite a statement,
        // unless the process keeps them. Redis announces changes on a channel; SQLite counts them in a row each process
        // reads at most once a second.
        services.AddSingleton<RedisWorkspaceSettingsStore>();
        services.AddSingleton<IWorkspaceSettingsChanges, RedisWorkspaceSettingsChanges>();
        services.AddSingleton<SqliteWorkspaceSettingsChanges>();
        services.AddStore<IWorkspaceSettingsStore>(
            sqlite: sp => new CachedWorkspaceSettingsStore(
                ActivatorUtilities.CreateInstance<SqliteWorkspaceSettingsStore>(sp), sp.GetRequiredService<SqliteWorkspaceSettingsChanges>(), sp.GetRequiredService<TimeProvider>()),
            redis: sp => new CachedWorkspaceSettingsStore(
                sp.GetRequiredService<RedisWorkspaceSettingsStore>(), sp.GetRequiredService<IWorkspaceSettingsChanges>(), sp.GetRequiredService<TimeProvider>()));
        services.AddStore<IReceiptStore, SqliteReceiptStore, RedisReceiptStore>();
        services.AddStore<IEventDeduplicator, SqliteEventDeduplicator, RedisEventDeduplicator>();
        services.AddStore<IXmlRepository, SqliteXmlRepository, RedisXmlRepository>();
        services.AddStore<ITrackedShareStore, SqliteTrackedShareStore, RedisTrackedShareStore>();
        services.AddStore<INotifyPreferenceStore, SqliteNotifyPreferenceStore, RedisNotifyPreferenceStore>();
        services.AddStore<IPendingPurgeStore, SqlitePendingPurgeStore, RedisPendingPurgeStore>();

        // One application name and one key ring in the shared store: every replica can unprotect what another protected.
        // The ring itself is encrypted with a key from configuration (IKeyRingKey, which the host provides), so the
        // store alone is not enough to unprotect the tokens it holds.
        services.AddDataProtection().SetApplicationName("OneTimeBot");
        services.AddSingleton<AesGcmXmlEncryptor>();
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
        {
            o.XmlRepository = sp.GetRequiredService<IXmlRepository>();
            o.XmlEncryptor = sp.GetRequiredService<AesGcmXmlEncryptor>();
        }));
        services.AddHostedService<KeyRingResealer>();

        services.AddSingleton<WorkspaceSettingsService>();
        services.AddOptions<CreationLimitsOptions>().Bind(configuration.GetSection(CreationLimitsOptions.SectionName))
            .Validate(o => o.PerUserPerMinute >= 0 && o.PerWorkspacePerMinute >= 0, "CreationLimits:PerUserPerMinute and CreationLimits:PerWorkspacePerMinute must be 0 (off) or more.")
            .ValidateOnStart();
        services.AddSingleton<CreationLimiter>();
        services.AddSingleton<ReceiptVault>();
        services.AddSingleton<SharingService>();
        services.AddSingleton<Messaging.DirectMessengers>();
        services.AddSingleton<Messaging.LinkDelivery>();
        services.AddSecretRequests(configuration);
        services.AddSingleton<Commands.BotCommands>();
        services.AddLinkTracking(configuration);
        services.AddHostedService<StateCleaner>();
        services.AddSingleton<WorkspacePurge>();

        services.AddMetrics();
        services.TryAddSingleton<Telemetry.BotMetrics>();

        // Work a platform adapter finishes after answering its platform; awaited at shutdown.
        services.AddSingleton<Hosting.FollowUps>();
        services.AddHostedService(sp => sp.GetRequiredService<Hosting.FollowUps>());
        return services;
    }
}
