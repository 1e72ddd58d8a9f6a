using OneTimeBot.Testing;
using OneTimeSecret.Client;

namespace OneTimeBot.SecretServer.Tests;

/// <summary>A host on Redis connects as it starts, so that its first request does not pay for the connection.</summary>
public sealed class RedisConnectAtStartTests
{
    [Fact]
    public async Task A_host_on_redis_is_connected_before_its_first_request()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var host = await SecretServerHost.StartAsync(redis.ConnectionString);

        // CLIENT LIST names every connection; the one asking is ours, any other is the host's.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var hostConnections = 0;
        while (hostConnections == 0 && DateTime.UtcNow < deadline)
        {
            var clients = await redis.CommandAsync("CLIENT", "LIST");
            hostConnections = clients.Split('\n').Count(line => line.Contains("id=", StringComparison.Ordinal) && !line.Contains("cmd=client|list", StringComparison.Ordinal));
            await Task.Delay(hostConnections == 0 ? 50 : 0);
        }

        Assert.True(hostConnections > 0, "the host had not connected to Redis 30 s after it started, with no request made");
        Assert.True((await host.Client.ShareAsync(host.Alice, new ShareRequest(new SecretText("after-connect-at-start-2c9e")))).IsSuccess);
    }
}
