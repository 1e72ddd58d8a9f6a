using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Requests;
using OneTimeBot.Core.Storage;
using OneTimeBot.Core.Workspaces;

namespace OneTimeBot.Core.Tests.Storage;

/// <summary>The requests for secrets, written once and run against a SQLite file and a real redis-server.</summary>
public abstract class SecretRequestStoreContract
{
    private const string Note = "the Rk4-unique staging DB password";
    private static readonly WorkspaceId Acme = new(ChatPlatform.Teams, "tenant-acme");

    private protected abstract string? RedisConnectionString { get; }

    private StateHarness Start(StateHarness? sameStoreAs = null) =>
        StateHarness.Start(RedisConnectionString, now: sameStoreAs?.Clock.GetUtcNow(), sameStoreAs: sameStoreAs);

    private static SecretRequests Requests(StateHarness state) => state.Services.GetRequiredService<SecretRequests>();

    private static SecretRequest NewRequest(StateHarness state, string id)
    {
        var now = state.Clock.GetUtcNow();
        return new SecretRequest(id, Acme, "aad-ada", new ChatReach(ServiceUrl: "https://smba.example/teams/", BotId: "28:bot", ChannelUserId: "29:ada", Name: "Ada"),
            new Person("aad-bob", "Bob"), Note, now, now.AddHours(24), RequestState.Open);
    }

