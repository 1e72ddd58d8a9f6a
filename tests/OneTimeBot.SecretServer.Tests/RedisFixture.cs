using OneTimeBot.Testing;

namespace OneTimeBot.SecretServer.Tests;

/// <summary>One real redis-server for a test class; each host inside uses its own key prefix.</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    public RedisServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
