using OneTimeBot.Testing;
using static OneTimeBot.Testing.RecordedShapes;

namespace OneTimeSecret.Client.Tests;

/// <summary>What the client sends and how it reads what real servers answer.</summary>
public sealed class OneTimeSecretClientWireTests
{
    [Fact]
    public async Task Share_sends_the_secret_form_encoded_in_the_body_with_basic_auth_and_never_in_the_url()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("POST", "/api/v1/share", FakeResponse.Json(ShareWithIntegers));

        var result = await h.Client.ShareAsync(h.Account, new ShareRequest(
            new SecretText("hunter2 & ?x=1 ünïcode"), TimeSpan.FromHours(1), new SecretText("open sesame"), "bob@example.com"));

        Assert.True(result.IsSuccess);
        var sent = Assert.Single(h.Server.Requests);
        Assert.Equal("POST", sent.Method);
        Assert.Equal("", sent.QueryString);
        Assert.StartsWith("application/x-www-form-urlencoded", sent.ContentType, StringComparison.Ordinal);
        Assert.Equal("hunter2 & ?x=1 ünïcode", sent.Form["secret"]);
        Assert.Equal("open sesame", sent.Form["passphrase"]);
        Assert.Equal("3600", sent.Form["ttl"]);
        Assert.Equal("bob@example.com", sent.Form["recipient"]);
        Assert.Equal("alice@example.com:tok_4f9a2b7c", sent.BasicCredentials);
        Assert.DoesNotContain("hunter2", sent.Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_calls_send_no_authorization_header()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("POST", "/api/v1/share", FakeResponse.Json(ShareWithIntegers));

        await h.Client.ShareAsync(h.Anonymous, new ShareRequest(new SecretText("s3cret")));

        var sent = Assert.Single(h.Server.Requests);
        Assert.Null(sent.Authorization);
        Assert.False(sent.Form.ContainsKey("ttl"));
        Assert.False(sent.Form.ContainsKey("passphrase"));
    }

    [Fact]
    public async Task Share_reads_integer_numbers_and_31_character_keys_and_links_to_the_backend_host()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("POST", "/api/v1/share", FakeResponse.Json(ShareWithIntegers));

        var receipt = (await h.Client.ShareAsync(h.Anonymous, new ShareRequest(new SecretText("s3cret")))).Value!;

