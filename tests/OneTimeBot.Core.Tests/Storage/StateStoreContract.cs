using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Storage;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Testing;
using OneTimeSecret.Client;
using OneTimeSecret.Client.Network;
using StackExchange.Redis;

namespace OneTimeBot.Core.Tests.Storage;

/// <summary>The bot's state, written once and run against SQLite and against a real redis-server.</summary>
public abstract class StateStoreContract
{
    private const string TokenCanary = "tok_CANARY_9f8e7d6c5b4a";
    private static readonly WorkspaceId Acme = new(ChatPlatform.Slack, "T0ACME");
    private static readonly Actor AcmeAdmin = new(Acme, "U0ADMIN");

    private protected abstract string? RedisConnectionString { get; }

    // A replica starts at its peer's time: two clocks read from the real one a moment apart could sit either side of a
    // minute boundary, and so count in different one-minute windows.
    private protected StateHarness Start(IDictionary<string, string?>? settings = null, StateHarness? sameStoreAs = null, byte[]? keyRingKey = null, IHostAddressResolver? dns = null) =>
        StateHarness.Start(RedisConnectionString, settings, now: sameStoreAs?.Clock.GetUtcNow(), keyRingKey: keyRingKey, dns: dns, sameStoreAs: sameStoreAs);

    [Fact]
    public async Task Creation_limits_count_per_user_and_per_workspace_across_replicas_and_start_again_each_minute()
    {
        var limits = new Dictionary<string, string?> { ["CreationLimits:PerUserPerMinute"] = "3", ["CreationLimits:PerWorkspacePerMinute"] = "5" };
        await using var first = Start(limits);
        await using var second = Start(limits, sameStoreAs: first);
        var a = first.Services.GetRequiredService<CreationLimiter>();
        var b = second.Services.GetRequiredService<CreationLimiter>();
        Actor User(string id) => new(Acme, id);

        var alice = new[] { await a.CheckAsync(User("U0ALICE"), default), await b.CheckAsync(User("U0ALICE"), default), await a.CheckAsync(User("U0ALICE"), default), await b.CheckAsync(User("U0ALICE"), default) };
        var others = new[] { await a.CheckAsync(User("U0BOB"), default), await b.CheckAsync(User("U0CAROL"), default), await a.CheckAsync(User("U0DAVE"), default) };
        var elsewhere = await a.CheckAsync(new Actor(new WorkspaceId(ChatPlatform.Teams, "tenant-other"), "U0ALICE"), default);
        first.Clock.Advance(TimeSpan.FromSeconds(61));
        second.Clock.Advance(TimeSpan.FromSeconds(61));
        var nextMinute = await b.CheckAsync(User("U0ALICE"), default);

        Assert.All(alice[..3], Assert.Null);
        Assert.Equal(SharingErrorKind.RateLimited, alice[3]!.Kind);
        Assert.Contains("You have created 3 secrets in the last minute", alice[3]!.Message, StringComparison.Ordinal);
        Assert.Matches(@"^Try again in \d+ seconds?\. Nothing was shared\.$", alice[3]!.Hint);
        Assert.Null(others[0]);
        Assert.Null(others[1]);
        Assert.Contains("This workspace has created as many secrets", others[2]!.Message, StringComparison.Ordinal);
        Assert.Null(elsewhere);
        Assert.Null(nextMinute);
    }

