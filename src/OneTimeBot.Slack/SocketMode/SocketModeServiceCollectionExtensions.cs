using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneTimeBot.Slack.Configuration;

namespace OneTimeBot.Slack.SocketMode;

public static class SocketModeServiceCollectionExtensions
{
    /// <summary>Whether Slack is on and <c>Slack:AppToken</c> is set, read raw (as <see cref="Hosting.SlackServiceCollectionExtensions.SlackEnabled"/>).</summary>
    public static bool SlackUsesSocketMode(IConfiguration configuration) =>
        Hosting.SlackServiceCollectionExtensions.SlackEnabled(configuration) &&
        !string.IsNullOrWhiteSpace(configuration?.GetSection(SlackOptions.SectionName)[nameof(SlackOptions.AppToken)]);

    /// <summary>
    /// Socket Mode, when Slack is on and <c>Slack:AppToken</c> is set: its parts, and its connections kept by a hosted
    /// service. Called after <see cref="Hosting.SlackServiceCollectionExtensions.AddSlack"/>, whose route table and
    /// <see cref="Hosting.SlackInbound"/> every envelope goes through.
    /// </summary>
    public static IServiceCollection AddSlackSocketMode(this IServiceCollection services, IConfiguration configuration)
    {
        if (!SlackUsesSocketMode(configuration))
        {
            return services;
        }

        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<SlackOptions>>().Value;
            return new SocketModeStatus { Wanted = o.SocketMode.Connections };
        });
        services.AddSingleton<SocketModeLinks>();
        services.AddSingleton<SocketEnvelopeHandler>();
        services.AddSingleton<SocketModeService>();
        services.AddHostedService(sp => sp.GetRequiredService<SocketModeService>());
        return services;
    }
}
