using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using OneTimeBot.Core.Events;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Storage;
using OneTimeBot.Slack.Configuration;
using OneTimeBot.Slack.Delivery;
using OneTimeBot.Slack.Handlers;
using OneTimeBot.Slack.Installations;
using OneTimeBot.Slack.Messaging;
using OneTimeBot.Slack.Users;
using OneTimeBot.Slack.Verification;
using OneTimeBot.Slack.WebApi;
using Polly;

namespace OneTimeBot.Slack.Hosting;

public static class SlackServiceCollectionExtensions
{
    /// <summary>Whether <c>Slack:Enabled</c> is on (the default), read raw so mapping does not pre-empt options validation.</summary>
    public static bool SlackEnabled(IConfiguration configuration) =>
        configuration?.GetSection(SlackOptions.SectionName).GetValue(nameof(SlackOptions.Enabled), true) ?? true;

    /// <summary>
    /// Registers the Slack app on the bot's state and sharing services (which the caller registers): options validated
    /// at start-up, request verification, the Web API and response_url clients, the installation store of the
    /// configured provider, the handlers and their routing table. The caller registers an <c>IPublicBaseUrl</c>.
    /// </summary>
    public static IServiceCollection AddSlack(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SlackOptions>().Bind(configuration.GetSection(SlackOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>();
        if (!SlackEnabled(configuration))
        {
            return services;
        }

        services.AddSingleton<SlackSigningSecret>();
        services.AddSingleton(sp => new SlackRequestVerifier(
            sp.GetRequiredService<SlackSigningSecret>().Value, sp.GetRequiredService<IEventDeduplicator>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<WorkspaceAllowList>();
        services.AddSingleton<ResponseUrlPolicy>();

        services.AddHttpClient<SlackApiClient>(SlackApiClient.HttpClientName, (sp, client) =>
            {
                var baseUrl = sp.GetRequiredService<IOptions<SlackOptions>>().Value.ApiBaseUrl;
                client.BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/");
                client.Timeout = TimeSpan.FromSeconds(10);
                client.DefaultRequestHeaders.UserAgent.ParseAdd("OneTimeBot/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(WithoutRedirects)
            .RemoveAllLoggers();
        services.AddHttpClient<ResponseUrlClient>(ResponseUrlClient.HttpClientName, client =>
            {
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("OneTimeBot/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(WithoutRedirects)
            // A response_url is a credential for its conversation: the default handler would log it in full.
            .RemoveAllLoggers()
            .AddResilienceHandler("slack-response-url", pipeline => pipeline
                .AddTimeout(TimeSpan.FromSeconds(20))
                .AddRetry(new HttpRetryStrategyOptions { MaxRetryAttempts = 2, UseJitter = true, Delay = TimeSpan.FromMilliseconds(300), ShouldRetryAfterHeader = true })
                .AddTimeout(TimeSpan.FromSeconds(6)));

        services.AddStore<ISlackInstallationStore, SqliteSlackInstallationStore, RedisSlackInstallationStore>();

        services.AddSingleton<SlackTokens>();
        services.AddHostedService<SlackStartup>();
        services.AddSingleton<SlackDelivery>();
        services.AddSingleton<SlackForms>();
        services.AddSingleton<CommandHandlers>();
        services.AddSingleton<ActionHandlers>();
        services.AddSingleton<ViewHandlers>();
        services.AddSingleton<EventHandlers>();
        services.AddSingleton<RequestHandlers>();
        services.AddSingleton<HomeHandlers>();
        services.AddSingleton<SlackRouter>();
        services.AddSingleton<SlackInbound>();
        services.AddSingleton<SlackUserLanguages>();
        services.AddSingleton<IDirectMessenger, SlackDirectMessenger>();
        return services;
    }

    /// <summary>
    /// Slack never answers its API or a response_url with a redirect; following one would carry a bot token or a card
    /// (with its one-time link) to wherever it points. A 3xx is therefore just a failed call.
    /// </summary>
    private static SocketsHttpHandler WithoutRedirects() => new() { AllowAutoRedirect = false };

    /// <summary>
    /// Whether Slack's signed requests over HTTP are taken (see <see cref="SlackOptions.ReceivesHttp"/>), read raw like
    /// <see cref="SlackEnabled"/>: with Socket Mode and no signing secret, the signed endpoints are not mapped at all.
    /// </summary>
    public static bool SlackReceivesHttp(IConfiguration configuration)
    {
        var section = configuration?.GetSection(SlackOptions.SectionName);
        return new SlackOptions { AppToken = section?[nameof(SlackOptions.AppToken)] ?? "", SigningSecret = section?[nameof(SlackOptions.SigningSecret)] ?? "" }.ReceivesHttp;
    }

    public static IEndpointRouteBuilder MapSlack(this IEndpointRouteBuilder app, IConfiguration configuration) =>
        SlackEnabled(configuration) ? app.MapSlackEndpoints(takeSignedRequests: SlackReceivesHttp(configuration)) : app;
}
