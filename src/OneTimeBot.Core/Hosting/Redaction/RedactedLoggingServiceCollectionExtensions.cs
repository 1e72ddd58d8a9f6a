using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace OneTimeBot.Core.Hosting.Redaction;

public static class RedactedLoggingServiceCollectionExtensions
{
    /// <summary>Makes every log line of this service provider, at every level and for every provider, free of link keys.</summary>
    public static IServiceCollection AddKeyRedactingLogging(this IServiceCollection services)
    {
        services.AddLogging();
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory, RedactingLoggerFactory>());
        return services;
    }
}
