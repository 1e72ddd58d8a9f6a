using System.Net;
using System.Text.Json.Nodes;
using CsCheck;

namespace OneTimeBot.Teams.Tests;

/// <summary>
/// Authenticated activities with mangled contents: every one is answered without a server error, an invoke always
/// with a body Teams can show, and the bot keeps serving.
/// </summary>
public sealed class ActivityFuzzTests : IAsyncLifetime
{
    private static readonly Gen<JsonNode?> Scalar = Gen.OneOf(
        Gen.String.Select(s => (JsonNode?)JsonValue.Create(s)),
        Gen.Int[0, 9].Select(i => (JsonNode?)JsonValue.Create(new[] { "share", "generate 1h 20", "help", "config", "shareSecret", "generatePassword", "status", "burn", "saveConfig", "" }[i])),
        Gen.Long.Select(l => (JsonNode?)JsonValue.Create(l)),
        Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)),
        Gen.Bool.Select(_ => (JsonNode?)null),
        Gen.Bool.Select(_ => (JsonNode?)new JsonArray()),
        Gen.Bool.Select(_ => (JsonNode?)new JsonObject()));

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

        var mutated = Gen.Select(Gen.Int[0, templates.Length - 1], Gen.Int[0, 1000].Array[0, 6], Scalar.Array[6], (t, picks, values) =>
        {
            var copy = (JsonObject)templates[t].DeepClone();
            for (var i = 0; i < picks.Length; i++)
            {
                var objects = Objects(copy).ToList();
                var target = objects[picks[i] % objects.Count];
                var keys = target.Select(p => p.Key).Where(k => k is not "serviceUrl" and not "channelId").ToList();
                if (keys.Count > 0)
                {
                    var key = keys[picks[i] % keys.Count];
                    if (picks[i] % 3 == 0)
                    {
                        target.Remove(key);
                    }
                    else
                    {
                        target[key] = values[i]?.DeepClone();
                    }
                }
            }

            return copy;
        });

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

    private static IEnumerable<JsonObject> Objects(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            yield return obj;
            foreach (var inner in obj.Select(p => p.Value).ToList().SelectMany(Objects))
            {
                yield return inner;
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var inner in array.ToList().SelectMany(Objects))
            {
                yield return inner;
            }
        }
    }
}
