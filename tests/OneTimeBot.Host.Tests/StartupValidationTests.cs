using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneTimeBot.Host.Hosting;

namespace OneTimeBot.Host.Tests;

public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("OneTimeSecret:Backend", "mars", "OneTimeSecret:Backend")]
    [InlineData("OneTimeSecret:Backend", "ftp://files.example.com", "OneTimeSecret:Backend")]
    [InlineData("OneTimeSecret:Username", "alice@example.com", "OneTimeSecret:ApiToken is missing")]
    [InlineData("OneTimeSecret:ApiToken", "tok_123", "OneTimeSecret:Username is missing")]
    [InlineData("Host:PublicUrl", "bot.example.com", "Host:PublicUrl")]
    [InlineData("OneTimeSecret:Http:TotalTimeout", "00:00:00.100", "OneTimeSecret:Http:TotalTimeout")]
    [InlineData("OneTimeSecret:Http:MaxRetryAttempts", "99", "OneTimeSecret:Http:MaxRetryAttempts")]
    [InlineData("Requests:Ttl", "00:00:10", "Requests:Ttl must be between 5 minutes")]
    [InlineData("Requests:Ttl", "31.00:00:00", "Requests:Ttl must be between 5 minutes")]
    [InlineData("Requests:PerUserPerMinute", "-1", "Requests:PerUserPerMinute")]
    [InlineData("Storage:Provider", "postgres", "Storage:Provider")]
    [InlineData("Storage:Provider", "redis", "Storage:ConnectionString is required")]
    [InlineData("SecretServer:EncryptionKey", "too-short", "SecretServer:EncryptionKey must be 32 bytes")]
    [InlineData("SecretServer:EncryptionKey", "", "SecretServer:EncryptionKey is required outside Development")]
    [InlineData("SecretServer:Accounts:0:Username", "ops@example.com", "SecretServer:Accounts:0:ApiTokenSha256")]
    [InlineData("SecretServer:Enabled", "false", "OneTimeSecret:Backend is 'embedded' but SecretServer:Enabled is false")]
    [InlineData("SecretServer:Accounts:0:Username", "onetimebot", "'onetimebot' is reserved")]
    [InlineData("Slack:BotToken", "xoxb-1-2-3", "Slack:SigningSecret is required")]
    [InlineData("Slack:BotToken", "xoxp-a-user-token", "Slack:BotToken must be a bot token")]
    [InlineData("Slack:ClientId", "1234.5678", "Slack:ClientSecret is required")]
    [InlineData("Slack:SigningSecret", "8f742231b10e8888abcd99yyyzzz85a5", "Slack:BotToken (one workspace) or Slack:ClientId and Slack:ClientSecret")]
    [InlineData("Slack:InlineWait", "00:00:05", "Slack:InlineWait")]
    [InlineData("Slack:AppToken", "xoxb-1-2-not-an-app-token", "Slack:AppToken must be an app-level token (xapp-…)")]
    [InlineData("Slack:ApiBaseUrl", "slack.com/api", "Slack:ApiBaseUrl")]
    [InlineData("Teams:Enabled", "true", "Teams:AppId is required")]
    [InlineData("Teams:AppId", "not-a-guid", "Teams:AppId must be the bot's Microsoft App ID")]
    [InlineData("Teams:AppId", "7c6a1f40-2b8e-4c57-9d3a-5e0f1b2c3d4e", "Teams:AppPassword (or Teams:AppCertificateFile) is required")]
    [InlineData("Teams:AllowUnauthenticatedLocalDevelopment", "true", "only allowed in Development")]
    [InlineData("Teams:OpenIdMetadataUrl", "http://login.botframework.com/v1/.well-known/openidconfiguration", "Teams:OpenIdMetadataUrl must be an absolute https URL")]
    [InlineData("Teams:InvokeBudget", "00:00:06", "Teams:InvokeBudget")]
    [InlineData("Notifications:PollsPerHostPerMinute", "0", "Notifications:PollsPerHostPerMinute must be between 1 and 10000")]
    [InlineData("Notifications:ScanInterval", "00:00:00.100", "Notifications:ScanInterval must be between 00:00:01 and 00:10:00")]
    public void A_wrong_setting_fails_start_up_validation_with_a_message_naming_the_key(string key, string value, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        using var services = ValidationServices.Build(configuration);

        var error = Assert.ThrowsAny<Exception>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(ConfigurationErrors.From(error)!, f => f.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_host_process_refuses_to_start_on_a_wrong_setting_and_prints_the_key_without_a_stack_trace()
    {
        await using var host = HostProcess.Start(
            new Dictionary<string, string> { ["OneTimeSecret__Backend"] = "mars", ["OneTimeSecret__Username"] = "alice", ["SecretServer__EncryptionKey"] = "" },
            "--urls", $"http://127.0.0.1:{FreePort()}");

        var exitCode = await host.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        Assert.Contains("OneTimeBot cannot start: the configuration is invalid.", host.Output, StringComparison.Ordinal);
        Assert.Contains("  - OneTimeSecret:Backend: 'mars'", host.Output, StringComparison.Ordinal);
        Assert.Contains("  - OneTimeSecret:ApiToken is missing", host.Output, StringComparison.Ordinal);
        Assert.Contains("  - SecretServer:EncryptionKey is required outside Development", host.Output, StringComparison.Ordinal);
        Assert.Contains("  - Slack:SigningSecret is required", host.Output, StringComparison.Ordinal);
        Assert.Contains("  - Teams:AppId is required", host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_host_process_serves_healthz_on_the_address_given_with_urls_and_logs_json_in_production()
    {
        var port = FreePort();
        var data = Directory.CreateTempSubdirectory("onetimebot-process-").FullName;
        await using var host = HostProcess.Start(
            new Dictionary<string, string>
            {
                ["SecretServer__EncryptionKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
                ["Storage__ConnectionString"] = $"Data Source={data}/onetimebot.db",
                ["Slack__SigningSecret"] = "8f742231b10e8888abcd99yyyzzz85a5",
                ["Slack__BotToken"] = "xoxb-0000-1111-production-test",
                ["Teams__AppId"] = "7c6a1f40-2b8e-4c57-9d3a-5e0f1b2c3d4e",
                ["Teams__AppPassword"] = "production-test-app-password",
            },
            "--urls", $"http://127.0.0.1:{port}");
        using var http = new HttpClient();

        var status = await PollAsync(() => http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz")), TimeSpan.FromSeconds(60));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"\"Now listening on: http://127.0.0.1:{port}\"", host.Output.Replace("\\u0022", "\"", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.StartsWith("{", host.Output.TrimStart(), StringComparison.Ordinal);
    }

    private static async Task<HttpStatusCode?> PollAsync(Func<Task<HttpResponseMessage>> request, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await request();
                return response.StatusCode;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200);
            }
        }

        return null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
