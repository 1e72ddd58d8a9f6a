using OneTimeBot.Testing;

namespace OneTimeBot.Bench;

/// <summary>
/// The one Onetime Secret backend both apps of the Slack benchmark call: the tiny stand-in (the default), or the
/// embedded secret service on a redis-server of its own, as the runs recorded before the stand-in used.
/// </summary>
internal sealed class SharedBackend : IAsyncDisposable
{
    private readonly IAsyncDisposable _server;
    private readonly RedisServer? _redis;

    private SharedBackend(IAsyncDisposable server, Uri baseUri, string description, RedisServer? redis)
    {
        _server = server;
        BaseUri = baseUri;
        Description = description;
        _redis = redis;
    }

    public Uri BaseUri { get; }

    public string Description { get; }

    public static async Task<SharedBackend> StartAsync(bool embedded)
    {
        if (!embedded)
        {
            var standIn = await OnetimeSecretStandIn.StartAsync(EmbeddedSecretServer.Username, EmbeddedSecretServer.Token);
            return new SharedBackend(standIn, standIn.BaseUri, "a stand-in Onetime Secret v1 server in the benchmark's process (no crypto, no storage)", null);
        }

        var redis = await RedisServer.StartAsync();
        var server = await EmbeddedSecretServer.StartAsync(redis.ConnectionString);
        return new SharedBackend(server, server.BaseUri, "the embedded secret service on its own Redis, in the benchmark's process", redis);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }
}
