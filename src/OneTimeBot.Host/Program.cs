using OneTimeBot.Host.Hosting;
using OneTimeBot.Host.Telemetry;

try
{
    // Before the console logger takes hold of the console's writer.
    ConsoleOutput.UseWholeLines();

    // Settings are validated once, at start, so nothing reloads them; watching them would also watch everything under
    // the content root, the SQLite file's every write included, and cost about a tenth of a command's CPU under load.
    // An operator's own --hostBuilder:reloadConfigOnChange after it still wins.
    var builder = WebApplication.CreateBuilder(["--hostBuilder:reloadConfigOnChange=false", .. args]);
    CredentialsDirectory.AddTo(builder.Configuration, Environment.GetEnvironmentVariable(CredentialsDirectory.Variable));
    DefaultListenAddress.ApplyUnlessConfigured(builder);
    MetricsListenAddress.AddWhenEnabled(builder);
    builder.Services.AddOneTimeBot(builder.Configuration);

    var app = builder.Build();
    app.MapOneTimeBot();
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ConfigurationErrors.From(ex) is { } failures)
{
    // An operator needs the keys to fix, not a stack trace.
    await Console.Error.WriteLineAsync("OneTimeBot cannot start: the configuration is invalid.");
    foreach (var failure in failures.Distinct())
    {
        await Console.Error.WriteLineAsync("  - " + failure);
    }

    await Console.Error.WriteLineAsync("Set these in appsettings.json or as environment variables (Section__Key), then start again.");
    return 1;
}

/// <summary>The host's entry point; public so tests can start it in-process.</summary>
public partial class Program;
