using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using OneTimeBot.Core.Storage;
using OneTimeBot.Slack.Installations;
using OneTimeBot.Testing;

namespace OneTimeBot.Slack.Tests;

/// <summary>Installations outlive releases: one stored by an earlier release, in its JSON, is found field for field.</summary>
public sealed class InstallationFormatTests
{
    private const string StoredByAnEarlierRelease = """
        {"teamId":"T0OLDFMT","enterpriseId":null,"isEnterpriseInstall":false,"protectedBotToken":"CfDJ8-ciphertext-of-the-bot-token-6b1f","botUserId":"U0BOT","botId":"B0BOT","appId":"A0APP","scopes":"chat:write,commands","installerUserId":"U0ADMIN","installedAt":"2026-01-02T03:04:05+00:00","key":"team:T0OLDFMT"}
        """;

    private static readonly SlackInstallation Expected = new(
        "T0OLDFMT", null, false, "CfDJ8-ciphertext-of-the-bot-token-6b1f", "U0BOT", "B0BOT", "A0APP", "chat:write,commands", "U0ADMIN",
        new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));

    [Fact]
    public async Task An_installation_an_earlier_release_stored_in_sqlite_is_found_field_for_field()
    {
        var folder = Directory.CreateTempSubdirectory("onetimebot-installation-format-").FullName;
        var file = Path.Combine(folder, "onetimebot.db");
        using var database = new SqliteDatabase(
            Options.Create(new StorageOptions { ConnectionString = "Data Source=" + file }), new HostingEnvironment { ContentRootPath = folder });
        var store = new SqliteSlackInstallationStore(database);
        Assert.Null(await store.FindAsync(SlackInstallation.TeamKey("T0OLDFMT"), default));
        await using (var connection = new SqliteConnection("Data Source=" + file))
        {
            await connection.OpenAsync();
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO slack_installations (key, body, installed) VALUES ('team:T0OLDFMT', $body, 0)";
            insert.Parameters.AddWithValue("$body", StoredByAnEarlierRelease);
            await insert.ExecuteNonQueryAsync();
        }

        var found = await store.FindAsync(SlackInstallation.TeamKey("T0OLDFMT"), default);

        Assert.Equal(Expected, found);
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task An_installation_an_earlier_release_stored_in_redis_is_found_field_for_field()
    {
        await using var redis = await RedisServer.StartAsync();
        await redis.CommandAsync("SET", "format:slack-installation:team:T0OLDFMT", StoredByAnEarlierRelease);
        await using var connection = new RedisConnection(Options.Create(new StorageOptions { Provider = "redis", ConnectionString = redis.ConnectionString, RedisKeyPrefix = "format:" }));

        var found = await new RedisSlackInstallationStore(connection).FindAsync(SlackInstallation.TeamKey("T0OLDFMT"), default);

        Assert.Equal(Expected, found);
    }
}