    [Fact]
    public async Task A_request_is_read_back_as_it_was_saved_by_another_replica_with_its_note_sealed_in_the_store()
    {
        await using var first = Start();
        await using var second = Start(sameStoreAs: first);
        var request = NewRequest(first, "req00000000000000000000001");

        await Requests(first).SaveAsync(request, default);
        var found = await Requests(second).FindAsync(request.Id, default);
        var stored = await ReadAllStoredTextAsync(first);

        Assert.Equal(request, found);
        Assert.Contains("aad-bob", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("Rk4-unique", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("Rk4-unique", request.ToString(), StringComparison.Ordinal);
        Assert.Null(await Requests(second).FindAsync("req-nobody-ever-made", default));
    }

    [Fact]
    public async Task A_request_closes_once_and_stays_as_it_was_closed()
    {
        await using var state = Start();
        var request = NewRequest(state, "req00000000000000000000002");
        await Requests(state).SaveAsync(request, default);
        var now = state.Clock.GetUtcNow();

        var answered = await Requests(state).TryCloseAsync(request.Id, RequestState.Answered, now, default);
        var answeredAgain = await Requests(state).TryCloseAsync(request.Id, RequestState.Answered, now, default);
        var declinedAfter = await Requests(state).TryCloseAsync(request.Id, RequestState.Declined, now, default);
        var unknown = await Requests(state).TryCloseAsync("req-nobody-ever-made", RequestState.Answered, now, default);

        Assert.True(answered);
        Assert.False(answeredAgain);
        Assert.False(declinedAfter);
        Assert.False(unknown);
        Assert.Equal(RequestState.Answered, (await Requests(state).FindAsync(request.Id, default))!.State);
    }

    [Fact]
    public async Task Of_two_replicas_answering_and_declining_one_request_at_once_exactly_one_closes_it()
    {
        await using var first = Start();
        await using var second = Start(sameStoreAs: first);
        var request = NewRequest(first, "req00000000000000000000003");
        await Requests(first).SaveAsync(request, default);
        var now = first.Clock.GetUtcNow();

        var attempts = Enumerable.Range(0, 20).Select(i => (Replica: i % 2 == 0 ? first : second, To: i % 4 < 2 ? RequestState.Answered : RequestState.Declined)).ToList();
        var closed = await Task.WhenAll(attempts.Select(a => Task.Run(() => Requests(a.Replica).TryCloseAsync(request.Id, a.To, now, default))));

        Assert.Equal(1, closed.Count(c => c));
        var winner = attempts[Array.IndexOf(closed, true)].To;
        Assert.Equal(winner, (await Requests(second).FindAsync(request.Id, default))!.State);
    }

    [Fact]
    public async Task An_expired_request_can_no_longer_be_closed()
    {
        await using var state = Start();
        var request = NewRequest(state, "req00000000000000000000004");
        await Requests(state).SaveAsync(request, default);

        var justBefore = await Requests(state).TryCloseAsync(request.Id, RequestState.Declined, request.ExpiresAt.AddMilliseconds(-1), default);
        var other = NewRequest(state, "req00000000000000000000005");
        await Requests(state).SaveAsync(other, default);
        var atExpiry = await Requests(state).TryCloseAsync(other.Id, RequestState.Answered, other.ExpiresAt, default);

        Assert.True(justBefore);
        Assert.False(atExpiry);
        Assert.Equal(RequestState.Open, (await Requests(state).FindAsync(other.Id, default))!.State);
    }

    [Fact]
    public async Task Purging_a_workspace_deletes_its_requests_open_or_closed_with_who_asked_whom_and_no_other_workspaces()
    {
        await using var first = Start();
        await using var second = Start(sameStoreAs: first);
        var open = NewRequest(first, "req00000000000000000000031");
        var closed = NewRequest(first, "req00000000000000000000032");
        var elsewhere = NewRequest(first, "req00000000000000000000033") with { Workspace = new WorkspaceId(ChatPlatform.Teams, "tenant-other") };
        foreach (var request in new[] { open, closed, elsewhere })
        {
            await Requests(first).SaveAsync(request, default);
        }

        await first.Services.GetRequiredService<ISecretRequestStore>().TryCloseAsync(closed.Id, RequestState.Declined, first.Clock.GetUtcNow(), default);

        var purged = await second.Services.GetRequiredService<ISecretRequestStore>().PurgeWorkspaceAsync(Acme, first.Clock.GetUtcNow(), default);
        // Every key left; SQLite's file keeps old pages in its write-ahead log until a checkpoint, so its rows are checked by the finds.
        var stored = RedisConnectionString is null ? "" : await ReadAllStoredTextAsync(first);

        Assert.Equal(2, purged);
        Assert.Null(await Requests(second).FindAsync(open.Id, default));
        Assert.Null(await Requests(second).FindAsync(closed.Id, default));
        Assert.Equal(elsewhere, await Requests(second).FindAsync(elsewhere.Id, default));
        Assert.DoesNotContain("tenant-acme", stored, StringComparison.Ordinal);
        Assert.Equal(0, await second.Services.GetRequiredService<ISecretRequestStore>().PurgeWorkspaceAsync(Acme, first.Clock.GetUtcNow(), default));
    }

    [Fact]
    public async Task The_workspaces_of_an_enterprise_grid_org_are_those_whose_people_asked_through_it()
    {
        await using var first = Start();
        await using var second = Start(sameStoreAs: first);
        SecretRequest InSlack(string id, string team, string? enterprise) => NewRequest(first, id) with
        {
            Workspace = new WorkspaceId(ChatPlatform.Slack, team), RequesterReach = new ChatReach(EnterpriseId: enterprise),
        };
        foreach (var request in new[]
        {
            InSlack("req00000000000000000000041", "T0ACME", "E0ORG"), InSlack("req00000000000000000000042", "T0ACME", "E0ORG"),
            InSlack("req00000000000000000000043", "T0BETA", "E0ORG"), InSlack("req00000000000000000000044", "T0GAMMA", "E0OTHER"),
            InSlack("req00000000000000000000045", "T0DELTA", null), NewRequest(first, "req00000000000000000000046"),
        })
        {
            await Requests(first).SaveAsync(request, default);
        }

        var org = await second.Services.GetRequiredService<ISecretRequestStore>().WorkspacesOfEnterpriseAsync("E0ORG", default);

        Assert.Equal(["slack:T0ACME", "slack:T0BETA"], org.Select(w => w.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_deleted_request_is_gone()
    {
        await using var state = Start();
        var request = NewRequest(state, "req00000000000000000000006");
        await Requests(state).SaveAsync(request, default);

        await Requests(state).DeleteAsync(request.Id, default);

        Assert.Null(await Requests(state).FindAsync(request.Id, default));
        Assert.False(await Requests(state).TryCloseAsync(request.Id, RequestState.Answered, state.Clock.GetUtcNow(), default));
    }

    [Fact]
    public async Task Requests_are_kept_as_long_again_as_they_were_open_and_then_purged()
    {
        await using var state = Start();
        var request = NewRequest(state, "req00000000000000000000007");
        await Requests(state).SaveAsync(request, default);
        var store = state.Services.GetRequiredService<ISecretRequestStore>();

        if (RedisConnectionString is null)
        {
            state.Clock.Advance(TimeSpan.FromHours(47));
            Assert.Equal(0, await store.PurgeExpiredAsync(state.Clock.GetUtcNow(), default));
            Assert.NotNull(await store.FindAsync(request.Id, default));
            state.Clock.Advance(TimeSpan.FromHours(1));
            Assert.Equal(1, await store.PurgeExpiredAsync(state.Clock.GetUtcNow(), default));
            Assert.Null(await store.FindAsync(request.Id, default));
        }
        else
        {
            // Redis forgets the request on its own clock, at the instant it is kept until.
            var db = await state.Services.GetRequiredService<RedisConnection>().DatabaseAsync();
            var ttl = await db.KeyTimeToLiveAsync(state.KeyPrefix + "request:" + request.Id);
            Assert.InRange(ttl!.Value, TimeSpan.FromHours(47), TimeSpan.FromHours(48));
            // The workspace's index, which a purge at uninstall reads, goes with its last request.
            var indexTtl = await db.KeyTimeToLiveAsync(state.KeyPrefix + "request-workspace:teams:tenant-acme");
            Assert.InRange(indexTtl!.Value, TimeSpan.FromHours(47), TimeSpan.FromHours(48));
            Assert.Equal(0, await store.PurgeExpiredAsync(state.Clock.GetUtcNow(), default));
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
            text.Append(key).Append('\n').Append(await db.KeyTypeAsync(key) switch
            {
                StackExchange.Redis.RedisType.Hash => string.Join('\n', (await db.HashGetAllAsync(key)).Select(e => e.Value.ToString())),
                StackExchange.Redis.RedisType.SortedSet => string.Join('\n', await db.SortedSetRangeByRankAsync(key)),
                StackExchange.Redis.RedisType.Set => string.Join('\n', await db.SetMembersAsync(key)),
                _ => (string?)await db.StringGetAsync(key),
            }).Append('\n');
        }

        return text.ToString();
    }
}

public sealed class SqliteSecretRequestStoreTests : SecretRequestStoreContract
{
    private protected override string? RedisConnectionString => null;
}

public sealed class RedisSecretRequestStoreTests(RedisFixture redis) : SecretRequestStoreContract, IClassFixture<RedisFixture>
{
    private protected override string? RedisConnectionString => redis.Server.ConnectionString;
}
