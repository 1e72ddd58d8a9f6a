using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OneTimeBot.SecretServer.Accounts;
using OneTimeBot.SecretServer.Service;
using OneTimeBot.Testing;
using OneTimeSecret.Client;

namespace OneTimeBot.SecretServer.Tests;

/// <summary>Passphrase guessing and account callers are limited, each limit checked before the work it guards.</summary>
public abstract partial class SecretServerContract
{
    private const string AliceBasic = $"alice@example.com:{SecretServerHost.AliceToken}";

    [Fact]
    public async Task Wrong_passphrase_burns_are_refused_after_the_per_secret_limit_and_the_refused_ones_run_no_bcrypt()
    {
        await using var host = await StartAsync(new Dictionary<string, string?> { ["SecretServer:PassphraseAttemptsPerSecret"] = "3" });
        using var bcrypt = new CounterTotals(host.Services, SecretServerMetrics.MeterName);
        var shared = await host.ShareAsync(host.Alice, new ShareRequest(new SecretText("burn me"), Passphrase: new SecretText("right-passphrase")));

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++)
        {
            answers.Add(await host.PostFormAsync($"api/v1/private/{shared.MetadataKey}/burn", Form(("passphrase", $"guess-{i}")), AliceBasic));
        }

        using var rightTooSoon = await host.PostFormAsync($"api/v1/private/{shared.MetadataKey}/burn", Form(("passphrase", "right-passphrase")), AliceBasic);
        var checksWhileLimited = bcrypt.Total(SecretServerMetrics.PassphraseChecksName);
        host.Clock.Advance(TimeSpan.FromMinutes(10));
        var rightLater = await host.Client.BurnAsync(host.Alice, shared.MetadataKey, new SecretText("right-passphrase"));

        foreach (var refused in answers.Take(3))
        {
            await AssertV1ErrorAsync(refused, 400, "Incorrect passphrase");
        }

        foreach (var limited in answers.Skip(3).Append(rightTooSoon))
        {
            await AssertV1ErrorAsync(limited, 429, RateLimitedMessage);
            Assert.InRange(limited.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        }

        Assert.Equal(3, checksWhileLimited);
        Assert.Equal(SecretState.Burned, rightLater.Value!.State);
        Assert.Equal(4, bcrypt.Total(SecretServerMetrics.PassphraseChecksName));
        answers.ForEach(a => a.Dispose());
    }

    [Fact]
    public async Task Reveal_and_burn_attempts_on_one_secret_draw_on_one_budget()
    {
        await using var host = await StartAsync(new Dictionary<string, string?> { ["SecretServer:PassphraseAttemptsPerSecret"] = "3" });
        var shared = await host.ShareAsync(host.Alice, new ShareRequest(new SecretText("one budget"), Passphrase: new SecretText("right-passphrase")));

        var reveal1 = await host.Client.RevealAsync(host.Anonymous, shared.SecretKey!, new SecretText("guess-1"));
        var burn = await host.Client.BurnAsync(host.Alice, shared.MetadataKey, new SecretText("guess-2"));
        var reveal2 = await host.Client.RevealAsync(host.Anonymous, shared.SecretKey!, new SecretText("guess-3"));
        var right = await host.Client.RevealAsync(host.Anonymous, shared.SecretKey!, new SecretText("right-passphrase"));

        Assert.Equal(OtsFailureKind.SecretNotFound, reveal1.Error!.Kind);
        Assert.Equal(OtsFailureKind.WrongPassphrase, burn.Error!.Kind);
        Assert.Equal(OtsFailureKind.SecretNotFound, reveal2.Error!.Kind);
        Assert.Equal(OtsFailureKind.RateLimited, right.Error!.Kind);
        Assert.Equal(SecretState.New, (await host.Client.GetReceiptAsync(host.Alice, shared.MetadataKey)).Value!.State);
    }

