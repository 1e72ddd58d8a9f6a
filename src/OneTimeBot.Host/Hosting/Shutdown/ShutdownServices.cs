using Microsoft.Extensions.Options;

namespace OneTimeBot.Host.Hosting.Shutdown;

public static class ShutdownServices
{
    /// <summary>The draining <c>/readyz</c> and the stop's time limit, from <see cref="ShutdownOptions"/>.</summary>
    public static IServiceCollection AddGracefulShutdown(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ShutdownOptions>().Bind(configuration.GetSection(ShutdownOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ShutdownOptions>, ShutdownOptionsValidator>();
        services.AddOptions<HostOptions>().Configure<IOptions<ShutdownOptions>>(UseShutdownTimeout);
        services.AddSingleton<ReadinessDrain>();
        services.AddHostedService(sp => sp.GetRequiredService<ReadinessDrain>());
        return services;
    }

    private static void UseShutdownTimeout(HostOptions host, IOptions<ShutdownOptions> shutdown)
    {
        try
        {
            host.ShutdownTimeout = shutdown.Value.ShutdownTimeout;
        }
        catch (Exception ex) when (ex is OptionsValidationException or InvalidOperationException)
        {
            // The host reads its options while it is built, before start-up validation: that reports this setting's
            // problem with every other section's, and the host never runs with the default.
        }
    }

    /// <summary>Adds to the readiness checks the one that fails once the host is stopping.</summary>
    public static IHealthChecksBuilder AddDrainingCheck(this IHealthChecksBuilder checks, string tag) =>
        checks.AddCheck<DrainingHealthCheck>("draining", tags: [tag]);
}