        Assert.Equal(OldMetadataKey, receipt.MetadataKey);
        Assert.Equal(OldSecretKey, receipt.SecretKey);
        Assert.Equal(SecretState.New, receipt.State);
        Assert.Equal(TimeSpan.FromHours(1), receipt.Ttl);
        Assert.Equal(TimeSpan.FromHours(2), receipt.MetadataTtl);
        Assert.Equal(TimeSpan.FromHours(1), receipt.SecretTtl);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1324174006), receipt.Created);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1324174006 + 3600), receipt.ExpiresAt);
        Assert.Empty(receipt.Recipients);
        Assert.Null(receipt.ShareDomain);
        Assert.False(receipt.PassphraseRequired);
        Assert.Equal(new Uri(h.Server.BaseUri, "secret/" + OldSecretKey), receipt.SecretLink);
        Assert.Equal(new Uri(h.Server.BaseUri, "receipt/" + OldMetadataKey), receipt.ReceiptLink);
    }

    [Fact]
    public async Task Share_reads_numbers_sent_as_strings_null_ttls_a_lone_recipient_and_62_character_keys()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("POST", "/api/v1/share", FakeResponse.Json(ShareWithStrings));

        var receipt = (await h.Client.ShareAsync(h.Account, new ShareRequest(new SecretText("s3cret")))).Value!;

        Assert.Equal(62, receipt.MetadataKey.Length);
        Assert.Equal(NewSecretKey, receipt.SecretKey);
        Assert.Equal(TimeSpan.FromDays(1), receipt.Ttl);
        Assert.Equal(TimeSpan.FromDays(2), receipt.MetadataTtl);
        Assert.Null(receipt.SecretTtl);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1764150000), receipt.Created);
        Assert.Equal(["bo*****b@e*****.com"], receipt.Recipients);
        Assert.Null(receipt.ShareDomain);
        Assert.True(receipt.PassphraseRequired);
        Assert.Equal("alice@example.com", receipt.CustomerId);
    }

    [Fact]
    public async Task A_share_domain_becomes_the_host_of_the_secret_link_but_not_of_the_receipt()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("POST", "/api/v1/share", FakeResponse.Json(ShareOnCustomDomain));

        var receipt = (await h.Client.ShareAsync(h.Account, new ShareRequest(new SecretText("s3cret"), ShareDomain: "secrets.example.org"))).Value!;

        Assert.Equal("secrets.example.org", Assert.Single(h.Server.Requests).Form["share_domain"]);
        Assert.Equal(new Uri("https://secrets.example.org/secret/" + OldSecretKey), receipt.SecretLink);
        Assert.Equal(new Uri(h.Server.BaseUri, "receipt/" + OldMetadataKey), receipt.ReceiptLink);
    }

    [Fact]
    public async Task Generate_sends_length_and_ttl_and_returns_the_value_apart_from_the_receipt()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("POST", "/api/v1/generate", FakeResponse.Json(Generated));

        var generated = (await h.Client.GenerateAsync(h.Anonymous, new GenerateRequest(TimeSpan.FromMinutes(60), Length: 20))).Value!;

        var sent = Assert.Single(h.Server.Requests);
        Assert.Equal("20", sent.Form["length"]);
        Assert.Equal("3600", sent.Form["ttl"]);
        Assert.False(sent.Form.ContainsKey("secret"));
        Assert.Equal("Hk7#pQ2$mZx9", generated.Value.Reveal());
        Assert.Equal("[redacted]", generated.Value.ToString());
        Assert.DoesNotContain("Hk7#pQ2$mZx9", generated.ToString(), StringComparison.Ordinal);
        Assert.Equal(OldSecretKey, generated.Receipt.SecretKey);
    }

    [Fact]
    public async Task Reveal_posts_the_passphrase_to_the_secret_key_and_returns_the_value()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("POST", "/api/v1/secret/" + OldSecretKey, FakeResponse.Json(Revealed));

        var revealed = (await h.Client.RevealAsync(h.Anonymous, OldSecretKey, new SecretText("open sesame"))).Value!;

        Assert.Equal("open sesame", Assert.Single(h.Server.Requests).Form["passphrase"]);
        Assert.Equal("correct horse battery staple", revealed.Value.Reveal());
        Assert.Equal(OldSecretKey, revealed.SecretKey);
    }

    [Fact]
    public async Task A_received_receipt_has_no_secret_key_and_no_secret_link()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("GET", "/api/v1/private/" + OldMetadataKey, FakeResponse.Json(ReceiptReceived));

        var receipt = (await h.Client.GetReceiptAsync(h.Anonymous, OldMetadataKey)).Value!;

        Assert.Equal(SecretState.Received, receipt.State);
        Assert.Null(receipt.SecretKey);
        Assert.Null(receipt.SecretLink);
        Assert.Null(receipt.SecretTtl);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1764150600), receipt.Received);
    }

    [Fact]
    public async Task Burn_reads_the_receipt_inside_state_and_sends_the_passphrase()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("POST", $"/api/v1/private/{OldMetadataKey}/burn", FakeResponse.Json(Burned));

        var receipt = (await h.Client.BurnAsync(h.Anonymous, OldMetadataKey, new SecretText("open sesame"))).Value!;

        Assert.Equal("open sesame", Assert.Single(h.Server.Requests).Form["passphrase"]);
        Assert.Equal(SecretState.Burned, receipt.State);
        Assert.True(receipt.PassphraseRequired);
    }

    [Fact]
    public async Task Recent_lists_receipts_without_secret_keys()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("GET", "/api/v1/private/recent", FakeResponse.Json(Recent));

        var recent = (await h.Client.GetRecentAsync(h.Account)).Value!;

        Assert.Equal(2, recent.Count);
        Assert.Equal([SecretState.Viewed, SecretState.New], recent.Select(r => r.State));
        Assert.All(recent, r => Assert.Null(r.SecretKey));
        Assert.Equal(TimeSpan.FromHours(1), recent[0].Ttl);
    }

    [Fact]
    public async Task Status_and_authcheck_report_a_nominal_service()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("GET", "/api/v1/status", FakeResponse.Json(Nominal));
        h.Server.On("GET", "/api/v1/authcheck", FakeResponse.Json(Nominal));

        var status = await h.Client.GetStatusAsync(h.Anonymous);
        var auth = await h.Client.CheckAuthAsync(h.Account);

        Assert.True(status.Value!.IsNominal);
        Assert.Equal("en", status.Value.Locale);
        Assert.True(auth.Value!.IsNominal);
        Assert.Equal("alice@example.com:tok_4f9a2b7c", h.Server.Requests[1].BasicCredentials);
    }

    [Fact]
    public async Task A_base_url_with_a_path_keeps_the_path_for_the_api_and_the_links()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("POST", "/ots/api/v1/share", FakeResponse.Json(ShareWithIntegers));
        var connection = new OneTimeSecretConnection(new Uri(h.Server.BaseUri, "ots/api/v1"));

        var receipt = (await h.Client.ShareAsync(connection, new ShareRequest(new SecretText("s3cret")))).Value!;

        Assert.Equal(new Uri(h.Server.BaseUri, "ots/secret/" + OldSecretKey), receipt.SecretLink);
    }

    [Fact]
    public async Task A_base_url_with_an_escaped_path_is_called_at_that_path()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("POST", "/team a/api/v1/share", FakeResponse.Json(ShareWithIntegers));
        var connection = new OneTimeSecretConnection(new Uri(h.Server.BaseUri, "team%20a/"));

        var receipt = (await h.Client.ShareAsync(connection, new ShareRequest(new SecretText("s3cret")))).Value!;

        Assert.Equal("/team a/api/v1/share", Assert.Single(h.Server.Requests).Path);
        Assert.Equal(new Uri(h.Server.BaseUri, "team%20a/secret/" + OldSecretKey), receipt.SecretLink);
    }

    [Fact]
    public async Task Every_call_through_one_connection_carries_its_credentials_and_asks_for_json()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("POST", "/api/v1/share", FakeResponse.Json(ShareWithIntegers));
        h.Server.On("GET", "/api/v1/status", FakeResponse.Json("""{"status":"nominal","locale":"en"}"""));
        var account = h.Account;

        await h.Client.ShareAsync(account, new ShareRequest(new SecretText("s3cret")));
        await h.Client.GetStatusAsync(account);
        await h.Client.ShareAsync(account with { Budget = TimeSpan.FromSeconds(2) }, new ShareRequest(new SecretText("s3cret")));

        Assert.Equal(["/api/v1/share", "/api/v1/status", "/api/v1/share"], h.Server.Requests.Select(r => r.Path));
        Assert.All(h.Server.Requests, sent =>
        {
            Assert.Equal("alice@example.com:tok_4f9a2b7c", sent.BasicCredentials);
            Assert.Equal("application/json", sent.Headers["Accept"]);
            Assert.StartsWith("OneTimeSecret.Client/", sent.Headers["User-Agent"], StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_connection_that_has_made_calls_equals_and_prints_like_a_fresh_one()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("POST", "/api/v1/share", FakeResponse.Json(ShareWithIntegers));
        var used = h.Account;

        await h.Client.ShareAsync(used, new ShareRequest(new SecretText("s3cret")));

        var fresh = h.Account;
        Assert.Equal(fresh, used);
        Assert.Equal(fresh.GetHashCode(), used.GetHashCode());
        Assert.NotEqual(fresh, used with { WithoutRetries = true });
        Assert.Equal(fresh.ToString(), used.ToString());
        var basic = Assert.Single(h.Server.Requests).Authorization!;
        Assert.DoesNotContain("tok_4f9a2b7c", used.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(basic["Basic ".Length..], used.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_that_cannot_be_keys_are_refused_without_a_request()
    {
        await using var h = await ClientHarness.StartAsync();

        var reveal = await h.Client.RevealAsync(h.Anonymous, "../../status");
        var receipt = await h.Client.GetReceiptAsync(h.Anonymous, "short");
        var burn = await h.Client.BurnAsync(h.Anonymous, "abc%2F..%2Fx12345678901234567890");

        Assert.Equal(OtsFailureKind.SecretNotFound, reveal.Error!.Kind);
        Assert.Equal(OtsFailureKind.SecretNotFound, receipt.Error!.Kind);
        Assert.Equal(OtsFailureKind.SecretNotFound, burn.Error!.Kind);
        Assert.Empty(h.Server.Requests);
    }
}
