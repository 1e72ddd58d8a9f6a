using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using OneTimeBot.Testing;

namespace OneTimeSecret.Client.Tests;

/// <summary>A fake v1 server on loopback plus the real client wired the way the host wires it.</summary>
internal sealed class ClientHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly FakeTimeProvider? _clock;

    private ClientHarness(FakeOnetimeSecretServer server, ServiceProvider services, CapturingLoggerProvider logs, FakeTimeProvider? clock)
    {
        Server = server;
        _services = services;
        Logs = logs;
        _clock = clock;
        Client = services.GetRequiredService<IOneTimeSecretClient>();
    }

    public FakeOnetimeSecretServer Server { get; }

    public IOneTimeSecretClient Client { get; }

    public CapturingLoggerProvider Logs { get; }

    public OneTimeSecretConnection Anonymous => new(Server.BaseUri);

    public OneTimeSecretConnection Account => new(Server.BaseUri, new OneTimeSecretCredentials("alice@example.com", new SecretText("tok_4f9a2b7c")));

    /// <summary>
    /// Starts the fake server and the client with <paramref name="http"/> option settings on top of a short back-off,
    /// with <paramref name="clock"/> registered as the application's <see cref="TimeProvider"/> (none when null, as in
    /// an application that registers none).
    /// </summary>
    public static async Task<ClientHarness> StartAsync(IDictionary<string, string?>? http = null, FakeTimeProvider? clock = null)
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
            .AddOneTimeSecretClient(configuration);
        if (clock is not null)
        {
            services.AddSingleton<TimeProvider>(clock);
        }

        return new ClientHarness(server, services.BuildServiceProvider(), logs, clock);
    }

    public async ValueTask DisposeAsync()
    {
        // A pipeline being disposed waits for its unfinished calls, on the clock it runs on; after a failed test a call
        // may still be waiting on the fake one. Moving that clock on ends both, so the test reports its own failure.
        var disposing = _services.DisposeAsync().AsTask();
        while (_clock is not null && !disposing.IsCompleted)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(disposing, Task.Delay(TimeSpan.FromMilliseconds(10)));
        }

        await disposing;
        await Server.DisposeAsync();
    }
}
