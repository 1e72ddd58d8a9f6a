using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Tests.Storage;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Testing;
using OneTimeSecret.Client;
using static OneTimeBot.Testing.RecordedShapes;

namespace OneTimeBot.Core.Tests.Sharing;

/// <summary>The use-cases against a server that answers like onetimesecret.com, with the workspace's own account.</summary>
public sealed class SharingServiceTests : IAsyncLifetime
{
    private const string Token = "tok_acme_5e6f7a8b";
    private static readonly WorkspaceId Acme = new(ChatPlatform.Slack, "T0ACME");
    private static readonly Actor Alice = new(Acme, "U0ALICE");
    private static readonly Actor Bob = new(Acme, "U0BOB");
    private static readonly Actor AliceElsewhere = new(new WorkspaceId(ChatPlatform.Slack, "T0OTHER"), "U0ALICE");

    // The reference's integer-typed share answer, made at the instant the other recorded answers were.
    private static readonly string ShareMadeNow = ShareWithIntegers.Replace("1324174006", "1764150000", StringComparison.Ordinal);

    private FakeOnetimeSecretServer _server = null!;
    private StateHarness _state = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeOnetimeSecretServer.StartAsync();
        _server.RequiredBasicCredentials = "ops@acme.example:" + Token;
        // The recorded answers were made at this instant; receipts are only kept for twice their TTL after it. The operator
        // pins Acme's backend (a local server, which only the operator may choose); Acme's admin adds the account.
        _state = StateHarness.Start(null, new Dictionary<string, string?> { ["Workspaces:slack:T0ACME:Backend"] = _server.BaseUri.ToString() },
            now: DateTimeOffset.FromUnixTimeSeconds(1764150060));
        var configured = await _state.Workspaces.UpdateAsync(new Actor(Acme, "U0ADMIN"), new WorkspaceSettingsChange(
            Username: "ops@acme.example", ApiToken: new SecretText(Token), MaxTtl: TimeSpan.FromDays(14)), default);
        Assert.True(configured.IsSuccess);
    }

    public async Task DisposeAsync()
    {
        await _state.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Sharing_sends_the_secret_with_the_workspaces_account_and_returns_a_card_without_it()
    {
        _server.On("POST", "/api/v1/share", FakeResponse.Json(ShareWithStrings));

        var result = await _state.Sharing.ShareAsync(Alice, new ShareInput(new SecretText("hunter2"), "1d", new SecretText("open sesame"), "bob@example.com"), null, default);

        var card = result.Value!;
        var sent = Assert.Single(_server.Requests);
        Assert.Equal("hunter2", sent.Form["secret"]);
        Assert.Equal("86400", sent.Form["ttl"]);
        Assert.Equal("open sesame", sent.Form["passphrase"]);
        Assert.Equal("bob@example.com", sent.Form["recipient"]);
        Assert.Equal(new Uri(_server.BaseUri, "secret/" + NewSecretKey), card.Link);
        Assert.Equal(SecretStatus.New, card.Status);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1764150000 + 86400), card.ExpiresAt);
        Assert.Equal("1 day", card.TtlText);
        Assert.True(card.PassphraseRequired);
        Assert.Equal("bo*****b@e*****.com", card.Recipient);
        Assert.Equal("127.0.0.1", card.BackendHost);
        Assert.Matches("^[0-9a-z]{26}$", card.ReceiptId);
        Assert.False(card.Generated);
        foreach (var never in new[] { "hunter2", "open sesame", NewMetadataKey, Token })
        {
            Assert.DoesNotContain(never, card.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(never, _state.Logs.AllText, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_generated_password_reaches_only_the_link_never_the_card_or_the_logs()
    {
        _server.On("POST", "/api/v1/generate", FakeResponse.Json(Generated));

        var card = (await _state.Sharing.GenerateAsync(Alice, new GenerateInput("1h", "20"), null, default)).Value!;

        Assert.Equal("20", Assert.Single(_server.Requests).Form["length"]);
        Assert.True(card.Generated);
        Assert.Equal(new Uri(_server.BaseUri, "secret/" + OldSecretKey), card.Link);
        Assert.DoesNotContain("Hk7#pQ2$mZx9", card.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Hk7#pQ2$mZx9", _state.Logs.AllText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", null, null, null, SharingError.SecretField, "The secret is empty.")]
    [InlineData("x", "soon", null, null, SharingError.TtlField, "I could not read \"soon\" as an expiry.")]
    [InlineData("x", "30s", null, null, SharingError.TtlField, "An expiry of 30 seconds is too short.")]
    [InlineData("x", "3w", null, null, SharingError.TtlField, "An expiry of 3 weeks is longer than this workspace allows (2 weeks).")]
    [InlineData("x", null, "abc", null, SharingError.PassphraseField, "The passphrase must be 4 to 128 characters long; it is 3.")]
    [InlineData("x", null, null, "bob at example", SharingError.RecipientField, "\"bob at example\" is not an email address.")]
    public async Task Bad_input_is_refused_before_any_request_with_the_field_a_sentence_and_a_hint(string secret, string? ttl, string? passphrase, string? recipient, string field, string message)
    {
        var result = await _state.Sharing.ShareAsync(Alice, new ShareInput(new SecretText(secret), ttl, SecretText.FromOptional(passphrase), recipient), null, default);

        Assert.Equal(SharingErrorKind.InvalidInput, result.Error!.Kind);
        Assert.Equal(field, result.Error.Field);
        Assert.Equal(message, result.Error.Message);
        Assert.NotEmpty(result.Error.Hint);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task A_secret_over_10000_bytes_is_refused_and_one_of_10000_is_sent()
    {
        _server.On("POST", "/api/v1/share", FakeResponse.Json(ShareMadeNow));

        var tooLong = await _state.Sharing.ShareAsync(Alice, new ShareInput(new SecretText(new string('€', 3334))), null, default);
        var justRight = await _state.Sharing.ShareAsync(Alice, new ShareInput(new SecretText(new string('x', 10_000))), null, default);

        Assert.Equal("The secret is 10,002 bytes long; the limit is 10,000.", tooLong.Error!.Message);
        Assert.True(justRight.IsSuccess);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(129)]
    public async Task Generated_lengths_outside_4_to_128_are_refused(int length)
    {
        var result = await _state.Sharing.GenerateAsync(Alice, new GenerateInput(Length: length.ToString(System.Globalization.CultureInfo.InvariantCulture)), null, default);

        Assert.Equal(SharingError.LengthField, result.Error!.Field);
    }

    [Fact]
    public async Task Only_the_sender_may_check_or_burn_and_other_workspaces_cannot_even_see_the_receipt()
    {
        _server.On("POST", "/api/v1/share", FakeResponse.Json(ShareMadeNow));
        _server.On("GET", "/api/v1/private/" + OldMetadataKey, FakeResponse.Json(ReceiptReceived));
        _server.On("POST", $"/api/v1/private/{OldMetadataKey}/burn", FakeResponse.Json(Burned));
        var card = (await _state.Sharing.ShareAsync(Alice, new ShareInput(new SecretText("s3cret")), null, default)).Value!;

        var bobStatus = await _state.Sharing.StatusAsync(Bob, card.ReceiptId, null, default);
        var bobBurn = await _state.Sharing.BurnAsync(Bob, card.ReceiptId, null, null, default);
        var elsewhere = await _state.Sharing.StatusAsync(AliceElsewhere, card.ReceiptId, null, default);
        var aliceStatus = await _state.Sharing.StatusAsync(Alice, card.ReceiptId, null, default);
        var aliceBurn = await _state.Sharing.BurnAsync(Alice, card.ReceiptId, null, null, default);

        Assert.Equal(SharingErrorKind.NotOwner, bobStatus.Error!.Kind);
        Assert.Equal("Only the person who shared this secret can check or burn it.", bobStatus.Error.Message);
        Assert.Equal(SharingErrorKind.NotOwner, bobBurn.Error!.Kind);
        Assert.Equal(SharingErrorKind.NotFound, elsewhere.Error!.Kind);
        Assert.Equal(SecretStatus.Viewed, aliceStatus.Value!.Status);
        Assert.Null(aliceStatus.Value.Link);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1764150600), aliceStatus.Value.StatusChangedAt);
        Assert.Equal(SecretStatus.Burned, aliceBurn.Value!.Status);
        Assert.Equal(2, _server.Requests.Count(r => r.Path.Contains(OldMetadataKey, StringComparison.Ordinal)));
        // The refusals and the burn are logged, naming the receipt by its row, never by the id that opens its link.
        var named = _state.Services.GetRequiredService<ReceiptVault>().LogName(card.ReceiptId);
        Assert.Contains($"Refused a status or burn of receipt {named}", _state.Logs.AllText, StringComparison.Ordinal);
        Assert.Contains($"Burned the secret of receipt {named}", _state.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(card.ReceiptId[TimeOrderedIds.TimeDigits..], _state.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Burning_a_secret_that_was_already_viewed_reports_that_it_was_viewed()
    {
        _server.On("POST", "/api/v1/share", FakeResponse.Json(ShareMadeNow));
        _server.On("POST", $"/api/v1/private/{OldMetadataKey}/burn", FakeResponse.OtsError("Unknown secret"));
        _server.On("GET", "/api/v1/private/" + OldMetadataKey, FakeResponse.Json(ReceiptReceived));
        var card = (await _state.Sharing.ShareAsync(Alice, new ShareInput(new SecretText("s3cret")), null, default)).Value!;

        var burn = await _state.Sharing.BurnAsync(Alice, card.ReceiptId, null, null, default);

        Assert.Equal(SecretStatus.Viewed, burn.Value!.Status);
    }

    [Fact]
    public async Task Burning_a_passphrase_secret_asks_for_the_passphrase()
    {
        _server.On("POST", "/api/v1/share", FakeResponse.Json(ShareMadeNow));
        _server.On("POST", $"/api/v1/private/{OldMetadataKey}/burn", FakeResponse.OtsError("Incorrect passphrase", 400));
        var card = (await _state.Sharing.ShareAsync(Alice, new ShareInput(new SecretText("s3cret")), null, default)).Value!;

        var withoutPassphrase = await _state.Sharing.BurnAsync(Alice, card.ReceiptId, null, null, default);
        var wrongPassphrase = await _state.Sharing.BurnAsync(Alice, card.ReceiptId, new SecretText("nope-nope"), null, default);

        Assert.Equal(SharingError.PassphraseField, withoutPassphrase.Error!.Field);
        Assert.Equal("This secret has a passphrase, so burning it needs the passphrase too.", withoutPassphrase.Error.Message);
        Assert.Equal("That passphrase is not right.", wrongPassphrase.Error!.Message);
    }

    [Fact]
    public async Task Backend_failures_become_a_sentence_naming_the_service_and_a_hint()
    {
        _server.On("POST", "/api/v1/share", FakeResponse.Json("""{"message":"Slow down"}""", 429).WithHeader("Retry-After", "90"));

        var limited = await _state.Sharing.ShareAsync(Alice, new ShareInput(new SecretText("s3cret")), null, default);
        _server.RequiredBasicCredentials = "ops@acme.example:a-different-token";
        var refused = await _state.Sharing.ShareAsync(Alice, new ShareInput(new SecretText("s3cret")), null, default);
        await _server.DisposeAsync();
        var down = await _state.Sharing.ShareAsync(Alice, new ShareInput(new SecretText("s3cret")), null, default);

        Assert.Equal(SharingErrorKind.RateLimited, limited.Error!.Kind);
        Assert.Equal("Try again in 90 seconds.", limited.Error.Hint);
        Assert.Equal(SharingErrorKind.NotAuthorized, refused.Error!.Kind);
        Assert.Equal("The secret service at 127.0.0.1 refused this workspace's Onetime Secret account.", refused.Error.Message);
        Assert.Equal(SharingErrorKind.Unavailable, down.Error!.Kind);
        Assert.Equal("The secret service at 127.0.0.1 is not answering right now. Nothing was shared.", down.Error.Message);
    }

    [Fact]
    public async Task An_unknown_receipt_id_is_not_found_without_asking_the_backend()
    {
        var result = await _state.Sharing.StatusAsync(Alice, "nosuchreceipt0000000000000", null, default);
        var junk = await _state.Sharing.BurnAsync(Alice, new string('x', 500), null, null, default);

        Assert.Equal(SharingErrorKind.NotFound, result.Error!.Kind);
        Assert.Equal(SharingErrorKind.NotFound, junk.Error!.Kind);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task The_stored_receipt_and_the_logs_hold_neither_key_nor_its_card_id_and_only_the_cards_id_opens_it_to_show_the_link_again()
    {
        _server.On("POST", "/api/v1/share", FakeResponse.Json(ShareMadeNow));
        _server.On("GET", "/api/v1/private/" + OldMetadataKey, FakeResponse.Json(ShareMadeNow));
        var card = (await _state.Sharing.ShareAsync(Alice, new ShareInput(new SecretText("s3cret")), null, default)).Value!;

        var rows = StoredReceipts();
        var status = await _state.Sharing.StatusAsync(Alice, card.ReceiptId, null, default);

        var (storedId, body) = Assert.Single(rows);
        Assert.Null(await _state.Receipts.FindAsync(card.ReceiptId, default));
        // Only the id's leading time is kept in the row's id, so that rows are appended in the order they were made.
        Assert.StartsWith(card.ReceiptId[..TimeOrderedIds.TimeDigits], storedId, StringComparison.Ordinal);
        Assert.All(new[] { card.ReceiptId[TimeOrderedIds.TimeDigits..], OldMetadataKey, OldSecretKey }, value =>
        {
            Assert.DoesNotContain(value, storedId, StringComparison.Ordinal);
            Assert.DoesNotContain(value, body, StringComparison.Ordinal);
        });
        // The row and the deployment's key are not enough: the keys open only with the id the card carries.
        var vault = _state.Services.GetRequiredService<ReceiptVault>();
        var stored = (await _state.Receipts.FindAsync(storedId, default))!;
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => vault.KeysOf(stored));
        Assert.Equal("ReceiptKeys [redacted]", vault.KeysOf(stored with { Id = card.ReceiptId }).ToString());
        // With the logs as well, still nothing opens: they name the receipt by its row.
        Assert.DoesNotContain(card.ReceiptId[TimeOrderedIds.TimeDigits..], _state.Logs.AllText, StringComparison.Ordinal);
        Assert.Contains($"receipt {storedId} on", _state.Logs.AllText, StringComparison.Ordinal);
        Assert.Equal(SecretStatus.New, status.Value!.Status);
        Assert.Equal(card.Link, status.Value.Link);
        Assert.Equal("/api/v1/private/" + OldMetadataKey, _server.Requests[^1].Path);
    }

    [Fact]
    public async Task Receipts_made_later_are_stored_after_earlier_ones()
    {
        _server.On("POST", "/api/v1/share", FakeResponse.Json(ShareMadeNow));
        var cards = new List<SecretCard>();
        foreach (var step in new[] { TimeSpan.Zero, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10) })
        {
            _state.Clock.Advance(step);
            cards.Add((await _state.Sharing.ShareAsync(Alice, new ShareInput(new SecretText("s3cret")), null, default)).Value!);
        }

        var storedInOrder = StoredReceipts().Select(row => row.Id).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(cards.Select(card => card.ReceiptId[..TimeOrderedIds.TimeDigits]), storedInOrder.Select(id => id[..TimeOrderedIds.TimeDigits]));
        Assert.Equal(cards.Count, cards.Select(card => card.ReceiptId).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task A_receipt_stored_under_the_hmac_of_its_id_alone_as_before_can_still_be_checked()
    {
        _server.On("POST", "/api/v1/share", FakeResponse.Json(ShareMadeNow));
        _server.On("GET", "/api/v1/private/" + OldMetadataKey, FakeResponse.Json(ShareMadeNow));
        var card = (await _state.Sharing.ShareAsync(Alice, new ShareInput(new SecretText("s3cret")), null, default)).Value!;
        // As the version before stored it: the same row under the HMAC without the time in front.
        UpdateReceipts($"UPDATE bot_receipts SET id = substr(id, {TimeOrderedIds.TimeDigits + 1})");

        var status = await _state.Sharing.StatusAsync(Alice, card.ReceiptId, null, default);

        Assert.Equal(64, Assert.Single(StoredReceipts()).Id.Length);
        Assert.Equal(SecretStatus.New, status.Value!.Status);
        Assert.Equal(card.Link, status.Value.Link);
    }

    [Fact]
    public async Task A_receipt_saved_with_its_keys_protected_together_by_data_protection_as_before_can_still_be_checked()
    {
        _server.On("GET", "/api/v1/private/" + OldMetadataKey, FakeResponse.Json(ShareMadeNow));
        var together = _state.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("OneTimeBot.Receipts.v2");
        var link = new Uri(_server.BaseUri, "secret/" + OldSecretKey);
        var created = DateTimeOffset.FromUnixTimeSeconds(1764150000);
        var keys = System.Text.Json.JsonSerializer.Serialize(new { MetadataKey = OldMetadataKey, SecretLink = link });
        await _state.Receipts.SaveAsync(new ReceiptRecord("r0000000000000000000000two", Acme, Alice.UserId, _server.BaseUri.ToString(), together.Protect(keys), created,
            created.AddHours(1), TimeSpan.FromHours(1), false, null, false), default);

        var status = await _state.Sharing.StatusAsync(Alice, "r0000000000000000000000two", null, default);

        Assert.Equal(SecretStatus.New, status.Value!.Status);
        Assert.Equal(link, status.Value.Link);
    }

    [Fact]
    public async Task A_receipt_saved_with_its_keys_protected_one_by_one_as_before_can_still_be_checked_and_burned()
    {
        _server.On("GET", "/api/v1/private/" + OldMetadataKey, FakeResponse.Json(ShareMadeNow));
        _server.On("POST", $"/api/v1/private/{OldMetadataKey}/burn", FakeResponse.Json(Burned));
        var apart = _state.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("OneTimeBot.Receipts.v1");
        var link = new Uri(_server.BaseUri, "secret/" + OldSecretKey);
        var created = DateTimeOffset.FromUnixTimeSeconds(1764150000);
        // As receipts were saved before: no protected keys together, each key protected on its own.
        await _state.Receipts.SaveAsync(new ReceiptRecord("r0000000000000000000000old", Acme, Alice.UserId, _server.BaseUri.ToString(), null!, created,
            created.AddHours(1), TimeSpan.FromHours(1), false, null, false)
        {
            ProtectedMetadataKey = apart.Protect(OldMetadataKey),
            ProtectedSecretLink = apart.Protect(link.ToString()),
        }, default);

        var status = await _state.Sharing.StatusAsync(Alice, "r0000000000000000000000old", null, default);
        var burn = await _state.Sharing.BurnAsync(Alice, "r0000000000000000000000old", null, null, default);

        Assert.Equal(SecretStatus.New, status.Value!.Status);
        Assert.Equal(link, status.Value.Link);
        Assert.Equal(SecretStatus.Burned, burn.Value!.Status);
        Assert.Equal(2, _server.Requests.Count(r => r.Path.Contains(OldMetadataKey, StringComparison.Ordinal)));
    }

    private void UpdateReceipts(string sql)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_state.DataDirectory, "onetimebot.db")}");
        connection.Open();
        using var update = connection.CreateCommand();
        update.CommandText = sql;
        update.ExecuteNonQuery();
    }

    private List<(string Id, string Body)> StoredReceipts()
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_state.DataDirectory, "onetimebot.db")}");
        connection.Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT id, body FROM bot_receipts";
        using var reader = select.ExecuteReader();
        var rows = new List<(string, string)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }

        return rows;
    }
}
