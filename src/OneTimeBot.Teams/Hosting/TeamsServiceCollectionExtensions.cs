using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Teams.Auth;
using OneTimeBot.Teams.Configuration;
using OneTimeBot.Teams.Connector;
using OneTimeBot.Teams.Handlers;
using OneTimeBot.Teams.Messaging;

namespace OneTimeBot.Teams.Hosting;

public static class TeamsServiceCollectionExtensions
{
    /// <summary>Whether <c>Teams:Enabled</c> is on (the default), read raw so mapping does not pre-empt options validation.</summary>
    public static bool TeamsEnabled(IConfiguration configuration) =>
        configuration?.GetSection(TeamsOptions.SectionName).GetValue(nameof(TeamsOptions.Enabled), true) ?? true;

    /// <summary>Registers the Teams bot on the bot's state and sharing services (which the caller registers).</summary>
    public static IServiceCollection AddTeams(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TeamsOptions>().Bind(configuration.GetSection(TeamsOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidator>();
        if (!TeamsEnabled(configuration))
        {
            return services;
        }

        services.AddHttpClient(BotFrameworkTokenValidator.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10)).RemoveAllLoggers();
        services.AddHttpClient(BotTokenProvider.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10)).RemoveAllLoggers();
        services.AddHttpClient<ConnectorClient>(ConnectorClient.HttpClientName, c =>
            {
                c.Timeout = TimeSpan.FromSeconds(15);
                c.DefaultRequestHeaders.UserAgent.ParseAdd("OneTimeBot/1.0");
            })
            // Connector URLs name conversations; the bot logs its own lines without them.
            .RemoveAllLoggers();
        services.AddSingleton<BotFrameworkTokenValidator>();
        services.AddSingleton<TenantAllowList>();
        services.AddSingleton<BotTokenProvider>();
        services.AddSingleton<SecretForms>();
        services.AddSingleton<MessageExtensionHandlers>();
        services.AddSingleton<ChatHandlers>();
        services.AddSingleton<RequestChatHandlers>();
        services.AddSingleton<RecentHandlers>();
        services.AddSingleton<TeamsRouter>();
        services.AddSingleton<IDirectMessenger, TeamsDirectMessenger>();
        services.AddHostedService<TeamsStartup>();
        return services;
    }

    public static IEndpointRouteBuilder MapTeams(this IEndpointRouteBuilder app, IConfiguration configuration) =>
        TeamsEnabled(configuration) ? app.MapTeamsEndpoints() : app;
}
