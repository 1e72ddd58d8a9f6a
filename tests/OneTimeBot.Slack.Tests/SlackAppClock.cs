using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace OneTimeBot.Slack.Tests;

/// <summary>The Slack app on a clock the test moves: the host's time, and the time Slack's requests are signed at.</summary>
internal static class SlackAppClock
{
    public static async Task<SlackApp> StartAsync(FakeTimeProvider clock, IReadOnlyDictionary<string, string?>? settings = null, bool oauth = false)
    {
        var app = await SlackApp.StartAsync(settings, oauth, services: services => services.AddSingleton<TimeProvider>(clock));
        app.Requests.Now = () => clock.GetUtcNow().ToUnixTimeSeconds();
        return app;
    }
}
