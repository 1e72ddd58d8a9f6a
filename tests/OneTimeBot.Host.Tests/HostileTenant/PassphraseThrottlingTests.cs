using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OneTimeBot.Core.Configuration;
using OneTimeBot.SecretServer.Service;
using OneTimeBot.Testing;
using OneTimeSecret.Client;

namespace OneTimeBot.Host.Tests.HostileTenant;

/// <summary>
/// Scenario 5, unthrottled bcrypt: wrong-passphrase burns and reveals used to run bcrypt (about 0.1 s of a core each)
/// without limit, and API accounts were never limited. Now, with the default limits, a burst is refused before bcrypt
/// runs, and an account is held to its own limit while the bot's internal account is not.
/// </summary>
public sealed class PassphraseThrottlingTests
{
    private const string OpsToken = "ops-token-8c2f4a6e1d";

    // The v1 error messages as Onetime Secret publishes them: clients match on these words, so they are written out here.
    private const string UnknownSecretMessage = "Unknown secret";
    private const string RateLimitedMessage = "Rate limit exceeded. Please try again later.";

    [Fact]
    public async Task A_burst_of_wrong_passphrase_burns_and_reveals_is_refused_after_the_limit_and_the_refused_ones_run_no_bcrypt()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 9, 0, 0, TimeSpan.Zero));
        await using var host = StartHost(clock, new Dictionary<string, string?>());
        using var bcrypt = new CounterTotals(host.Services, SecretServerMetrics.MeterName);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{host.Port}/") };
        var burnTarget = await ShareAsync(http, "burn target");
        var revealTarget = await ShareAsync(http, "reveal target");

        var burns = new List<string>();
        for (var i = 0; i < 15; i++)
        {
            burns.Add(await OutcomeAsync(http, $"api/v1/private/{burnTarget.MetadataKey}/burn", $"guess-{i}"));
        }

        var reveals = new List<string>();
        for (var i = 0; i < 15; i++)
        {
            reveals.Add(await OutcomeAsync(http, $"api/v1/secret/{revealTarget.SecretKey}", $"guess-{i}"));
        }

        using var pageBurn = await http.PostAsync(new Uri($"receipt/{burnTarget.MetadataKey}/burn", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["passphrase"] = "right-passphrase" }));
        var bcryptRuns = bcrypt.Total(SecretServerMetrics.PassphraseChecksName);
        clock.Advance(TimeSpan.FromMinutes(10));
        var afterTheWindow = await OutcomeAsync(http, $"api/v1/secret/{revealTarget.SecretKey}", "right-passphrase");

        // 10 attempts per secret per 10 minutes by default: the rest are refused the v1 way, before bcrypt.
        Assert.Equal(Enumerable.Repeat("Incorrect passphrase", 10).Concat(Enumerable.Repeat(RateLimitedMessage, 5)), burns);
        Assert.Equal(Enumerable.Repeat(UnknownSecretMessage, 10).Concat(Enumerable.Repeat(RateLimitedMessage, 5)), reveals);
        Assert.Equal(HttpStatusCode.TooManyRequests, pageBurn.StatusCode);
        Assert.Contains("Too many attempts", await pageBurn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(20, bcryptRuns);
        Assert.Equal("value: reveal target", afterTheWindow);
    }

    [Fact]
    public async Task An_api_account_is_limited_per_account_at_its_own_higher_limit_and_the_bots_own_account_is_not()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 9, 0, 0, TimeSpan.Zero));
        await using var host = StartHost(clock, new Dictionary<string, string?>
        {
            ["SecretServer:AnonymousCreatesPerMinute"] = "3",
            ["SecretServer:AccountCreatesPerMinute"] = "8",
            ["SecretServer:AnonymousRevealsPerMinute"] = "3",
            ["SecretServer:AccountRevealsPerMinute"] = "8",
        });
        var client = host.Services.GetRequiredService<IOneTimeSecretClient>();
        var baseUri = new Uri($"http://127.0.0.1:{host.Port}/");
        var anonymous = new OneTimeSecretConnection(baseUri);
        var ops = new OneTimeSecretConnection(baseUri, new OneTimeSecretCredentials("ops@example.com", new SecretText(OpsToken)));
        var bot = host.Services.GetRequiredService<DefaultBackend>().Connection();

        var anonymousCreates = await CountAcceptedAsync(10, async i => (await client.ShareAsync(anonymous, new ShareRequest(new SecretText($"anon {i}")))).Error);
        var opsCreates = await CountAcceptedAsync(10, async i => (await client.ShareAsync(ops, new ShareRequest(new SecretText($"ops {i}")))).Error);
        var opsReveals = await CountAcceptedAsync(10, async _ => (await client.RevealAsync(ops, new string('0', 62))).Error);
        var botShares = new List<SecretReceipt>();
        for (var i = 0; i < 50; i++)
        {
            botShares.Add((await client.ShareAsync(bot, new ShareRequest(new SecretText($"bot {i}")))).Value!);
        }

        var botReveals = 0;
        foreach (var share in botShares)
        {
            botReveals += (await client.RevealAsync(bot, share.SecretKey!)).IsSuccess ? 1 : 0;
        }

        Assert.Equal(3, anonymousCreates);
        Assert.Equal(8, opsCreates);
        Assert.Equal(8, opsReveals);
        Assert.Equal(50, botReveals);
    }

    private static HostFactory StartHost(FakeTimeProvider clock, Dictionary<string, string?> settings)
    {
        settings["SecretServer:EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        settings["SecretServer:PassphraseWorkFactor"] = "4";
        settings["SecretServer:Accounts:0:Username"] = "ops@example.com";
        settings["SecretServer:Accounts:0:ApiTokenSha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(OpsToken)));
        var host = new HostFactory(settings, kestrel: true) { TestServices = services => services.AddSingleton<TimeProvider>(clock) };
        host.StartServer();
        return host;
    }

    private static async Task<(string SecretKey, string MetadataKey)> ShareAsync(HttpClient http, string secret)
    {
        using var response = await http.PostAsync(new Uri("api/v1/share", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["secret"] = secret, ["passphrase"] = "right-passphrase" }));
        var receipt = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return (receipt.GetProperty("secret_key").GetString()!, receipt.GetProperty("metadata_key").GetString()!);
    }

    /// <summary>The message of a v1 answer, or <c>value: …</c> when a reveal succeeded.</summary>
    private static async Task<string> OutcomeAsync(HttpClient http, string path, string passphrase)
    {
        using var response = await http.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["passphrase"] = passphrase }));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return body.TryGetProperty("value", out var value) ? "value: " + value.GetString() : body.GetProperty("message").GetString()!;
    }

    /// <summary>How many of the attempts were not refused by a rate limit (an unknown secret still counts as accepted).</summary>
    private static async Task<int> CountAcceptedAsync(int attempts, Func<int, Task<OtsFailure?>> attempt)
    {
        var accepted = 0;
        for (var i = 0; i < attempts; i++)
        {
            accepted += await attempt(i) is { Kind: OtsFailureKind.RateLimited } ? 0 : 1;
        }

        return accepted;
    }
}