    [Fact]
    public async Task Passphrase_attempts_from_one_address_are_limited_across_secrets()
    {
        await using var host = await StartAsync(new Dictionary<string, string?> { ["SecretServer:PassphraseAttemptsPerClientPerMinute"] = "3" });
        using var bcrypt = new CounterTotals(host.Services, SecretServerMetrics.MeterName);
        var secrets = new List<SecretReceipt>();
        for (var i = 0; i < 4; i++)
        {
            secrets.Add(await host.ShareAsync(host.Alice, new ShareRequest(new SecretText($"secret {i}"), Passphrase: new SecretText($"passphrase-{i}"))));
        }

        var outcomes = new List<OtsFailureKind?>();
        foreach (var secret in secrets)
        {
            outcomes.Add((await host.Client.RevealAsync(host.Anonymous, secret.SecretKey!, new SecretText("a-guess"))).Error?.Kind);
        }

        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var nextMinute = await host.Client.RevealAsync(host.Anonymous, secrets[3].SecretKey!, new SecretText("passphrase-3"));

        Assert.Equal([OtsFailureKind.SecretNotFound, OtsFailureKind.SecretNotFound, OtsFailureKind.SecretNotFound, OtsFailureKind.RateLimited], outcomes);
        Assert.Equal("secret 3", nextMinute.Value!.Value.Reveal());
        Assert.Equal(4, bcrypt.Total(SecretServerMetrics.PassphraseChecksName));
        Assert.Equal(1, bcrypt.Total(SecretServerMetrics.RateLimitedName, "limit=passphrase-per-client"));
    }

    [Fact]
    public async Task A_limited_passphrase_attempt_on_the_pages_gets_a_429_page_that_says_to_wait()
    {
        await using var host = await StartAsync(new Dictionary<string, string?> { ["SecretServer:PassphraseAttemptsPerSecret"] = "1" });
        var shared = await host.ShareAsync(host.Anonymous, new ShareRequest(new SecretText("paged"), Passphrase: new SecretText("right-passphrase")));

        using var wrong = await host.PostFormAsync(shared.SecretLink!.AbsolutePath, new Dictionary<string, string> { ["passphrase"] = "guess-1" });
        using var limitedReveal = await host.PostFormAsync(shared.SecretLink.AbsolutePath, new Dictionary<string, string> { ["passphrase"] = "right-passphrase" });
        using var limitedBurn = await host.PostFormAsync(shared.ReceiptLink.AbsolutePath + "/burn", new Dictionary<string, string> { ["passphrase"] = "right-passphrase" });

        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        foreach (var limited in new[] { limitedReveal, limitedBurn })
        {
            var page = await limited.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
            Assert.Contains("Too many attempts", page, StringComparison.Ordinal);
            Assert.Matches("Wait (a minute|([2-9]|10) minutes) and try again", page);
            Assert.DoesNotContain("paged", page, StringComparison.Ordinal);
            Assert.NotNull(limited.Headers.RetryAfter);
        }

        Assert.Equal(SecretState.New, (await host.Client.GetReceiptAsync(host.Anonymous, shared.MetadataKey)).Value!.State);
    }

    [Fact]
    public async Task Accounts_are_limited_per_account_at_their_own_higher_limits()
    {
        await using var host = await StartAsync(new Dictionary<string, string?>
        {
            ["SecretServer:AnonymousCreatesPerMinute"] = "2",
            ["SecretServer:AccountCreatesPerMinute"] = "4",
            ["SecretServer:AnonymousRevealsPerMinute"] = "2",
            ["SecretServer:AccountRevealsPerMinute"] = "3",
        });

        var anonymousCreates = await CreateOutcomesAsync(host, host.Anonymous, 3);
        var aliceCreates = await CreateOutcomesAsync(host, host.Alice, 5);
        var bobCreates = await CreateOutcomesAsync(host, host.Bob, 1);
        var aliceReveals = new List<OtsFailureKind?>();
        for (var i = 0; i < 4; i++)
        {
            aliceReveals.Add((await host.Client.RevealAsync(host.Alice, new string('a', 62))).Error?.Kind);
        }

        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var aliceNextMinute = await CreateOutcomesAsync(host, host.Alice, 1);

        Assert.Equal([null, null, OtsFailureKind.RateLimited], anonymousCreates);
        Assert.Equal([null, null, null, null, OtsFailureKind.RateLimited], aliceCreates);
        Assert.Equal([null], bobCreates);
        Assert.Equal([OtsFailureKind.SecretNotFound, OtsFailureKind.SecretNotFound, OtsFailureKind.SecretNotFound, OtsFailureKind.RateLimited], aliceReveals);
        Assert.Equal([null], aliceNextMinute);
    }

