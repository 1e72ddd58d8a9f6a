using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Testing;
using OneTimeBot.Testing.Slack;

namespace OneTimeBot.Slack.Tests;

/// <summary>
/// A request's replay claim is stored with what the request writes, not before it is acted on. Two hosts on one store
/// may therefore both start on the same captured request; only the one whose claim is stored first may answer it.
/// </summary>
public sealed class ReplayAcrossHostsTests
{
    [Fact]
    public async Task A_captured_command_sent_to_two_hosts_on_one_store_at_once_gets_exactly_one_card_and_a_401()
    {
        var hold = new BackendHold();
        await using var backend = await FakeOnetimeSecretServer.StartAsync();
        backend.On("POST", "/api/v1/share", FakeResponse.Json(OtsAnswers.Receipt("new", DateTimeOffset.UtcNow, 3600)).Until(hold));
        // No creation limits: their counters are writes too, and the first host's claim would ride in theirs, stored
        // before the second host looks.
        var settings = new Dictionary<string, string?>
        {
            ["OneTimeSecret:Backend"] = backend.BaseUri.ToString(),
            ["CreationLimits:PerUserPerMinute"] = "0",
            ["CreationLimits:PerWorkspacePerMinute"] = "0",
        };
        await using var first = await SlackApp.StartAsync(settings);
        await using var second = await SlackApp.StartAsync(new Dictionary<string, string?>(settings)
        {
            // The first host's store and key: two replicas of one install.
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(first.Host.DataDirectory, "onetimebot.db")}",
            ["SecretServer:KeyFile"] = Path.Combine(first.Host.DataDirectory, "secret-server.key"),
        });
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var body = SlackRequests.CommandBody("share captured-on-the-way-" + Guid.NewGuid().ToString("N"), null);
        var signature = SlackSigning.Signature(SlackApp.SigningSecret, timestamp, Encoding.UTF8.GetBytes(body));

        var toFirst = first.Requests.PostAsync("/slack/commands", body, "application/x-www-form-urlencoded", timestamp: timestamp, signature: signature);
        // The first host is at the backend, its claim not stored yet: the second host cannot see it.
        await hold.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        var toSecond = second.Requests.PostAsync("/slack/commands", body, "application/x-www-form-urlencoded", timestamp: timestamp, signature: signature);
        await WaitUntilAsync(() => backend.CountOf("POST", "/api/v1/share") == 2 || toSecond.IsCompleted);
        hold.Release();
        var answers = await Task.WhenAll(toFirst, toSecond);

        var statuses = answers.Select(a => a.StatusCode).Order().ToArray();
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Unauthorized], statuses);
        var card = (JsonObject)JsonNode.Parse(await answers.Single(a => a.StatusCode == HttpStatusCode.OK).Content.ReadAsStringAsync())!;
        Assert.Contains(ActionIds.CheckStatus, SlackApp.ActionIds(card));
        Assert.DoesNotContain("/secret/", await answers.Single(a => a.StatusCode == HttpStatusCode.Unauthorized).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Both hosts had started on it before either claim was stored: the race this test is about did happen.
        Assert.Equal(2, backend.CountOf("POST", "/api/v1/share"));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the second request neither reached the backend nor was answered in 30 s");
            await Task.Delay(10);
        }
    }
}
