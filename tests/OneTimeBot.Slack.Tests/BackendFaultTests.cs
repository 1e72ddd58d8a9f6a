using System.Text.Json.Nodes;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Testing;

namespace OneTimeBot.Slack.Tests;

/// <summary>
/// A backend that answers garbage, errors or a rate limit: the user gets a private message that says what happened and
/// what to do, no receipt is kept for a secret that was not made, a share is not sent twice, and the secret stays out
/// of every log line and everything Slack receives.
/// </summary>
public sealed class BackendFaultTests
{
    public static IEnumerable<object[]> Faults => BackendFaults.Names;

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_failing_backend_gets_a_private_explanation_keeps_no_receipt_and_is_not_sent_the_secret_twice(string fault)
    {
        var (answer, says, maxAttempts) = BackendFaults.All[fault];
        await using var backend = await FakeOnetimeSecretServer.StartAsync();
        backend.On("POST", "/api/v1/share", answer);
        await using var app = await SlackApp.StartAsync(new Dictionary<string, string?> { ["OneTimeSecret:Backend"] = backend.BaseUri.ToString() });
        var secret = $"fault-{fault}-{Guid.NewGuid():N}";
        var responseUrl = app.Slack.NewResponseUrl();

        var reply = await FinalTextAsync(app, await app.Requests.CommandAsync("share " + secret, responseUrl), responseUrl);

        Assert.Contains(says, reply, StringComparison.Ordinal);
        Assert.Contains("Nothing was shared.", reply, StringComparison.Ordinal);
        Assert.InRange(backend.CountOf("POST", "/api/v1/share"), 1, maxAttempts);
        Assert.Equal(0, app.Host.RowsIn("bot_receipts"));
        app.AssertNowhere(secret);
    }

    [Fact]
    public async Task A_rate_limited_backend_answers_a_dm_with_when_to_try_again()
    {
        await using var backend = await FakeOnetimeSecretServer.StartAsync();
        backend.On("POST", "/api/v1/generate", BackendFaults.All["rate-limited-429-retry-after-30"].Answer);
        await using var app = await SlackApp.StartAsync(new Dictionary<string, string?> { ["OneTimeSecret:Backend"] = backend.BaseUri.ToString() });

        var e = await app.Requests.EventAsync(SlackRequests.MessageEvent("Ev0FAULT429", "generate 1h"));
        var post = (await app.Slack.WaitForCallsAsync("chat.postMessage"))[0].Body;

        Assert.Equal(System.Net.HttpStatusCode.OK, e.StatusCode);
        Assert.Equal("D0ALICE", post["channel"]!.GetValue<string>());
        Assert.Contains("is limiting requests right now. Nothing was shared.", post["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Try again in 30 seconds.", post.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(1, backend.CountOf("POST", "/api/v1/generate"));
        Assert.Equal(0, app.Host.RowsIn("bot_receipts"));
    }

    /// <summary>The command's own answer, or the one posted to its response_url when it had to be acked first.</summary>
    private static async Task<string> FinalTextAsync(SlackApp app, HttpResponseMessage response, Uri responseUrl)
    {
        var inline = await SlackApp.JsonAsync(response);
        Assert.Equal("ephemeral", inline["response_type"]!.GetValue<string>());
        if (!inline["text"]!.GetValue<string>().StartsWith("Creating your link", StringComparison.Ordinal))
        {
            return inline.ToJsonString(SlackReply.WireOptions);
        }

        var later = (await app.Slack.WaitForPostsAsync(responseUrl))[0].Body;
        Assert.Equal("ephemeral", later["response_type"]!.GetValue<string>());
        return later.ToJsonString(SlackReply.WireOptions);
    }
}
