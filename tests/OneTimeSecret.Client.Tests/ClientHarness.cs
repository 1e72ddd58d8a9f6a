using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneTimeBot.Testing;

namespace OneTimeSecret.Client.Tests;

/// <summary>A fake v1 server on loopback plus the real client wired the way the host wires it.</summary>
internal sealed class ClientHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private ClientHarness(FakeOnetimeSecretServer server, ServiceProvider services, CapturingLoggerProvider logs)
    {
        Server = server;
        _services = services;
        Logs = logs;
        Client = services.GetRequiredService<IOneTimeSecretClient>();
    }

    public FakeOnetimeSecretServer Server { get; }

    public IOneTimeSecretClient Client { get; }

    public CapturingLoggerProvider Logs { get; }

    public OneTimeSecretConnection Anonymous => new(Server.BaseUri);

    public OneTimeSecretConnection Account => new(Server.BaseUri, new OneTimeSecretCredentials("alice@example.com", new SecretText("tok_4f9a2b7c")));

    public static async Task<ClientHarness> StartAsync(IDictionary<string, string?>? http = null)
    {
        var server = await FakeOnetimeSecretServer.StartAsync();
        var logs = new CapturingLoggerProvider();
        var settings = new Dictionary<string, string?>
        {
            ["RetryBaseDelay"] = "00:00:00.020",
        };
        foreach (var (key, value) in http ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs))
            .AddOneTimeSecretClient(configuration)
            .BuildServiceProvider();
        return new ClientHarness(server, services, logs);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
