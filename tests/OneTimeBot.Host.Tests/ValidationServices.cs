using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using OneTimeBot.Host.Hosting;

namespace OneTimeBot.Host.Tests;

/// <summary>The host's registrations in Production, without starting anything: enough to run start-up validation.</summary>
internal static class ValidationServices
{
    public static ServiceProvider Build(IConfiguration configuration) =>
        new ServiceCollection()
            .AddLogging()
            .AddSingleton(configuration)
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = Environments.Production, ContentRootPath = AppContext.BaseDirectory })
            .AddOneTimeBot(configuration)
            .BuildServiceProvider();
}
