using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneTimeBot.Core.Configuration;
using OneTimeBot.Core.Storage;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Host.Hosting;
using OneTimeBot.SecretServer.Configuration;
using OneTimeBot.Testing;
using OneTimeSecret.Client.Http;

namespace OneTimeBot.Host.Tests;

/// <summary>appsettings.sample.json documents every key; it must stay bindable and valid.</summary>
public sealed class SampleSettingsTests
{
    private static readonly string Sample = RepositoryRoot.Combine("appsettings.sample.json");

    [Fact]
    public void Every_key_in_the_sample_binds_to_a_real_option()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Sample).Build();

        static void Bind<T>(IConfiguration c, string section) => c.GetSection(section).Get<T>(o => o.ErrorOnUnknownConfiguration = true);

        // Section Host holds the public URL, the proxies and the stop, each bound by its own options class.
        var host = configuration.GetSection(PublicUrlOptions.SectionName).AsEnumerable(makePathsRelative: true).ToArray();
        static bool IsProxyKey(string key) => key.StartsWith("Known", StringComparison.Ordinal);
        static bool IsShutdownKey(string key) => key is nameof(OneTimeBot.Host.Hosting.Shutdown.ShutdownOptions.ShutdownTimeout) or nameof(OneTimeBot.Host.Hosting.Shutdown.ShutdownOptions.DrainDelay);
        new ConfigurationBuilder().AddInMemoryCollection(host.Where(p => !IsProxyKey(p.Key) && !IsShutdownKey(p.Key))).Build().Get<PublicUrlOptions>(o => o.ErrorOnUnknownConfiguration = true);
        new ConfigurationBuilder().AddInMemoryCollection(host.Where(p => IsProxyKey(p.Key))).Build().Get<OneTimeBot.Host.Hosting.Proxies.ProxyOptions>(o => o.ErrorOnUnknownConfiguration = true);
        new ConfigurationBuilder().AddInMemoryCollection(host.Where(p => IsShutdownKey(p.Key))).Build().Get<OneTimeBot.Host.Hosting.Shutdown.ShutdownOptions>(o => o.ErrorOnUnknownConfiguration = true);
        Bind<StorageOptions>(configuration, StorageOptions.SectionName);
        Bind<SecretServerOptions>(configuration, SecretServerOptions.SectionName);
        Bind<OneTimeSecretHttpOptions>(configuration, OneTimeSecretHttpOptions.SectionName);
        Bind<WorkspacePinsOptions>(configuration, WorkspacePin.SectionName);
        Bind<OneTimeBot.Core.Sharing.CreationLimitsOptions>(configuration, OneTimeBot.Core.Sharing.CreationLimitsOptions.SectionName);
        Bind<OneTimeBot.Core.Requests.RequestsOptions>(configuration, OneTimeBot.Core.Requests.RequestsOptions.SectionName);
        Bind<NotificationOptions>(configuration, NotificationOptions.SectionName);
        Bind<OneTimeBot.Slack.Configuration.SlackOptions>(configuration, OneTimeBot.Slack.Configuration.SlackOptions.SectionName);
        Bind<OneTimeBot.Teams.Configuration.TeamsOptions>(configuration, OneTimeBot.Teams.Configuration.TeamsOptions.SectionName);
        var backend = configuration.GetSection(OneTimeSecretOptions.SectionName);
        new ConfigurationBuilder().AddInMemoryCollection(backend.AsEnumerable(makePathsRelative: true).Where(p => !p.Key.StartsWith("Http", StringComparison.Ordinal)))
            .Build().Get<OneTimeSecretOptions>(o => o.ErrorOnUnknownConfiguration = true);
    }

    [Fact]
    public void The_sample_passes_start_up_validation_once_an_encryption_key_the_slack_app_and_the_teams_bot_are_set()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Sample)
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["SecretServer:EncryptionKey"] = Convert.ToBase64String(new byte[32]),
                ["Slack:SigningSecret"] = "8f742231b10e8888abcd99yyyzzz85a5",
                ["Slack:BotToken"] = "xoxb-0000-1111-sample",
                ["Teams:AppId"] = "7c6a1f40-2b8e-4c57-9d3a-5e0f1b2c3d4e",
                ["Teams:AppPassword"] = "sample-app-password",
            })
            .Build();
        using var services = ValidationServices.Build(configuration);

        services.GetRequiredService<IStartupValidator>().Validate();
    }
}
