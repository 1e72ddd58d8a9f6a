using System.Net;
using System.Text.Json;
using OneTimeSecret.Client;

namespace OneTimeBot.SecretServer.Tests;

/// <summary>The v1 wire contract: routes, parameters, JSON shapes and types, errors.</summary>
public abstract partial class SecretServerContract
{
    private static readonly string[] ReceiptFields =
        ["custid", "metadata_key", "secret_key", "ttl", "metadata_ttl", "secret_ttl", "state", "updated", "created", "recipient", "share_domain", "passphrase_required"];

    [Fact]
    public async Task Status_answers_nominal_in_the_v1_shape()
    {
        await using var host = await StartAsync();

        using var response = await host.Http.GetAsync(new Uri("api/v1/status", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":"nominal","locale":"en"}""", await response.Content.ReadAsStringAsync());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Share_answers_a_flat_receipt_with_exactly_the_v1_fields_and_integer_numbers()
    {
        await using var host = await StartAsync();

        using var response = await host.PostFormAsync("api/v1/share", Form(("secret", "s3cret"), ("ttl", "3600"), ("passphrase", "open sesame")));
        var receipt = await JsonOf(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ReceiptFields, receipt.EnumerateObject().Select(p => p.Name));
        Assert.Equal("anon", receipt.GetProperty("custid").GetString());
        Assert.Equal(62, receipt.GetProperty("metadata_key").GetString()!.Length);
        Assert.Matches("^[0-9a-z]{62}$", receipt.GetProperty("secret_key").GetString());
        foreach (var number in new[] { "ttl", "metadata_ttl", "secret_ttl", "updated", "created" })
        {
            Assert.Equal(JsonValueKind.Number, receipt.GetProperty(number).ValueKind);
        }

        Assert.Equal(3600, receipt.GetProperty("ttl").GetInt64());
        Assert.Equal(7200, receipt.GetProperty("metadata_ttl").GetInt64());
        Assert.Equal(3600, receipt.GetProperty("secret_ttl").GetInt64());
        Assert.Equal(host.Clock.GetUtcNow().ToUnixTimeSeconds(), receipt.GetProperty("created").GetInt64());
        Assert.Equal("new", receipt.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Array, receipt.GetProperty("recipient").ValueKind);
        Assert.Equal("", receipt.GetProperty("share_domain").GetString());
        Assert.True(receipt.GetProperty("passphrase_required").GetBoolean());
    }

    [Fact]
    public async Task Create_is_an_alias_of_share_and_json_bodies_work_like_forms()
    {
        await using var host = await StartAsync();

        using var json = await host.Http.PostAsync(new Uri("api/v1/create", UriKind.Relative),
            new StringContent("""{"secret":"from json","ttl":600}""", System.Text.Encoding.UTF8, "application/json"));
        var receipt = await JsonOf(json);

        Assert.Equal(600, receipt.GetProperty("ttl").GetInt64());
        var revealed = await host.Client.RevealAsync(host.Anonymous, receipt.GetProperty("secret_key").GetString()!);
        Assert.Equal("from json", revealed.Value!.Value.Reveal());
    }

    [Fact]
    public async Task Generate_returns_the_value_once_with_the_receipt()
    {
        await using var host = await StartAsync();

        using var response = await host.PostFormAsync("api/v1/generate", Form(("length", "20")));
        var body = await JsonOf(response);

        var value = body.GetProperty("value").GetString()!;
        Assert.Equal(20, value.Length);
        Assert.Equal(ReceiptFields.Append("value"), body.EnumerateObject().Select(p => p.Name));
        var revealed = await host.Client.RevealAsync(host.Anonymous, body.GetProperty("secret_key").GetString()!);
        Assert.Equal(value, revealed.Value!.Value.Reveal());
    }

    [Theory]
    [InlineData("5", 60)]
    [InlineData("3600", 3600)]
    [InlineData("99999999", 604800)]
    [InlineData("not-a-number", 604800)]
    [InlineData("-20", 604800)]
    public async Task Anonymous_ttls_are_clamped_between_a_minute_and_seven_days(string ttl, long expected)
    {
        await using var host = await StartAsync();

        using var response = await host.PostFormAsync("api/v1/share", Form(("secret", "x"), ("ttl", ttl)));

        Assert.Equal(expected, (await JsonOf(response)).GetProperty("ttl").GetInt64());
    }

    [Fact]
    public async Task Accounts_may_keep_secrets_up_to_thirty_days()
    {
        await using var host = await StartAsync();

        using var response = await host.PostFormAsync("api/v1/share", Form(("secret", "x"), ("ttl", "99999999")), $"alice@example.com:{SecretServerHost.AliceToken}");
        var receipt = await JsonOf(response);

        Assert.Equal(30 * 86400, receipt.GetProperty("ttl").GetInt64());
        Assert.Equal("alice@example.com", receipt.GetProperty("custid").GetString());
    }

    [Fact]
    public async Task Nothing_to_share_is_refused_the_v1_way()
    {
        await using var host = await StartAsync();

        using var response = await host.PostFormAsync("api/v1/share", Form(("secret", "   ")));

        await AssertV1ErrorAsync(response, 400, "You did not provide anything to share");
    }

    [Fact]
    public async Task A_secret_in_the_query_string_is_never_read()
    {
        await using var host = await StartAsync();

        using var response = await host.Http.PostAsync(new Uri("api/v1/share?secret=leaky&ttl=600", UriKind.Relative), new FormUrlEncodedContent([]));

        await AssertV1ErrorAsync(response, 400, "You did not provide anything to share");
    }

    [Fact]
    public async Task A_secret_over_10000_bytes_is_refused_and_one_of_exactly_10000_is_kept()
    {
        await using var host = await StartAsync();

        using var tooLong = await host.PostFormAsync("api/v1/share", Form(("secret", new string('é', 5001))));
        using var justRight = await host.PostFormAsync("api/v1/share", Form(("secret", new string('é', 5000))));

        await AssertV1ErrorAsync(tooLong, 400, "10,000 bytes");
        Assert.Equal(HttpStatusCode.OK, justRight.StatusCode);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(129)]
    public async Task Passphrases_outside_4_to_128_characters_are_refused(int length)
    {
        await using var host = await StartAsync();

        using var response = await host.PostFormAsync("api/v1/share", Form(("secret", "x"), ("passphrase", new string('p', length))));

        await AssertV1ErrorAsync(response, 400, "between 4 and 128 characters");
    }

    [Fact]
    public async Task A_recipient_is_stored_obscured_for_accounts_and_refused_for_anonymous_callers()
    {
        await using var host = await StartAsync();

        using var anonymous = await host.PostFormAsync("api/v1/share", Form(("secret", "x"), ("recipient", "jonathan@example.com")));
        using var account = await host.PostFormAsync("api/v1/share", Form(("secret", "x"), ("recipient", "jonathan@example.com")), $"alice@example.com:{SecretServerHost.AliceToken}");

        await AssertV1ErrorAsync(anonymous, 400, "needs an account");
        Assert.Equal(["jo*****n@e*****.com"], (await JsonOf(account)).GetProperty("recipient").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task A_configured_share_domain_is_echoed_and_an_unknown_one_refused()
    {
        await using var host = await StartAsync();

        using var known = await host.PostFormAsync("api/v1/share", Form(("secret", "x"), ("share_domain", "secrets.example.org")));
        using var unknown = await host.PostFormAsync("api/v1/share", Form(("secret", "x"), ("share_domain", "evil.example.net")));

        Assert.Equal("secrets.example.org", (await JsonOf(known)).GetProperty("share_domain").GetString());
        await AssertV1ErrorAsync(unknown, 400, "share domain");
    }

    [Fact]
    public async Task Wrong_credentials_are_refused_and_never_fall_back_to_anonymous()
    {
        await using var host = await StartAsync();

        using var wrongToken = await host.PostFormAsync("api/v1/share", Form(("secret", "x")), "alice@example.com:not-her-token");
        using var unknownUser = await host.PostFormAsync("api/v1/share", Form(("secret", "x")), $"mallory@example.com:{SecretServerHost.AliceToken}");

        await AssertV1ErrorAsync(wrongToken, 401, "Not authorized");
        await AssertV1ErrorAsync(unknownUser, 401, "Not authorized");
    }

    [Fact]
    public async Task Authcheck_accepts_an_account_and_refuses_anonymous_callers()
    {
        await using var host = await StartAsync();

        var account = await host.Client.CheckAuthAsync(host.Alice);
        using var anonymous = await host.Http.GetAsync(new Uri("api/v1/authcheck", UriKind.Relative));

        Assert.True(account.Value!.IsNominal);
        await AssertV1ErrorAsync(anonymous, 401, "Not authorized");
    }

    [Fact]
    public async Task With_anonymous_use_off_every_call_needs_an_account()
    {
        await using var host = await StartAsync(new Dictionary<string, string?> { ["SecretServer:AllowAnonymous"] = "false" });

        using var anonymous = await host.PostFormAsync("api/v1/share", Form(("secret", "x")));
        var account = await host.Client.ShareAsync(host.Alice, new(new SecretText("x")));

        await AssertV1ErrorAsync(anonymous, 401, "Not authorized");
        Assert.True(account.IsSuccess);
    }

    [Theory]
    [InlineData("GET", "api/v1/nope")]
    [InlineData("DELETE", "api/v1/share")]
    [InlineData("GET", "api/v1/share")]
    [InlineData("PUT", "api/v1/private/recent")]
    public async Task Unknown_routes_and_wrong_methods_answer_404_not_found_json(string method, string path)
    {
        await using var host = await StartAsync();

        using var response = await host.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("""{"error":"Not Found"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Recent_lists_only_the_callers_own_receipts_without_secret_keys_and_refuses_anonymous()
    {
        await using var host = await StartAsync();
        await host.Client.ShareAsync(host.Alice, new(new SecretText("alice 1")));
        await host.Client.ShareAsync(host.Alice, new(new SecretText("alice 2")));
        await host.Client.ShareAsync(host.Bob, new(new SecretText("bob 1")));

        using var response = await host.PostFormAsync("api/v1/share", Form(("secret", "anon")));
        using var recent = await host.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "api/v1/private/recent")
        {
            Headers = { Authorization = new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"alice@example.com:{SecretServerHost.AliceToken}"))) },
        });
        using var anonymous = await host.Http.GetAsync(new Uri("api/v1/private/recent", UriKind.Relative));

        var list = (await JsonOf(recent)).EnumerateArray().ToArray();
        Assert.Equal(2, list.Length);
        Assert.All(list, r => Assert.False(r.TryGetProperty("secret_key", out _)));
        Assert.All(list, r => Assert.Equal("alice@example.com", r.GetProperty("custid").GetString()));
        await AssertV1ErrorAsync(anonymous, 401, "Not authorized");
    }

    [Fact]
    public async Task Anonymous_creates_are_rate_limited_per_address_the_v1_way_accounts_are_counted_apart_and_the_window_starts_again()
    {
        await using var host = await StartAsync(new Dictionary<string, string?> { ["SecretServer:AnonymousCreatesPerMinute"] = "3" });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var r = await host.PostFormAsync("api/v1/share", Form(("secret", "x")));
            statuses.Add(r.StatusCode);
            if (i == 3)
            {
                await AssertV1ErrorAsync(r, 429, "Rate limit exceeded. Please try again later.");
                Assert.True(r.Headers.RetryAfter?.Delta > TimeSpan.Zero);
            }
        }

        var account = await host.Client.ShareAsync(host.Alice, new(new SecretText("x")));
        var client = await host.Client.ShareAsync(host.Anonymous, new(new SecretText("x")));
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var nextMinute = await host.Client.ShareAsync(host.Anonymous, new(new SecretText("x")));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.NotFound], statuses);
        Assert.True(account.IsSuccess);
        Assert.Equal(OtsFailureKind.RateLimited, client.Error!.Kind);
        Assert.True(nextMinute.IsSuccess);
    }
}
