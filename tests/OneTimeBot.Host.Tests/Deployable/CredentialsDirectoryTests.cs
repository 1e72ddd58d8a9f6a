using Microsoft.Extensions.Configuration;
using OneTimeBot.Host.Hosting;
using OneTimeBot.Testing;

namespace OneTimeBot.Host.Tests.Deployable;

/// <summary>Secret settings as files in <c>$CREDENTIALS_DIRECTORY</c>, as systemd, Kubernetes and compose hand them over.</summary>
public sealed class CredentialsDirectoryTests
{
    [Fact]
    public void Each_file_is_the_setting_its_name_spells_without_the_trailing_newline_and_wins_over_the_environment()
    {
        var folder = Directory.CreateTempSubdirectory("onetimebot-credentials-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "Slack__SigningSecret"), "Lm2-from-the-credentials-file\n");
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Slack:SigningSecret"] = "Lm2-from-the-environment",
                ["Slack:BotToken"] = "xoxb-kept-from-the-environment",
            });

            CredentialsDirectory.AddTo(configuration, folder);
            var settings = configuration.Build();

            Assert.Equal("Lm2-from-the-credentials-file", settings["Slack:SigningSecret"]);
            Assert.Equal("xoxb-kept-from-the-environment", settings["Slack:BotToken"]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_credentials_directory_that_is_not_there_stops_the_host_naming_the_variable()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"onetimebot-no-credentials-{Guid.NewGuid():N}");
        await using var host = HostProcess.Start(new Dictionary<string, string> { ["CREDENTIALS_DIRECTORY"] = missing }, "--urls", $"http://127.0.0.1:{FreePort.Next()}");

        Assert.Equal(1, await host.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains($"  - CREDENTIALS_DIRECTORY names '{missing}', which is not a folder this process can read", host.Output, StringComparison.Ordinal);
    }
}
