using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OneTimeBot.Core.Configuration;
using OneTimeBot.Core.Sharing;

namespace OneTimeBot.Core.Tracking;

public static class TrackingServiceCollectionExtensions
{
    /// <summary>
    /// Registers link tracking: what sharing tells it, the messages to owners, the poller and the recent-links list.
    /// The caller registers the <see cref="ITrackedShareStore"/> and <see cref="INotifyPreferenceStore"/>; the embedded
    /// secret service, where it runs, registers an <see cref="IEmbeddedReceiptIds"/> and takes the
    /// <see cref="ISecretStateListener"/>.
    /// </summary>
    public static IServiceCollection AddLinkTracking(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NotificationOptions>().Bind(configuration.GetSection(NotificationOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NotificationOptions>, NotificationOptionsValidator>());
        services.AddSingleton<MetadataKeySeal>();
        services.AddSingleton<ILinkTracking, LinkTracker>();
        services.AddSingleton<NotifyPreferences>();
        services.AddSingleton<LinkStatusNotifier>();
        services.AddSingleton<ISecretStateListener, EmbeddedSecretEvents>();
        services.AddSingleton<PollBudget>();
        services.AddSingleton<LinkPoller>();
        services.AddHostedService<LinkPolling>();
        services.AddSingleton<RecentLinks>();
        return services;
    }
}
