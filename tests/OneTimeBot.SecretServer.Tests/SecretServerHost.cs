using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using OneTimeBot.Core.Configuration;
using OneTimeBot.Testing;
using OneTimeSecret.Client;

namespace OneTimeBot.SecretServer.Tests;

/// <summary>
/// The embedded secret service on a real loopback port with a fake clock, on SQLite or Redis, plus the project's own
/// v1 client pointed at it. Accounts: alice@example.com and bob@example.com.
/// </summary>
internal sealed class SecretServerHost : IAsyncDisposable
{
    public const string AliceToken = "alice-token-4c1d9e7f2a";
    public const string BobToken = "bob-token-8e2b6a0c3d";

    private readonly WebApplication _app;
    private readonly ServiceProvider _clientServices;

    private SecretServerHost(WebApplication app, FakeTimeProvider clock, CapturingLoggerProvider logs, string directory, Uri baseUri)
    {
        _app = app;
        Clock = clock;
        Logs = logs;
        DataDirectory = directory;
        BaseUri = baseUri;
        Http = new HttpClient { BaseAddress = baseUri };
        _clientServices = new ServiceCollection().AddLogging(b => b.AddProvider(logs)).AddOneTimeSecretClient().BuildServiceProvider();
        Client = _clientServices.GetRequiredService<IOneTimeSecretClient>();
    }

    public Uri BaseUri { get; }

    public FakeTimeProvider Clock { get; }

    public CapturingLoggerProvider Logs { get; }

    public string DataDirectory { get; }

    public HttpClient Http { get; }

    public IOneTimeSecretClient Client { get; }

    public IServiceProvider Services => _app.Services;

    // The service's behaviour is under test here, not the client's 4 s default budget: a loaded machine may take longer.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public OneTimeSecretConnection Anonymous => new(BaseUri) { Budget = Patience };

    public OneTimeSecretConnection Alice => new(BaseUri, new OneTimeSecretCredentials("alice@example.com", new SecretText(AliceToken))) { Budget = Patience };

    public OneTimeSecretConnection Bob => new(BaseUri, new OneTimeSecretCredentials("bob@example.com", new SecretText(BobToken))) { Budget = Patience };

    /// <summary>Starts a host; <paramref name="prepare"/> may put files into its data folder first, e.g. an old database.</summary>
    public static async Task<SecretServerHost> StartAsync(string? redisConnectionString, IDictionary<string, string?>? overrides = null, Action<string>? prepare = null)
    {
        var directory = Directory.CreateTempSubdirectory("onetimebot-secretserver-").FullName;
        prepare?.Invoke(directory);
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = redisConnectionString is null ? "sqlite" : "redis",
            ["Storage:ConnectionString"] = redisConnectionString ?? "Data Source=./data/onetimebot.db",
            ["Storage:RedisKeyPrefix"] = $"test-{Guid.NewGuid():N}:",
            ["SecretServer:EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["SecretServer:PassphraseWorkFactor"] = "4",
            ["SecretServer:Accounts:0:Username"] = "alice@example.com",
            ["SecretServer:Accounts:0:ApiTokenSha256"] = Sha256(AliceToken),
            ["SecretServer:Accounts:1:Username"] = "bob@example.com",
            ["SecretServer:Accounts:1:ApiTokenSha256"] = Sha256(BobToken),
            ["SecretServer:ShareDomains:0"] = "secrets.example.org",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        TestRunLedger.Current.NoteSettings(settings);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = directory });
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings);
        var logs = new CapturingLoggerProvider();
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddProvider(logs);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton<IPublicBaseUrl, ListeningAddress>();
        builder.Services.AddSecretServer(builder.Configuration);

        var app = builder.Build();
        app.UseTestRunLedger();
        app.MapSecretServer();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SecretServerHost(app, clock, logs, directory, new Uri(address.TrimEnd('/') + "/"));
    }

    public static string Sha256(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>
    /// Shares through the client and returns the receipt. A refused share fails the test with the client's error and
    /// the host's warnings, so the cause shows in the test run, not a null reference further on.
    /// </summary>
    public async Task<SecretReceipt> ShareAsync(OneTimeSecretConnection connection, ShareRequest request)
    {
        var shared = await Client.ShareAsync(connection, request);
        Assert.True(shared.IsSuccess, $"The share was refused: {shared.Error}. The host logged:\n{string.Join('\n', Logs.Entries.Where(e => e.Level >= LogLevel.Warning).Select(e => e.FullText))}");
        return shared.Value;
    }

    public async Task<HttpResponseMessage> PostFormAsync(string path, IDictionary<string, string> form, string? basic = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        if (basic is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(basic)));
        }

        return await Http.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _clientServices.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>The public URL of a test host: the loopback address it listens on, as the real host falls back to.</summary>
internal sealed class ListeningAddress(IServer server) : IPublicBaseUrl
{
    public Uri BaseUri => new(server.Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");
}
