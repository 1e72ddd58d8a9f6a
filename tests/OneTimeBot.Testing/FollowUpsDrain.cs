using Microsoft.Extensions.DependencyInjection;
using OneTimeBot.Core.Hosting;

namespace OneTimeBot.Testing;

/// <summary>
/// Waiting for "nothing happened" without a sleep: whatever the host does after it answered (a card through
/// response_url, a DM, a connector call) runs as a follow-up, so once no follow-up is running, nothing more is coming.
/// </summary>
public static class FollowUpsDrain
{
    public static async Task FollowUpsFinishedAsync(this IServiceProvider hostServices)
    {
        var followUps = hostServices.GetRequiredService<FollowUps>();
        // A follow-up may start another; drained when a look finds nothing still running.
        for (var running = followUps.DrainAsync(); !running.IsCompleted; running = followUps.DrainAsync())
        {
            await running.ConfigureAwait(false);
        }
    }
}
