using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace OneTimeBot.Host.Hosting.Proxies;

public static class KnownProxiesServices
{
    public static IServiceCollection AddKnownProxies(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProxyOptions>().Bind(configuration.GetSection(ProxyOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProxyOptions>, ProxyOptionsValidator>();
        services.AddSingleton<IPostConfigureOptions<ForwardedHeadersOptions>, ForwardedHeadersFromProxies>();
        return services;
    }

    /// <summary>First in the pipeline, when proxies are listed: everything after it sees the client behind them.</summary>
    public static IApplicationBuilder UseForwardedHeadersFromKnownProxies(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // The raw settings: the pipeline is built before start-up validation, which reports every section's errors at once.
        var configuration = app.ApplicationServices.GetRequiredService<IConfiguration>().GetSection(ProxyOptions.SectionName);
        var listed = configuration.GetSection(nameof(ProxyOptions.KnownProxies)).GetChildren().Any(c => !string.IsNullOrWhiteSpace(c.Value)) ||
                     configuration.GetSection(nameof(ProxyOptions.KnownNetworks)).GetChildren().Any(c => !string.IsNullOrWhiteSpace(c.Value));
        return listed ? app.UseForwardedHeaders() : app;
    }
}
