using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OneTimeBot.Core.Configuration;
using OneTimeBot.Core.Hosting.Redaction;
using OneTimeBot.Core.Security;
using OneTimeBot.Core.Storage;
using OneTimeBot.Host.Health;
using OneTimeBot.Host.Hosting.BodyLimits;
using OneTimeBot.Host.Hosting.Proxies;
using OneTimeBot.Host.Hosting.Shutdown;
using OneTimeBot.Host.Telemetry;
using OneTimeBot.SecretServer;
using OneTimeBot.SecretServer.Storage;
using OneTimeBot.Slack.Hosting;
using OneTimeBot.Slack.SocketMode;
using OneTimeBot.Teams.Hosting;
using OneTimeSecret.Client;
using OneTimeSecret.Client.Http;

namespace OneTimeBot.Host.Hosting;

/// <summary>The composition root's two halves: what the host registers and what it serves.</summary>
public static class OneTimeBotServices
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddOneTimeBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddKeyRedactingLogging();
        services.AddKnownProxies(configuration);
        services.AddGracefulShutdown(configuration);
        services.AddRequestBodyLimits();

        services.AddOptions<PublicUrlOptions>().Bind(configuration.GetSection(PublicUrlOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PublicUrlOptions>, PublicUrlOptionsValidator>();
        services.AddSingleton<PublicUrl>();
        services.AddSingleton<IPublicBaseUrl>(sp => sp.GetRequiredService<PublicUrl>());

        services.AddSecretServer(configuration);
        services.AddSingleton<IEmbeddedBackend, EmbeddedBackend>();

        services.AddOptions<OneTimeSecretOptions>().Bind(configuration.GetSection(OneTimeSecretOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OneTimeSecretOptions>, OneTimeSecretOptionsValidator>();
        services.AddSingleton<IValidateOptions<OneTimeSecretOptions>, EmbeddedBackendValidator>();
        services.AddSingleton<DefaultBackend>();
        services.AddOneTimeSecretClient(configuration.GetSection(OneTimeSecretHttpOptions.SectionName));
        services.AddSingleton<IKeyRingKey, KeyRingKeyFromServerKey>();
        services.AddOneTimeBotState(configuration);
        services.AddSlack(configuration);
        services.AddSlackSocketMode(configuration);
        services.AddTeams(configuration);
        services.AddBotTelemetry(configuration);

        services.AddProblemDetails();
        services.AddHealthChecks()
            .AddCheck<SecretStoreHealthCheck>("secret-store", tags: [ReadyTag], timeout: TimeSpan.FromSeconds(5))
            .AddCheck<OneTimeSecretBackendHealthCheck>("onetimesecret-backend", tags: [ReadyTag], timeout: TimeSpan.FromSeconds(6))
            .AddDrainingCheck(ReadyTag);
        if (SocketModeServiceCollectionExtensions.SlackUsesSocketMode(configuration))
        {
            services.AddHealthChecks().AddCheck<SlackSocketModeHealthCheck>("slack-socket-mode", tags: [ReadyTag]);
        }

        return services;
    }

    public static WebApplication MapOneTimeBot(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        app.MapBotTelemetry();
        app.UseForwardedHeadersFromKnownProxies();
        // Answers every unhandled exception with a bare problem document: no exception text or stack trace reaches a caller.
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestBodyLimits();

        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponseWriter.WriteAsync });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = HealthResponseWriter.WriteAsync });
        app.MapSecretServer();
        app.MapSlack(app.Configuration);
        app.MapTeams(app.Configuration);
        return app;
    }
}