    [Fact]
    public async Task Account_limits_of_zero_are_off_and_count_nothing_in_the_store()
    {
        await using var host = await StartAsync(new Dictionary<string, string?>
        {
            ["SecretServer:AccountCreatesPerMinute"] = "0",
            ["SecretServer:AccountRevealsPerMinute"] = "0",
        });

        var creates = await CreateOutcomesAsync(host, host.Alice, 40);
        var reveal = await host.Client.RevealAsync(host.Alice, new string('a', 62));
        var stored = System.Text.Encoding.ASCII.GetString(await ReadAllStoredBytesAsync(host));

        Assert.All(creates, Assert.Null);
        Assert.Equal(OtsFailureKind.SecretNotFound, reveal.Error!.Kind);
        Assert.DoesNotContain("account-", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bots_internal_account_is_not_throttled_by_account_or_per_client_limits()
    {
        await using var host = await StartAsync(new Dictionary<string, string?>
        {
            ["SecretServer:AccountCreatesPerMinute"] = "1",
            ["SecretServer:AccountRevealsPerMinute"] = "1",
            ["SecretServer:PassphraseAttemptsPerClientPerMinute"] = "1",
        });
        var bot = new OneTimeSecretConnection(host.BaseUri, host.Services.GetRequiredService<ApiAccounts>().InternalCredentials);

        var created = new List<SecretReceipt>();
        for (var i = 0; i < 20; i++)
        {
            created.Add(await host.ShareAsync(bot, new ShareRequest(new SecretText($"bot share {i}"), Passphrase: i < 3 ? new SecretText("right-passphrase") : null)));
        }

        var wrongBurns = new List<OtsFailureKind?>();
        foreach (var guarded in created.Take(3))
        {
            wrongBurns.Add((await host.Client.BurnAsync(bot, guarded.MetadataKey, new SecretText("wrong-passphrase"))).Error?.Kind);
        }

        var reveals = new List<bool>();
        foreach (var plain in created.Skip(3))
        {
            reveals.Add((await host.Client.RevealAsync(bot, plain.SecretKey!)).IsSuccess);
        }

        Assert.Equal(20, created.Count);
        Assert.All(wrongBurns, kind => Assert.Equal(OtsFailureKind.WrongPassphrase, kind));
        Assert.All(reveals, Assert.True);
        Assert.True((await host.Client.ShareAsync(host.Alice, new ShareRequest(new SecretText("within-the-account-limit-7c1e")))).IsSuccess);
        Assert.Equal(OtsFailureKind.RateLimited, (await host.Client.ShareAsync(host.Alice, new ShareRequest(new SecretText("past-the-account-limit-7c1e")))).Error!.Kind);
    }

    private static async Task<List<OtsFailureKind?>> CreateOutcomesAsync(SecretServerHost host, OneTimeSecretConnection connection, int count)
    {
        var outcomes = new List<OtsFailureKind?>();
        for (var i = 0; i < count; i++)
        {
            outcomes.Add((await host.Client.ShareAsync(connection, new ShareRequest(new SecretText($"share {i}")))).Error?.Kind);
        }

        return outcomes;
    }
}