    [Fact]
    public async Task An_admins_settings_are_read_back_with_the_token_reported_only_as_set()
    {
        await using var state = Start();

        var updated = await state.Workspaces.UpdateAsync(AcmeAdmin, new WorkspaceSettingsChange(
            Backend: "eu", Username: "ops@acme.example", ApiToken: new SecretText(TokenCanary),
            DefaultTtl: TimeSpan.FromHours(1), MaxTtl: TimeSpan.FromDays(3), AllowAnonymous: false, ShareDomain: "secrets.acme.example"), default);
        var read = await state.Workspaces.GetAsync(Acme, default);

        Assert.True(updated.IsSuccess);
        Assert.Equal("eu", read.Backend);
        Assert.Equal("ops@acme.example", read.Username);
        Assert.True(read.HasApiToken);
        Assert.Equal(TimeSpan.FromHours(1), read.DefaultTtl);
        Assert.Equal(TimeSpan.FromDays(3), read.MaxTtl);
        Assert.False(read.AllowAnonymous);
        Assert.Equal("secrets.acme.example", read.ShareDomain);
        Assert.DoesNotContain(TokenCanary, read.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(TokenCanary, System.Text.Json.JsonSerializer.Serialize(read), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_workspace_nobody_configured_gets_the_configured_defaults()
    {
        await using var state = Start(new Dictionary<string, string?> { ["OneTimeSecret:Backend"] = "ca", ["OneTimeSecret:DefaultTtl"] = "02:00:00" });

        var read = await state.Workspaces.GetAsync(new WorkspaceId(ChatPlatform.Teams, "tenant-1"), default);

        Assert.Equal("ca", read.Backend);
        Assert.Equal(TimeSpan.FromHours(2), read.DefaultTtl);
        Assert.Equal(TimeSpan.FromDays(30), read.MaxTtl);
        Assert.False(read.HasApiToken);
        Assert.True(read.AllowAnonymous);
    }

    [Fact]
    public async Task A_stored_token_never_appears_in_plaintext_in_the_store()
    {
        await using var state = Start();

        await state.Workspaces.UpdateAsync(AcmeAdmin, new WorkspaceSettingsChange(Backend: "eu", Username: "ops@acme.example", ApiToken: new SecretText(TokenCanary)), default);
        var stored = await ReadAllStoredTextAsync(state);

        Assert.Contains("ops@acme.example", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("CANARY", stored, StringComparison.Ordinal);
        // The key ring that protects the token is there, but only encrypted.
        Assert.Contains("aesGcmEncryptedKey", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_replica_without_the_deployments_key_ring_key_cannot_read_stored_tokens()
    {
        await using var first = Start();
        await first.Workspaces.UpdateAsync(AcmeAdmin, new WorkspaceSettingsChange(Backend: "eu", Username: "ops@acme.example", ApiToken: new SecretText(TokenCanary)), default);

        await using var stranger = Start(sameStoreAs: first, keyRingKey: new byte[32]);

        await Assert.ThrowsAnyAsync<System.Security.Cryptography.CryptographicException>(() => stranger.Workspaces.ConnectionAsync(Acme, default));
    }

    [Fact]
    public async Task A_second_replica_on_the_same_store_sees_the_settings_and_decrypts_the_token()
    {
        var allowed = new Dictionary<string, string?> { ["OneTimeSecret:AllowedBackends:0"] = "secrets.acme.example" };
        var dns = new FixedHostAddresses().Answer("secrets.acme.example", "93.184.216.34");
        await using var first = Start(allowed, dns: dns);
        await first.Workspaces.UpdateAsync(AcmeAdmin, new WorkspaceSettingsChange(Backend: "https://secrets.acme.example", Username: "ops@acme.example", ApiToken: new SecretText(TokenCanary)), default);

        await using var second = Start(allowed, sameStoreAs: first, dns: dns);
        var connection = await second.Workspaces.ConnectionAsync(Acme, default);

        Assert.True(connection.IsSuccess);
        Assert.Equal(new Uri("https://secrets.acme.example/"), connection.Value.Connection.BaseUri);
        Assert.Equal("ops@acme.example", connection.Value.Connection.Credentials!.Username);
        Assert.Equal(TokenCanary, connection.Value.Connection.Credentials.ApiToken.Reveal());
    }

    [Fact]
    public async Task Clearing_the_token_falls_back_to_anonymous_use_or_says_the_workspace_is_not_configured()
    {
        await using var state = Start();
        await state.Workspaces.UpdateAsync(AcmeAdmin, new WorkspaceSettingsChange(Backend: "eu", Username: "ops@acme.example", ApiToken: new SecretText(TokenCanary)), default);

        await state.Workspaces.UpdateAsync(AcmeAdmin, new WorkspaceSettingsChange(ClearApiToken: true), default);
        var anonymous = await state.Workspaces.ConnectionAsync(Acme, default);
        await state.Workspaces.UpdateAsync(AcmeAdmin, new WorkspaceSettingsChange(AllowAnonymous: false), default);
        var refused = await state.Workspaces.ConnectionAsync(Acme, default);

        Assert.False((await state.Workspaces.GetAsync(Acme, default)).HasApiToken);
        Assert.True(anonymous.Value!.Connection.IsAnonymous);
        Assert.Equal(SharingErrorKind.NotConfigured, refused.Error!.Kind);
        Assert.Contains("/onetime config", refused.Error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pinned_settings_win_over_admin_changes_and_refuse_to_be_changed()
    {
        await using var state = Start(new Dictionary<string, string?> { ["Workspaces:slack:T0ACME:Backend"] = "uk", ["Workspaces:slack:T0ACME:MaxTtl"] = "1.00:00:00" });

        var refused = await state.Workspaces.UpdateAsync(AcmeAdmin, new WorkspaceSettingsChange(Backend: "eu"), default);
        var allowed = await state.Workspaces.UpdateAsync(AcmeAdmin, new WorkspaceSettingsChange(DefaultTtl: TimeSpan.FromHours(2)), default);
        var read = await state.Workspaces.GetAsync(Acme, default);

        Assert.Equal(WorkspaceSettings.BackendField, refused.Error!.Field);
        Assert.True(allowed.IsSuccess);
        Assert.Equal("uk", read.Backend);
        Assert.Equal(TimeSpan.FromDays(1), read.MaxTtl);
        Assert.Equal(TimeSpan.FromHours(2), read.DefaultTtl);
        Assert.Equal(new[] { WorkspaceSettings.BackendField, WorkspaceSettings.MaxTtlField }.Order(), read.PinnedFields.Order());
    }

    [Theory]
    [InlineData("mars", null, null, WorkspaceSettings.BackendField)]
    [InlineData(null, "has space", null, WorkspaceSettings.ApiTokenField)]
    [InlineData(null, null, 40, WorkspaceSettings.MaxTtlField)]
    public async Task Bad_settings_are_refused_with_the_field_and_a_hint(string? backend, string? token, int? maxDays, string field)
    {
        await using var state = Start();

        var result = await state.Workspaces.UpdateAsync(AcmeAdmin, new WorkspaceSettingsChange(
            Backend: backend, ApiToken: token is null ? null : new SecretText(token), MaxTtl: maxDays is null ? null : TimeSpan.FromDays(maxDays.Value)), default);

        Assert.Equal(field, result.Error!.Field);
        Assert.NotEmpty(result.Error.Hint);
    }

    [Fact]
    public async Task Receipts_are_kept_for_twice_the_secrets_lifetime_and_then_cleaned_up()
    {
        await using var state = Start();
        var now = state.Clock.GetUtcNow();
        var receipt = new ReceiptRecord("r0000000000000000000000001", Acme, "U1", "embedded", "protected-keys", now, now.AddHours(1), TimeSpan.FromHours(1), true, "jo*****n@e*****.com", false);

        await state.Receipts.SaveAsync(receipt, default);
        var found = await state.Receipts.FindAsync(receipt.Id, default);

        Assert.Equal(receipt, found);
        await AssertGoneTwoHoursOnAsync(state, receipt.Id);
    }

    [Fact]
    public async Task A_receipt_whose_backend_answered_a_creation_time_years_ahead_is_kept_for_its_lifetime_from_now_only()
    {
        await using var state = Start();
        var now = state.Clock.GetUtcNow();
        var ahead = now.AddYears(10);
        var receipt = new ReceiptRecord("r0000000000000000000000002", Acme, "U1", "custom", "protected-keys", ahead, ahead.AddHours(1), TimeSpan.FromHours(1), false, null, false);

        await state.Receipts.SaveAsync(receipt, default);

        await AssertGoneTwoHoursOnAsync(state, receipt.Id);
    }

    // A receipt saved now (with a one-hour secret) is purged two hours on (SQLite), or expires then on Redis's own clock.
    private async Task AssertGoneTwoHoursOnAsync(StateHarness state, string receiptId)
    {
        if (RedisConnectionString is null)
        {
            state.Clock.Advance(TimeSpan.FromHours(2));
            Assert.Equal(1, await state.Receipts.PurgeExpiredAsync(state.Clock.GetUtcNow(), default));
            Assert.Null(await state.Receipts.FindAsync(receiptId, default));
        }
        else
        {
            var db = await state.Services.GetRequiredService<RedisConnection>().DatabaseAsync();
            var ttl = await db.KeyTimeToLiveAsync(state.KeyPrefix + "receipt:" + receiptId);
            Assert.InRange(ttl!.Value, TimeSpan.FromMinutes(119), TimeSpan.FromHours(2));
        }
    }

    [Fact]
    public async Task An_event_is_claimed_once_even_by_concurrent_replicas_and_again_after_its_window()
    {
        await using var first = Start();
        await using var second = Start(sameStoreAs: first);
        // Far longer than the claims can take, however loaded the machine: none of them can outlive the window.
        var window = TimeSpan.FromMinutes(10);

        var claims = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            (i % 2 == 0 ? first : second).Events.TryClaimAsync("slack:Ev0123456", window, default)));
        var repeat = await first.Events.TryClaimAsync("slack:Ev0123456", window, default);
        await WindowPassesAsync(first, "slack:Ev0123456", window);
        var afterWindow = await first.Events.TryClaimAsync("slack:Ev0123456", window, default);

        Assert.Equal(1, claims.Count(c => c));
        Assert.False(repeat);
        Assert.True(afterWindow);
    }

    public static TheoryData<bool> WithAndWithoutKeyTime => new() { false, true };

    [Theory]
    [MemberData(nameof(WithAndWithoutKeyTime))]
    public async Task A_claim_made_to_ride_with_the_next_write_refuses_a_repeat_at_once_and_of_two_replicas_racing_only_one_is_stored(bool withKeyTime)
    {
        await using var first = Start();
        await using var second = Start(sameStoreAs: first);
        var window = TimeSpan.FromMinutes(10);
        const string Key = "slack-request:0a1b2c3d4e5f";
        DateTimeOffset? keyTime = withKeyTime ? first.Clock.GetUtcNow().AddSeconds(-3) : null;

        var claim = await first.Events.ClaimWithNextWriteAsync(Key, window, keyTime, default);
        // A repeat in the same process is refused before its claim is even stored, by either way of claiming.
        var repeat = await first.Events.ClaimWithNextWriteAsync(Key, window, keyTime, default);
        var repeatClaimedAtOnce = !withKeyTime && await first.Events.TryClaimAsync(Key, window, default);
        // Another replica may not see the claim before it is stored (SQLite), but then cannot store its own.
        var racing = await second.Events.ClaimWithNextWriteAsync(Key, window, keyTime, default);
        var stored = await claim!.StoredAsync();
        var racingStored = racing is not null && await racing.StoredAsync();
        var afterStored = await second.Events.ClaimWithNextWriteAsync(Key, window, keyTime, default);

        Assert.True(stored);
        Assert.Null(repeat);
        Assert.False(repeatClaimedAtOnce);
        Assert.False(racingStored);
        Assert.Null(afterStored);
        Assert.True(withKeyTime || await second.Events.WasClaimedAsync(Key, default));
    }

    [Fact]
    public async Task An_event_claimed_under_its_key_alone_as_versions_before_key_times_did_is_still_a_repeat_when_claimed_with_its_key_time()
    {
        await using var before = Start();
        await using var after = Start(sameStoreAs: before);
        var window = TimeSpan.FromMinutes(11);
        const string Key = "slack-request:9f8e7d6c5b4a";

        var claimedBefore = await before.Events.TryClaimAsync(Key, window, default);
        var repeatAfter = await after.Events.ClaimWithNextWriteAsync(Key, window, after.Clock.GetUtcNow(), default);
        var otherAfter = await after.Events.ClaimWithNextWriteAsync("slack-request:000000000001", window, after.Clock.GetUtcNow(), default);

        Assert.True(claimedBefore);
        Assert.Null(repeatAfter);
        Assert.NotNull(otherAfter);
        Assert.True(await otherAfter.StoredAsync());
    }

    [Fact]
    public async Task An_event_is_seen_as_claimed_by_every_replica_only_after_its_claim_and_within_its_window_and_asking_claims_nothing()
    {
        await using var first = Start();
        await using var second = Start(sameStoreAs: first);
        var window = TimeSpan.FromMinutes(10);

        var beforeClaim = await second.Events.WasClaimedAsync("slack-event:Ev0SEEN", default);
        var claimedAfterAsking = await first.Events.TryClaimAsync("slack-event:Ev0SEEN", window, default);
        var afterClaim = await second.Events.WasClaimedAsync("slack-event:Ev0SEEN", default);
        await WindowPassesAsync(first, "slack-event:Ev0SEEN", window);
        var afterWindow = await first.Events.WasClaimedAsync("slack-event:Ev0SEEN", default);

        Assert.False(beforeClaim);
        Assert.True(claimedAfterAsking);
        Assert.True(afterClaim);
        Assert.False(afterWindow);
    }

    /// <summary>
    /// SQLite keeps the window on the host's clock, which the test moves on. Redis keeps it on its own clock: the key
    /// must expire when the window ends, and the test then ends it at once rather than wait for Redis' clock.
    /// </summary>
    private async Task WindowPassesAsync(StateHarness state, string eventKey, TimeSpan window)
    {
        if (RedisConnectionString is null)
        {
            state.Clock.Advance(window + TimeSpan.FromMilliseconds(1));
            return;
        }

        var db = await state.Services.GetRequiredService<RedisConnection>().DatabaseAsync();
        var key = state.KeyPrefix + "event:" + eventKey;
        var expiresIn = await db.KeyTimeToLiveAsync(key);
        Assert.NotNull(expiresIn);
        Assert.InRange(expiresIn.Value, window - TimeSpan.FromMinutes(1), window);
        // An expiry in the past is how Redis' clock reaching the end of the window looks to Redis: the key is gone.
        Assert.True(await db.KeyExpireAsync(key, DateTime.UtcNow.AddDays(-1)));
    }

    [Fact]
    public async Task Expired_event_ids_are_deleted_by_the_cleaner()
    {
        await using var state = Start();
        var signedAt = state.Clock.GetUtcNow();
        await state.Events.TryClaimAsync("teams:activity-1", TimeSpan.FromMinutes(10), default);
        await state.Events.TryClaimAsync("teams:activity-2", TimeSpan.FromHours(1), default);
        // Requests claimed under the time they were signed, as Slack's verifier claims them.
        Assert.True(await (await state.Events.ClaimWithNextWriteAsync("slack-request:0aaa", TimeSpan.FromMinutes(10), signedAt, default))!.StoredAsync());
        Assert.True(await (await state.Events.ClaimWithNextWriteAsync("slack-request:0bbb", TimeSpan.FromHours(1), signedAt, default))!.StoredAsync());

        state.Clock.Advance(TimeSpan.FromMinutes(11));
        var purged = await state.Events.PurgeExpiredAsync(state.Clock.GetUtcNow(), default);

        // SQLite deletes rows; Redis expires keys on its own clock, so there is nothing for the cleaner to do.
        Assert.Equal(RedisConnectionString is null ? 2 : 0, purged);
        Assert.False(await state.Events.TryClaimAsync("teams:activity-2", TimeSpan.FromHours(1), default));
        Assert.Null(await state.Events.ClaimWithNextWriteAsync("slack-request:0bbb", TimeSpan.FromHours(1), signedAt, default));
        if (RedisConnectionString is null)
        {
            // Purged, the request can be claimed again (its signature is long stale by now, and refused for that).
            Assert.NotNull(await state.Events.ClaimWithNextWriteAsync("slack-request:0aaa", TimeSpan.FromMinutes(10), signedAt, default));
        }
    }

    private async Task<string> ReadAllStoredTextAsync(StateHarness state)
    {
        if (RedisConnectionString is null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var bytes = Directory.GetFiles(state.DataDirectory, "*", SearchOption.AllDirectories).SelectMany(f =>
            {
                using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var memory = new MemoryStream();
                stream.CopyTo(memory);
                return memory.ToArray();
            }).ToArray();
            return Encoding.UTF8.GetString(bytes) + Encoding.Unicode.GetString(bytes);
        }

        var db = await state.Services.GetRequiredService<RedisConnection>().DatabaseAsync();
        var text = new StringBuilder();
        await foreach (var key in db.Multiplexer.GetServers()[0].KeysAsync(pattern: state.KeyPrefix + "*"))
        {
            text.Append(await db.KeyTypeAsync(key) == RedisType.Hash
                ? string.Join('\n', (await db.HashGetAllAsync(key)).Select(e => e.Value.ToString()))
                : (string?)await db.StringGetAsync(key));
        }

        return text.ToString();
    }
}

public sealed class SqliteStateStoreTests : StateStoreContract
{
    private protected override string? RedisConnectionString => null;

    [Fact]
    public async Task A_request_claimed_in_bot_events_by_an_earlier_version_is_still_refused_after_the_upgrade_and_moves_to_bot_claims()
    {
        var folder = Directory.CreateTempSubdirectory("onetimebot-claims-upgrade-").FullName;
        var now = DateTimeOffset.UtcNow;
        var signedAt = now.AddSeconds(-3);
        var file = Path.Combine(folder, "onetimebot.db");
        // The table as the versions before bot_claims kept it: a request filed under its signing time, and an event.
        using (var old = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Pooling=False"))
        {
            old.Open();
            using var write = old.CreateCommand();
            write.CommandText = """
                CREATE TABLE bot_events (event_key TEXT PRIMARY KEY, expires INTEGER NOT NULL);
                CREATE INDEX bot_events_expires ON bot_events (expires);
                INSERT INTO bot_events (event_key, expires) VALUES ($request, $expires), ('slack-event:Ev0OLD', $expires);
                """;
            write.Parameters.AddWithValue("$request", Core.Storage.Sqlite.SqliteEventDeduplicator.FiledKey("slack-request:0old", signedAt));
            write.Parameters.AddWithValue("$expires", now.AddMinutes(5).ToUnixTimeMilliseconds());
            write.ExecuteNonQuery();
        }

        await using (var upgraded = StateHarness.Start(null, dataDirectory: folder, now: now))
        {
            Assert.Null(await upgraded.Events.ClaimWithNextWriteAsync("slack-request:0old", TimeSpan.FromMinutes(5), signedAt, default));
            Assert.True(await upgraded.Events.WasClaimedAsync("slack-event:Ev0OLD", default));
        }

        using var check = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Pooling=False;Mode=ReadOnly");
        check.Open();
        using var count = check.CreateCommand();
        count.CommandText = """
            SELECT (SELECT count(*) FROM bot_events WHERE event_key LIKE '@%') || '/' || (SELECT count(*) FROM bot_claims) || '/' || (SELECT count(*) FROM bot_events)
            """;
        Assert.Equal("0/1/1", count.ExecuteScalar());
    }

    [Fact]
    public async Task A_request_an_older_version_on_the_same_file_claimed_after_this_one_started_is_refused()
    {
        await using var state = Start();
        var signedAt = state.Clock.GetUtcNow().AddSeconds(-3);
        // Started, and its tables prepared (the claims an older version filed before it are moved at that point).
        Assert.True(await (await state.Events.ClaimWithNextWriteAsync("slack-request:0new", TimeSpan.FromMinutes(11), signedAt, default))!.StoredAsync());

        // An older version still serving the file files a request in bot_events, as it always did.
        using (var older = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(state.DataDirectory, "onetimebot.db")};Pooling=False"))
        {
            older.Open();
            using var write = older.CreateCommand();
            write.CommandText = "INSERT INTO bot_events (event_key, expires) VALUES ($key, $expires)";
            write.Parameters.AddWithValue("$key", Core.Storage.Sqlite.SqliteEventDeduplicator.FiledKey("slack-request:0older", signedAt));
            write.Parameters.AddWithValue("$expires", state.Clock.GetUtcNow().AddMinutes(11).ToUnixTimeMilliseconds());
            write.ExecuteNonQuery();
        }

        state.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Null(await state.Events.ClaimWithNextWriteAsync("slack-request:0older", TimeSpan.FromMinutes(11), signedAt, default));
        Assert.NotNull(await state.Events.ClaimWithNextWriteAsync("slack-request:0other", TimeSpan.FromMinutes(11), signedAt, default));
    }
}

public sealed class RedisStateStoreTests(RedisFixture redis) : StateStoreContract, IClassFixture<RedisFixture>
{
    private protected override string? RedisConnectionString => redis.Server.ConnectionString;
}

public sealed class RedisFixture : IAsyncLifetime
{
    public RedisServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
