using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Tracking;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Testing;
using OneTimeSecret.Client;

namespace OneTimeBot.Host.Tests;

/// <summary>
/// Two hosts on one Redis, as two replicas: whichever learns that a link was opened, and however many of them learn it
/// at once, its sender gets exactly one message, and each remote receipt is polled by one replica only.
/// </summary>
public sealed class LinkNotificationsOnTwoReplicasTests : IAsyncLifetime
{
    private static readonly WorkspaceId Alpha = new(ChatPlatform.Slack, "T0ALPHA");
    private static readonly WorkspaceId Beta = new(ChatPlatform.Slack, "T0BETA");
    private static readonly Actor Alice = new(Alpha, "U0ALICE") { Reach = new ChatReach(Name: "Alice") };
    private static readonly Actor Bea = new(Beta, "U0BEA") { Reach = new ChatReach(Name: "Bea") };
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private RedisServer _redis = null!;
    private FakeSlackServer _slack = null!;
    private FakeOnetimeSecretServer _remote = null!;
    private Dictionary<string, string?> _settings = null!;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _slack = await FakeSlackServer.StartAsync();
        _remote = await FakeOnetimeSecretServer.StartAsync();
        var made = _clock.GetUtcNow();
        _remote.On("POST", "/api/v1/share", FakeResponse.Json(OtsAnswers.Receipt("new", made, 3600)));
        var opened = JsonNode.Parse(OtsAnswers.Receipt("received", made, 3600, withSecretKey: false))!.AsObject();
        opened["received"] = (made.ToUnixTimeSeconds() + 30).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _remote.On("GET", "/api/v1/private/" + OtsAnswers.MetadataKey, FakeResponse.Json(opened.ToJsonString()));
        _settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "redis",
            ["Storage:ConnectionString"] = _redis.ConnectionString,
            ["Storage:RedisKeyPrefix"] = "replicas:",
            ["SecretServer:EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Slack:SigningSecret"] = "f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8",
            ["Slack:ApiBaseUrl"] = _slack.ApiBaseUri.ToString(),
            ["Slack:BotToken"] = "xoxb-3333-4444-replicatoken",
            // Beta's secret service is a remote one, which the bot learns about by polling.
            ["Workspaces:slack:T0BETA:Backend"] = _remote.BaseUri.ToString(),
        };
    }

    public async Task DisposeAsync()
    {
        await _remote.DisposeAsync();
        await _slack.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task A_link_made_on_one_replica_and_opened_through_the_other_gives_its_sender_exactly_one_message()
    {
        await using var replicas = new Replicas(_settings, _clock);
        var card = await ShareAsync(replicas.First, Alice, "Rp1-made-on-the-first-4c8e");

        var revealed = await RevealThroughAsync(replicas.Second, card.Link!);
        var told = (await _slack.WaitForDirectMessagesAsync("U0ALICE", timeout: TimeSpan.FromSeconds(5)))[0].Body;
        await replicas.DrainAsync();

        Assert.Equal("Rp1-made-on-the-first-4c8e", revealed);
        Assert.Equal("Your link was opened.", told["text"]!.GetValue<string>());
        Assert.Single(_slack.DirectMessagesTo("U0ALICE"));
    }

    [Fact]
    public async Task The_same_reveal_heard_by_both_replicas_many_times_at_once_gives_its_sender_exactly_one_message()
    {
        await using var replicas = new Replicas(_settings, _clock);
        await ShareAsync(replicas.First, Alice, "Rp2-heard-twice-secret-9a1d");
        var tracked = Assert.Single(await replicas.First.Services.GetRequiredService<ITrackedShareStore>().RecentAsync(Alpha, Alice.UserId, _clock.GetUtcNow(), default));
        var change = new SecretStateChange(tracked.BackendReceiptId!, SecretStatus.Viewed, _clock.GetUtcNow());

        await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() =>
            ((i % 2 == 0 ? replicas.First : replicas.Second).Services.GetRequiredService<ISecretStateListener>()).SecretChanged(change))));
        await replicas.DrainAsync();

        Assert.NotNull(tracked.BackendReceiptId);
        Assert.Single(_slack.DirectMessagesTo("U0ALICE"));
    }

    [Fact]
    public async Task Remote_receipts_due_at_once_are_each_polled_by_one_replica_and_reported_once()
    {
        const int Links = 6;
        await using var replicas = new Replicas(_settings, _clock);
        for (var i = 0; i < Links; i++)
        {
            await ShareAsync(i % 2 == 0 ? replicas.First : replicas.Second, Bea, $"Rp3-remote-secret-{i}-2f7b");
        }

        _clock.Advance(TimeSpan.FromMinutes(1));
        await _slack.WaitForDirectMessagesAsync("U0BEA", Links);
        await replicas.DrainAsync();
        _clock.Advance(TimeSpan.FromMinutes(5));
        await replicas.DrainAsync();

        Assert.Equal(Links, _remote.CountOf("GET", "/api/v1/private/" + OtsAnswers.MetadataKey));
        Assert.Equal(Links, _slack.DirectMessagesTo("U0BEA").Count);
    }

    private static async Task<SecretCard> ShareAsync(HostFactory host, Actor sender, string secret)
    {
        TestRunLedger.Secret(secret);
        var shared = await host.Services.GetRequiredService<SharingService>().ShareAsync(sender, new ShareInput(new SecretText(secret), "1h"), null, default);
        Assert.True(shared.IsSuccess, shared.Error?.Message);
        return shared.Value!;
    }

    /// <summary>Reveals a link through the v1 API of <paramref name="host"/>, whichever host it was made on.</summary>
    private static async Task<string?> RevealThroughAsync(HostFactory host, Uri link)
    {
        using var browser = new HttpClient();
        using var response = await browser.PostAsync(new Uri($"http://127.0.0.1:{host.Port}/api/v1/secret/{link.AbsolutePath.TrimEnd('/').Split('/')[^1]}"), new FormUrlEncodedContent([]));
        return response.StatusCode == HttpStatusCode.OK ? JsonNode.Parse(await response.Content.ReadAsStringAsync())!["value"]!.GetValue<string>() : null;
    }

    /// <summary>The two hosts, which a test's end stops together.</summary>
    private sealed class Replicas : IAsyncDisposable
    {
        public Replicas(IReadOnlyDictionary<string, string?> settings, TimeProvider clock)
        {
            First = new HostFactory(settings, kestrel: true) { TestServices = s => s.AddSingleton(clock) };
            Second = new HostFactory(settings, kestrel: true) { TestServices = s => s.AddSingleton(clock) };
            First.StartServer();
            Second.StartServer();
        }

        public HostFactory First { get; }

        public HostFactory Second { get; }

        /// <summary>Waits until both replicas have finished what they started, messages included.</summary>
        public async Task DrainAsync()
        {
            await First.Services.FollowUpsFinishedAsync();
            await Second.Services.FollowUpsFinishedAsync();
        }

        public async ValueTask DisposeAsync()
        {
            await First.DisposeAsync();
            await Second.DisposeAsync();
        }
    }
}
