using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Tests.Storage;
using OneTimeBot.Core.Tracking;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Testing;
using OneTimeSecret.Client;

namespace OneTimeBot.Core.Tests.Tracking;

/// <summary>
/// A tracked link the poller cannot read (its sealed key no longer opens, its stored document is damaged) is set aside:
/// the other links due with it are polled and their owners told as usual.
/// </summary>
public sealed class UnreadableLinkTests : IAsyncLifetime
{
    private static readonly WorkspaceId Acme = new(ChatPlatform.Slack, "T0ACME");
    private static readonly Actor Alice = new(Acme, "U0ALICE") { Reach = new ChatReach(EnterpriseId: "E0ACME", Name: "Alice") };
    private static readonly DateTimeOffset Made = new(2031, 5, 6, 10, 30, 0, TimeSpan.Zero);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    private readonly RecordingMessenger _messenger = new();
    private FakeOnetimeSecretServer _server = null!;
    private StateHarness _state = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeOnetimeSecretServer.StartAsync();
        _server.On("POST", "/api/v1/share", FakeResponse.Json(OtsAnswers.Receipt("new", Made, (long)Day.TotalSeconds)));
        _server.On("GET", RemoteBackend.ReceiptPath, RemoteBackend.Receipt("received", Made, Day, received: Made.AddSeconds(30)));
        _state = StateHarness.Start(null, new Dictionary<string, string?> { ["Workspaces:slack:T0ACME:Backend"] = _server.BaseUri.ToString() },
            now: Made, services: s => s.AddSingleton<IDirectMessenger>(_messenger));
    }

    public async Task DisposeAsync()
    {
        await _state.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_link_whose_key_no_longer_opens_and_one_with_a_damaged_record_do_not_keep_the_other_due_links_from_being_polled_and_told()
    {
        for (var i = 0; i < 4; i++)
        {
            Assert.True((await _state.Sharing.ShareAsync(Alice, new ShareInput(new SecretText($"Hx3-unreadable-neighbour-{i}-b7e1")), null, default)).IsSuccess);
        }

        var ids = await TrackedIdsAsync();
        var unopenable = "v1." + Convert.ToBase64String(new byte[48]);
        await ExecuteAsync("UPDATE bot_tracked_shares SET body = json_set(body, '$.sealedMetadataKey', $key) WHERE id = $id", ("$id", ids[0]), ("$key", unopenable));
        await ExecuteAsync("UPDATE bot_tracked_shares SET body = '{\"damaged' WHERE id = $id", ("$id", ids[2]));

        _state.Clock.Advance(TimeSpan.FromMinutes(1));
        await _state.Services.GetRequiredService<LinkPoller>().PollDueAsync(default);
        var setAside = await _state.Services.GetRequiredService<ITrackedShareStore>().FindAsync(ids[0], default);

        Assert.Equal(2, _messenger.StatusMessages.Count(m => m.Status == SecretStatus.Viewed));
        Assert.Equal(2, _server.CountOf("GET", RemoteBackend.ReceiptPath));
        Assert.Equal(SecretStatus.New, setAside!.Status);
        Assert.Equal(Made + TimeSpan.FromMinutes(1) + TimeSpan.FromHours(1), setAside.NextPollAt);
        var logged = Assert.Single(_state.Logs.Entries, e => e.FullText.Contains(ids[0], StringComparison.Ordinal) && e.FullText.Contains("could not be polled", StringComparison.Ordinal));
        Assert.Contains("AuthenticationTagMismatchException", logged.FullText, StringComparison.Ordinal);
        Assert.Null(logged.Exception);
        Assert.DoesNotContain(unopenable[3..], _state.Logs.AllText, StringComparison.Ordinal);
    }

    private async Task<List<string>> TrackedIdsAsync()
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM bot_tracked_shares ORDER BY rowid";
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<string>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private async Task ExecuteAsync(string sql, params (string Name, string Value)[] arguments)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in arguments)
        {
            command.Parameters.AddWithValue(name, value);
        }

        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(_state.DataDirectory, "onetimebot.db")};Pooling=False");
        connection.Open();
        return connection;
    }
}
