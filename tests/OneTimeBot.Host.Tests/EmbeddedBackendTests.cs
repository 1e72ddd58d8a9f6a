using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OneTimeBot.Core.Configuration;
using OneTimeSecret.Client;

namespace OneTimeBot.Host.Tests;

/// <summary>The quick start's default: the bot's backend is the secret service this same host serves.</summary>
public sealed class EmbeddedBackendTests
{
    [Fact]
    public async Task The_bot_shares_through_the_hosts_own_url_with_its_internal_account_and_the_link_reveals_in_a_browser_flow()
    {
        await using var host = new HostFactory(new Dictionary<string, string?>(), kestrel: true);
        host.StartServer();
        var client = host.Services.GetRequiredService<IOneTimeSecretClient>();
        var connection = host.Services.GetRequiredService<DefaultBackend>().Connection();

        var receipt = (await client.ShareAsync(connection, new ShareRequest(new SecretText("db password"), TimeSpan.FromDays(14)))).Value!;
        using var browser = new HttpClient();
        var page = await browser.GetStringAsync(receipt.SecretLink);
        using var reveal = await browser.PostAsync(receipt.SecretLink, new FormUrlEncodedContent([]));

        Assert.Equal(new Uri($"http://127.0.0.1:{host.Port}/"), connection.BaseUri);
        Assert.Equal("onetimebot", receipt.CustomerId);
        Assert.Equal(TimeSpan.FromDays(14), receipt.Ttl);
        Assert.Equal($"http://127.0.0.1:{host.Port}/secret/{receipt.SecretKey}", receipt.SecretLink!.ToString());
        Assert.Contains("Reveal secret", page, StringComparison.Ordinal);
        Assert.Contains("db password", await reveal.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(SecretState.Received, (await client.GetReceiptAsync(connection, receipt.MetadataKey)).Value!.State);
    }

    [Fact]
    public async Task Readyz_is_ready_when_the_store_and_the_embedded_backend_answer()
    {
        await using var host = new HostFactory(new Dictionary<string, string?>(), kestrel: true);
        host.StartServer();

        using var response = await host.CreateClient().GetAsync(new Uri("/readyz", UriKind.Relative));
        var checks = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("checks");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["secret-store", "onetimesecret-backend", "draining"], checks.EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.All(checks.EnumerateArray(), c => Assert.Equal("Healthy", c.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task A_configured_public_url_is_what_links_are_built_on()
    {
        await using var host = new HostFactory(new Dictionary<string, string?>(), kestrel: true);
        host.StartServer();
        var publicUrl = $"http://localhost:{host.Port}";
        var configured = host.WithWebHostBuilder(b => b.UseSetting("Host:PublicUrl", publicUrl));

        var connection = configured.Services.GetRequiredService<DefaultBackend>().Connection();

        Assert.Equal(new Uri(publicUrl + "/"), connection.BaseUri);
    }

    [Fact]
    public async Task The_development_key_is_generated_once_kept_owner_only_and_reused_after_a_restart()
    {
        await using var first = new HostFactory(new Dictionary<string, string?>(), kestrel: true);
        first.StartServer();
        var client = first.Services.GetRequiredService<IOneTimeSecretClient>();
        var receipt = (await client.ShareAsync(first.Services.GetRequiredService<DefaultBackend>().Connection(), new ShareRequest(new SecretText("survives restarts")))).Value!;
        var keyFile = Path.Combine(first.DataDirectory, "secret-server.key");
        var key = await File.ReadAllTextAsync(keyFile);

        await using var second = new HostFactory(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(first.DataDirectory, "onetimebot.db")}",
            ["SecretServer:KeyFile"] = keyFile,
        }, kestrel: true);
        second.StartServer();
        var revealed = await second.Services.GetRequiredService<IOneTimeSecretClient>()
            .RevealAsync(second.Services.GetRequiredService<DefaultBackend>().Connection(), receipt.SecretKey!);

        Assert.Equal(44, key.Length);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        }

        Assert.Equal("survives restarts", revealed.Value!.Value.Reveal());
        Assert.Contains(first.Logs.Entries, e => e.Message.Contains("generated a Development key", StringComparison.Ordinal));
    }
}
