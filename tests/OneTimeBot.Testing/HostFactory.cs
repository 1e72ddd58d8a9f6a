using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OneTimeBot.Testing;

/// <summary>
/// The real host, in process, in Development, with its data in a temporary folder, settings a test chooses and
/// every log line captured. With <c>kestrel: true</c> it listens on a real loopback port, as <c>dotnet run</c> does.
/// Its log lines, its secret settings and what it answers go to a leak ledger: the run's, unless one is given.
/// </summary>
public sealed class HostFactory<TEntryPoint> : WebApplicationFactory<TEntryPoint>
    where TEntryPoint : class
{
    private readonly IReadOnlyDictionary<string, string?> _settings;

    public HostFactory(IReadOnlyDictionary<string, string?> settings, bool kestrel = false, LedgerFolder? ledger = null)
    {
        _settings = settings;
        Ledger = ledger ?? TestRunLedger.Current;
        Ledger.NoteSettings(settings);
        Logs = new CapturingLoggerProvider(Ledger);
        DataDirectory = Directory.CreateTempSubdirectory("onetimebot-host-").FullName;
        if (kestrel)
        {
            Port = FreePort.Next();
            // The port goes in as the host's own urls setting. UseKestrel(port) would rewrite the server's addresses
            // after Build, racing the app's own Run: when Run wins, Kestrel refuses the change and the test fails.
            UseKestrel();
        }
    }

    public CapturingLoggerProvider Logs { get; }

    public LedgerFolder? Ledger { get; }

    /// <summary>
    /// The lowest level kept, whatever the host's own configuration says: every level by default, since a secret in a
    /// debug line is still a leak. A benchmark that starts the host this way keeps only warnings.
    /// </summary>
    public LogLevel CapturedLevel { get; init; } = LogLevel.Trace;

    /// <summary>Registrations applied after the host's own, e.g. to trust a test server's certificate.</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    public string DataDirectory { get; }

    public int Port { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:ConnectionString", $"Data Source={Path.Combine(DataDirectory, "onetimebot.db")}");
        builder.UseSetting("SecretServer:KeyFile", Path.Combine(DataDirectory, "secret-server.key"));
        builder.UseSetting("Slack:SigningSecretFile", Path.Combine(DataDirectory, "slack-signing-secret"));
        // No load balancer watches a test's host: a stop need not wait for one to see /readyz turn 503.
        builder.UseSetting("Host:DrainDelay", "00:00:00");
        if (Port != 0)
        {
            builder.UseSetting(WebHostDefaults.ServerUrlsKey, $"http://127.0.0.1:{Port}");
        }

        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs).AddFilter<CapturingLoggerProvider>(null, CapturedLevel));
        // Runs after the host's entry point put its own writer in Console.Out and before its console logger takes it.
        builder.ConfigureServices(_ => ConsoleCopy.KeepCopying());
        if (Ledger is { } ledger)
        {
            builder.ConfigureServices(services => services.AddTransient<IStartupFilter>(_ => new SecretLedgerStartupFilter(ledger)));
        }

        if (TestServices is { } configure)
        {
            builder.ConfigureTestServices(configure);
        }
    }

    /// <summary>How many rows one of the host's SQLite tables holds now.</summary>
    public long RowsIn(string table) => (long)Sql($"SELECT COUNT(*) FROM {table}")!;

    /// <summary>Runs a statement on the host's SQLite database behind its back, e.g. to break a table.</summary>
    public object? Sql(string statement)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(DataDirectory, "onetimebot.db")}");
        connection.Open();
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // the statements come from the tests themselves
        command.CommandText = statement;
#pragma warning restore CA2100
        return command.ExecuteScalar();
    }

    public WebApplicationFactory<TEntryPoint> WithServices(Action<IServiceCollection> configure) =>
        WithWebHostBuilder(b => b.ConfigureServices(configure));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        NoteGeneratedSecrets();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>The keys Development generates into the data folder when a test sets none: no log line may carry them either.</summary>
    private void NoteGeneratedSecrets()
    {
        foreach (var file in new[] { "secret-server.key", "slack-signing-secret" })
        {
            var path = Path.Combine(DataDirectory, file);
            if (File.Exists(path))
            {
                Ledger?.Note(LedgerKind.Credential, File.ReadAllText(path).Trim());
            }
        }
    }
}
