using System.Net;
using System.Text.Json.Nodes;
using CsCheck;
using OneTimeBot.Testing;

namespace OneTimeBot.Teams.Tests;

/// <summary>
/// Authenticated activities with mangled contents: every one is answered without a server error, an invoke always
/// with a body Teams can show, and the bot keeps serving.
/// </summary>
public sealed class ActivityFuzzTests : IAsyncLifetime
{
    private static readonly Gen<JsonNode?> Scalar = JsonMutations.Values("share", "generate 1h 20", "help", "config", "shareSecret", "generatePassword", "status", "burn", "saveConfig", "");

    private TeamsApp _app = null!;

    public async Task InitializeAsync() => _app = await TeamsApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Mangled_activities_never_get_a_server_error_and_invokes_always_get_a_body()
    {
        JsonObject[] templates =
        [
            _app.Activity("message", "generate 1h 16"),
            _app.Activity("message", value: new JsonObject { ["action"] = "share", ["secret"] = "fuzz", ["ttl"] = "1h" }),
            _app.Activity("message", value: new JsonObject { ["action"] = "burn", ["receiptId"] = "r" }),
            _app.Activity("message", value: new JsonObject { ["action"] = "saveConfig", ["backend"] = "custom" }),
            _app.Invoke("composeExtension/fetchTask", "shareSecret"),
            _app.Invoke("composeExtension/submitAction", "generatePassword", new JsonObject { ["ttl"] = "1h", ["length"] = "20" }),
            _app.Invoke("composeExtension/submitAction", "shareSecret", new JsonObject { ["secret"] = "fuzz", ["ttl"] = "1h" }),
            _app.Activity("conversationUpdate"),
        ];

        // The service URL and channel stay as the token says: changing them is refused by design (InboundAuthTests).
        var mutated = JsonMutations.Of(templates, Scalar, "serviceUrl", "channelId");

        await mutated.SampleAsync(async activity =>
        {
            var response = await _app.SendAsync(activity);
            Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} for {activity.ToJsonString()}");
            if (response.StatusCode == HttpStatusCode.OK && activity["type"]?.GetValueKind() == System.Text.Json.JsonValueKind.String && activity["type"]!.GetValue<string>() == "invoke")
            {
                Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync()));
            }
        }, iter: 300, threads: 1);

        var answer = await TeamsApp.JsonAsync(await _app.SendAsync(_app.Invoke("composeExtension/fetchTask", "shareSecret")));
        Assert.Equal("continue", answer["task"]!["type"]!.GetValue<string>());
    }
}
