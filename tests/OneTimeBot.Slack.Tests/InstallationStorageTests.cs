using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using OneTimeBot.Testing;

namespace OneTimeBot.Slack.Tests;

/// <summary>Installations live in the shared state store, on SQLite and on Redis, with bot tokens only as ciphertext.</summary>
public sealed class InstallationStorageTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("redis")]
    public async Task An_installation_made_on_one_replica_answers_on_another_and_its_token_is_never_stored_in_plain_text(string provider)
    {
        await using var redis = provider == "redis" ? await RedisServer.StartAsync() : null;
        var folder = Directory.CreateTempSubdirectory("onetimebot-installations-").FullName;
        var shared = SharedStore(provider, redis, folder);
        await using var slack = await FakeSlackServer.StartAsync();
        slack.On("oauth.v2.access", OAuthInstallTests.Access("T0BETA"));
        await using var first = await SlackApp.StartAsync(shared, oauth: true, sharedSlack: slack);
        await using var second = await SlackApp.StartAsync(shared, oauth: true, sharedSlack: slack);

        var (state, cookie, _) = await OAuthInstallTests.StartInstallAsync(first);
        await OAuthInstallTests.RedirectAsync(first, state, cookie);
        await second.Requests.CommandAsync("share", slack.NewResponseUrl(), team: "T0BETA");
        var open = (await slack.WaitForCallsAsync("views.open"))[0];

        Assert.Equal("Bearer " + OAuthInstallTests.InstalledToken, open.Authorization);
        var stored = redis is null
            ? Encoding.Latin1.GetString(await File.ReadAllBytesAsync(Path.Combine(folder, "onetimebot.db"))) +
              string.Concat(Directory.GetFiles(folder, "onetimebot.db-*").Select(f => Encoding.Latin1.GetString(File.ReadAllBytes(f))))
            : await redis.CommandAsync("GET", "installs:slack-installation:team:T0BETA");
        Assert.Contains("T0BETA", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("installedbetatoken", stored, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("redis")]
    public async Task Uninstalling_on_one_replica_deletes_the_installation_from_the_store_and_the_other_replica_stops_answering(string provider)
    {
        await using var redis = provider == "redis" ? await RedisServer.StartAsync() : null;
        var folder = Directory.CreateTempSubdirectory("onetimebot-installations-").FullName;
        var shared = SharedStore(provider, redis, folder);
        await using var slack = await FakeSlackServer.StartAsync();
        slack.On("oauth.v2.access", OAuthInstallTests.Access("T0BETA"));
        await using var first = await SlackApp.StartAsync(shared, oauth: true, sharedSlack: slack);
        await using var second = await SlackApp.StartAsync(shared, oauth: true, sharedSlack: slack);
        var (state, cookie, _) = await OAuthInstallTests.StartInstallAsync(first);
        await OAuthInstallTests.RedirectAsync(first, state, cookie);
        var storedBefore = await StoredInstallationsAsync(redis, folder);

        var removed = await first.Requests.EventAsync(SlackRequests.Envelope("Ev0UNINSTALLED", new JsonObject { ["type"] = "app_uninstalled" }, team: "T0BETA"));
        await first.Host.Services.FollowUpsFinishedAsync();
        var storedAfter = await StoredInstallationsAsync(redis, folder);
        var reply = await SlackApp.JsonAsync(await second.Requests.CommandAsync("share", slack.NewResponseUrl(), team: "T0BETA"));

        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal(1, storedBefore);
        Assert.Equal(0, storedAfter);
        Assert.Contains("not installed in this workspace any more", reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(slack.CallsOf("views.open"));
    }

    /// <summary>The settings two replicas share: one SQLite file, or one Redis, and one deployment key.</summary>
    private static Dictionary<string, string?> SharedStore(string provider, RedisServer? redis, string folder) => new()
    {
        ["Storage:Provider"] = provider,
        ["Storage:ConnectionString"] = redis?.ConnectionString ?? $"Data Source={Path.Combine(folder, "onetimebot.db")}",
        ["Storage:RedisKeyPrefix"] = "installs:",
        ["SecretServer:EncryptionKey"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()),
    };

    /// <summary>How many installations the store itself holds, read behind the app's back.</summary>
    private static async Task<long> StoredInstallationsAsync(RedisServer? redis, string folder)
    {
        if (redis is not null)
        {
            var reply = await redis.CommandAsync("EXISTS", "installs:slack-installation:team:T0BETA");
            return long.Parse(reply.TrimStart(':').Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(folder, "onetimebot.db")}");
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM slack_installations";
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
