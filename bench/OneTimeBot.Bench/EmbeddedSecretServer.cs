using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneTimeBot.Core.Configuration;
using OneTimeBot.SecretServer;

namespace OneTimeBot.Bench;

/// <summary>The embedded secret service on a loopback port, configured as in production, on the given store.</summary>
internal sealed class EmbeddedSecretServer : IAsyncDisposable
{
    public const string Username = "bench@example.com";
    public const string Token = "bench-token-5f0c2e9a7d";

    /// <summary>The benchmark account's per-minute limits: off.</summary>
    public const string AccountLimit = "0";

    private readonly WebApplication _app;
    private readonly string _directory;

    private EmbeddedSecretServer(WebApplication app, string directory, Uri baseUri)
    {
        _app = app;
        _directory = directory;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public static async Task<EmbeddedSecretServer> StartAsync(string? redisConnectionString)
    {
        var directory = Directory.CreateTempSubdirectory("onetimebot-bench-").FullName;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = directory });
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = redisConnectionString is null ? "sqlite" : "redis",
            ["Storage:ConnectionString"] = redisConnectionString ?? "Data Source=./data/onetimebot.db",
            ["SecretServer:EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["SecretServer:Accounts:0:Username"] = Username,
            ["SecretServer:Accounts:0:ApiTokenSha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Token))),
            // The benchmark's account stands in for a whole fleet of clients: its limits are off, as before they existed.
            ["SecretServer:AccountCreatesPerMinute"] = AccountLimit,
            ["SecretServer:AccountRevealsPerMinute"] = AccountLimit,
        });
        builder.Services.AddSingleton<IPublicBaseUrl, ListeningAddress>();
        builder.Services.AddSecretServer(builder.Configuration);
        var app = builder.Build();
        app.MapSecretServer();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new EmbeddedSecretServer(app, directory, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}

/// <summary>The service's public URL in the benchmark: the loopback address it listens on.</summary>
internal sealed class ListeningAddress(IServer server) : IPublicBaseUrl
{
    public Uri BaseUri => new(server.Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");
}
