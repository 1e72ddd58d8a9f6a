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
    /// Socket Mode's parts, and its connections kept by a hosted service when <c>Slack:AppToken</c> is set. The status is
    /// always registered, so that anything may ask whether Socket Mode is on at all.
    /// </summary>
    public static IServiceCollection AddSlackSocketMode(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<SlackOptions>>().Value;
            return new SocketModeStatus { Enabled = o.UsesSocketMode, Wanted = o.UsesSocketMode ? o.SocketMode.Connections : 0 };
        });
        services.AddSingleton<SocketModeLinks>();
        services.AddSingleton<SocketEnvelopeHandler>();
        if (SlackUsesSocketMode(configuration))
        {
            services.AddSingleton<SocketModeService>();
            services.AddHostedService(sp => sp.GetRequiredService<SocketModeService>());
        }

        return services;
    }
}
