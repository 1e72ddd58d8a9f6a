using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneTimeBot.Testing;

namespace OneTimeBot.Host.Tests;

/// <summary>The real host, in process, with settings a test chooses and every log line captured.</summary>
internal sealed class HostFactory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    public CapturingLoggerProvider Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }

    public WebApplicationFactory<Program> WithServices(Action<IServiceCollection> configure) =>
        WithWebHostBuilder(b => b.ConfigureServices(configure));
}
