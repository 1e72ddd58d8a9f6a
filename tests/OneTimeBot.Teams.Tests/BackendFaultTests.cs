using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using OneTimeBot.Testing;

namespace OneTimeBot.Teams.Tests;

/// <summary>
/// A backend that answers garbage, errors or a rate limit: Teams gets an answer well within its 5 s that says what
/// happened and what to do, no receipt is kept for a secret that was not made, a share is not sent twice, and the
/// secret stays out of every log line and everything Bot Framework receives.
/// </summary>
public sealed class BackendFaultTests
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IEnumerable<object[]> Faults => BackendFaults.Names;

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_failing_backend_gets_an_explanation_in_the_dialog_keeps_no_receipt_and_is_not_sent_the_secret_twice(string fault)
    {
        var (answer, says, maxAttempts) = BackendFaults.All[fault];
        await using var backend = await FakeOnetimeSecretServer.StartAsync();
        backend.On("POST", "/api/v1/share", answer);
        await using var app = await TeamsApp.StartAsync(new Dictionary<string, string?> { ["OneTimeSecret:Backend"] = backend.BaseUri.ToString() });
        var secret = $"fault-{fault}-{Guid.NewGuid():N}";

        var reply = await TeamsApp.JsonAsync(await app.SendAsync(app.Invoke("composeExtension/submitAction", "shareSecret", new JsonObject
        {
            ["secret"] = secret,
            ["ttl"] = "1h",
            ["action"] = "share",
        })));
        var text = reply.ToJsonString(Readable);

        Assert.NotNull(reply["task"]);
        Assert.Null(reply["composeExtension"]);
        Assert.Contains(says, text, StringComparison.Ordinal);
        Assert.Contains("Nothing was shared.", text, StringComparison.Ordinal);
        Assert.InRange(backend.CountOf("POST", "/api/v1/share"), 1, maxAttempts);
        Assert.Equal(0, app.Host.RowsIn("bot_receipts"));
        app.AssertNowhere(secret);
    }

    [Fact]
    public async Task A_rate_limited_backend_answers_the_personal_chat_with_when_to_try_again()
    {
        await using var backend = await FakeOnetimeSecretServer.StartAsync();
        backend.On("POST", "/api/v1/generate", BackendFaults.All["rate-limited-429-retry-after-30"].Answer);
        await using var app = await TeamsApp.StartAsync(new Dictionary<string, string?> { ["OneTimeSecret:Backend"] = backend.BaseUri.ToString() });

        await app.SendAsync(app.Activity("message", "generate 1h"));
        var reply = (await app.BotFramework.WaitForCallsAsync(1))[0].Body.ToJsonString(Readable);

        Assert.Contains("is limiting requests right now. Nothing was shared.", reply, StringComparison.Ordinal);
        Assert.Contains("Try again in 30 seconds.", reply, StringComparison.Ordinal);
        Assert.Equal(1, backend.CountOf("POST", "/api/v1/generate"));
        Assert.Equal(0, app.Host.RowsIn("bot_receipts"));
    }
}
