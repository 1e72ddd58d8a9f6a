using System.Net;
using System.Security.Cryptography;
using OneTimeBot.Testing;

namespace OneTimeBot.Host.Tests;

/// <summary>
/// Settings are validated once, at start, and not watched: watching appsettings.json means watching the whole content
/// root, where the SQLite file writes all the time. Linux only: it counts the process's inotify handles.
/// </summary>
public sealed class SettingsWatchTests
{
    [Fact]
    public async Task The_host_watches_no_files_unless_an_operator_asks_for_settings_to_reload()
    {
        Assert.Equal(0, await InotifyHandlesOfAStartedHostAsync());
        // The count can see a watcher: asked for, the reloading comes back with its handle.
        Assert.True(await InotifyHandlesOfAStartedHostAsync("--hostBuilder:reloadConfigOnChange=true") > 0);
    }

    private static async Task<int> InotifyHandlesOfAStartedHostAsync(params string[] extraArgs)
    {
        var folder = Directory.CreateTempSubdirectory("onetimebot-watch-").FullName;
        try
        {
            return await InotifyHandlesAsync(folder, extraArgs);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<int> InotifyHandlesAsync(string folder, string[] extraArgs)
    {
        var port = FreePort.Next();
        await using var host = HostProcess.Start(new Dictionary<string, string>
        {
            ["SecretServer__EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Storage__ConnectionString"] = $"Data Source={Path.Combine(folder, "watch.db")}",
            ["Slack__Enabled"] = "false",
            ["Teams__Enabled"] = "false",
        }, ["--urls", $"http://127.0.0.1:{port}", .. extraArgs]);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            try
            {
                using var health = await http.GetAsync(new Uri("healthz", UriKind.Relative));
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    break;
                }
            }
            catch (HttpRequestException) when (DateTimeOffset.UtcNow < deadline && host.ExitCode is null)
            {
            }

            Assert.True(DateTimeOffset.UtcNow < deadline && host.ExitCode is null, "The host did not start:\n" + host.Output);
            await Task.Delay(100);
        }

        return Directory.GetFiles($"/proc/{host.Id}/fd")
            .Count(fd => new FileInfo(fd).LinkTarget?.Contains("inotify", StringComparison.Ordinal) == true);
    }
}
