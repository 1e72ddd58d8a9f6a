using Microsoft.Extensions.Hosting;

namespace OneTimeBot.SecretServer.Configuration;

/// <summary>
/// Loads the server key as the host starts rather than at the first request, so its log line (which keys seal and open,
/// by id, never the keys) is among the first an operator reads after a restart, a key rotation's above all.
/// </summary>
public sealed class ServerKeyAtStart(ServerKey serverKey) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = serverKey.Generations;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
