using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Testing;
using OneTimeSecret.Client;

namespace OneTimeBot.Host.Tests;

/// <summary>Several replicas on one Redis behave as one bot.</summary>
public sealed class TwoReplicasOnRedisTests : IAsyncLifetime
{
    private static readonly WorkspaceId Acme = new(ChatPlatform.Slack, "T0ACME");
    private static readonly WorkspaceId Beta = new(ChatPlatform.Slack, "T0BETA");
    private RedisServer _redis = null!;

    public async Task InitializeAsync() => _redis = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    [Fact]
    public async Task Two_hosts_on_one_redis_share_settings_receipts_and_secrets_and_each_decrypts_the_others_token()
    {
        var shared = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "redis",
            ["Storage:ConnectionString"] = _redis.ConnectionString,
            ["Storage:RedisKeyPrefix"] = "replicas:",
            ["SecretServer:EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        };
        await using var remote = await FakeOnetimeSecretServer.StartAsync();
        remote.RequiredBasicCredentials = "ops@beta.example:tok_replica_1a2b3c4d";
        remote.On("POST", "/api/v1/share", FakeResponse.Json(OtsAnswers.Receipt("new", DateTimeOffset.UtcNow, 3600)));
        // Beta's secret service is the operator's choice (a local server, which only the operator may choose).
        shared["Workspaces:slack:T0BETA:Backend"] = remote.BaseUri.ToString();
        await using var first = new HostFactory(shared, kestrel: true);
        await using var second = new HostFactory(shared, kestrel: true);
        first.StartServer();
        second.StartServer();
        var firstSharing = first.Services.GetRequiredService<SharingService>();
        var secondSharing = second.Services.GetRequiredService<SharingService>();
        var alice = new Actor(Acme, "U0ALICE");

        // A receipt made by one replica is checked and burned by the other, on the secret service they share.
        var card = (await firstSharing.ShareAsync(alice, new ShareInput(new SecretText("made on the first"), "1h"), null, default)).Value!;
        var statusOnSecond = (await secondSharing.StatusAsync(alice, card.ReceiptId, null, default)).Value!;
        var burnedOnSecond = (await secondSharing.BurnAsync(alice, card.ReceiptId, null, null, default)).Value!;
        var statusOnFirst = (await firstSharing.StatusAsync(alice, card.ReceiptId, null, default)).Value!;

        // A token stored through one replica is read, decrypted and used by the other, which kept the old settings
        // until the first announced the change (a message on Redis, so it takes a moment to arrive).
        var seenBefore = await second.Services.GetRequiredService<WorkspaceSettingsService>().GetAsync(Beta, default);
        var updated = await first.Services.GetRequiredService<WorkspaceSettingsService>().UpdateAsync(new Actor(Beta, "U0ADMIN"),
            new WorkspaceSettingsChange(Username: "ops@beta.example", ApiToken: new SecretText("tok_replica_1a2b3c4d")), default);
        var seenBySecond = await second.Services.GetRequiredService<WorkspaceSettingsService>().GetAsync(Beta, default);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!seenBySecond.HasApiToken && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
            seenBySecond = await second.Services.GetRequiredService<WorkspaceSettingsService>().GetAsync(Beta, default);
        }
        var sharedBySecond = await secondSharing.ShareAsync(new Actor(Beta, "U0BEA"), new ShareInput(new SecretText("via the remote"), "1h"), null, default);

        Assert.Equal(SecretStatus.New, statusOnSecond.Status);
        Assert.Equal(card.Link, statusOnSecond.Link);
        Assert.Equal(SecretStatus.Burned, burnedOnSecond.Status);
        Assert.Equal(SecretStatus.Burned, statusOnFirst.Status);
        Assert.True(updated.IsSuccess);
        Assert.False(seenBefore.HasApiToken);
        Assert.Equal(remote.BaseUri.ToString(), seenBySecond.Backend);
        Assert.Equal("ops@beta.example", seenBySecond.Username);
        Assert.True(seenBySecond.HasApiToken);
        Assert.True(sharedBySecond.IsSuccess, sharedBySecond.Error?.Message);
        Assert.Equal("ops@beta.example:tok_replica_1a2b3c4d", Assert.Single(remote.Requests).BasicCredentials);

        var everything = string.Join('\n', await Task.WhenAll((await _redis.CommandAsync("KEYS", "replicas:*"))
            .Split("\r\n").Where(k => k.StartsWith("replicas:", StringComparison.Ordinal))
            .Select(async key => await _redis.CommandAsync("TYPE", key) == "+string\r\n" ? await _redis.CommandAsync("GET", key) : await _redis.CommandAsync("HGETALL", key))));
        Assert.Contains("ops@beta.example", everything, StringComparison.Ordinal);
        Assert.Contains("<key id=", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("tok_replica_1a2b3c4d", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("made on the first", everything, StringComparison.Ordinal);
    }
}
