using System.Net;
using System.Text.Json.Nodes;
using CsCheck;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Slack.Views;
using OneTimeBot.Testing;

namespace OneTimeBot.Slack.Tests;

/// <summary>
/// Signed requests with random and mangled payloads: every one is answered 200 or 400 (never a 500), and the host
/// keeps serving. Mutations start from real payload shapes, so they reach deep into parsing and the handlers.
/// </summary>
public sealed class PayloadFuzzTests : IAsyncLifetime
{
    private static readonly Gen<string> Word = Gen.OneOf(
        Gen.String,
        Gen.Char.Array[0, 40].Select(c => new string(c)),
        Gen.Int[0, 11].Select(i => new[] { "share", "generate 1h 20", "help", "config", "share x", "", " ", "generate 99d", "\u0000", "%", "&=&", "http://127.0.0.1:9/response/x" }[i]));

    private static readonly Gen<JsonNode?> Scalar = JsonMutations.Values("share", "generate 1h 20", "help", "config", "", "http://127.0.0.1:9/response/x");

    private SlackApp _app = null!;

    public async Task InitializeAsync() => _app = await SlackApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Random_slash_command_forms_are_answered_200_or_400()
    {
        var fields = new[] { "team_id", "user_id", "command", "text", "channel_id", "response_url", "trigger_id", "enterprise_id", "ssl_check" };
        var form = Gen.Int[0, fields.Length - 1].Select(Word).Array[0, 10];
        await form.SampleAsync(async pairs =>
        {
            var body = string.Join('&', pairs.Select(p => Uri.EscapeDataString(fields[p.Item1]) + "=" + Uri.EscapeDataString(p.Item2)))
                       + "&fuzz=" + Guid.NewGuid().ToString("N");
            var response = await _app.Requests.PostAsync("/slack/commands", body, "application/x-www-form-urlencoded");
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{(int)response.StatusCode} for a command");
        }, iter: 300, threads: 1);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task Mangled_interaction_payloads_are_answered_200_or_400()
    {
        await Mutated(Templates()).SampleAsync(async payload =>
        {
            payload["fuzz"] = Guid.NewGuid().ToString("N");
            var body = SlackRequests.Form(new Dictionary<string, string> { ["payload"] = payload.ToJsonString() });
            var response = await _app.Requests.PostAsync("/slack/interactivity", body, "application/x-www-form-urlencoded");
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{(int)response.StatusCode} for {payload.ToJsonString()[..Math.Min(200, payload.ToJsonString().Length)]}");
        }, iter: 400, threads: 1);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task Mangled_events_and_non_json_bodies_are_answered_200_or_400()
    {
        var events = new[]
        {
            SlackRequests.MessageEvent("Ev0FUZZ", "generate 1h"),
            SlackRequests.Envelope("Ev0FUZZ2", new JsonObject { ["type"] = "app_uninstalled" }),
            SlackRequests.Envelope("Ev0FUZZ3", new JsonObject { ["type"] = "tokens_revoked", ["tokens"] = new JsonObject { ["bot"] = new JsonArray("U1") } }),
            new JsonObject { ["type"] = "url_verification", ["challenge"] = "c" },
        };
        await Mutated(events).SampleAsync(async envelope =>
        {
            envelope["event_id"] = "Ev" + Guid.NewGuid().ToString("N");
            var response = await _app.Requests.PostAsync("/slack/events", envelope.ToJsonString(), "application/json");
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{(int)response.StatusCode} for an event");
        }, iter: 300, threads: 1);
        await Gen.Byte.Array[0, 400].SampleAsync(async bytes =>
        {
            foreach (var path in new[] { "/slack/commands", "/slack/interactivity", "/slack/events" })
            {
                // Unique per request: the same signed body twice is, rightly, refused as a replay.
                var text = System.Text.Encoding.Latin1.GetString(bytes) + Guid.NewGuid().ToString("N");
                var response = await _app.Requests.PostAsync(path, text, path.EndsWith("events", StringComparison.Ordinal) ? "application/json" : "application/x-www-form-urlencoded");
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{(int)response.StatusCode} on {path}");
            }
        }, iter: 100, threads: 1);
        await AssertStillServingAsync();
    }

    private async Task AssertStillServingAsync()
    {
        var reply = await _app.AnswerAsync("share still-serving-after-fuzz", user: "U0AFTERFUZZ");
        Assert.Contains("One-time link", reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(_app.Host.Logs.Entries, e => e.FullText.Contains("Unhandled exception", StringComparison.OrdinalIgnoreCase));
    }

    private static JsonObject[] Templates()
    {
        var metadata = new ViewMetadata("http://127.0.0.1:9/response/fuzz", "C0FUZZ", "k2v9x0c7b4n1m8z5a3s6d9f2g1").Write();
        JsonObject View(string callbackId, params (string Block, JsonObject Value)[] values) => SlackRequests.ViewSubmission(
            new JsonObject
            {
                ["callback_id"] = callbackId,
                ["private_metadata"] = metadata,
                ["blocks"] = new JsonArray(values.Select(v => (JsonNode?)new JsonObject
                {
                    ["type"] = "input", ["block_id"] = v.Block, ["element"] = new JsonObject { ["type"] = "plain_text_input" },
                }).ToArray()),
            },
            values.ToDictionary(v => v.Block, v => v.Value));

        return
        [
            SlackRequests.BlockAction(ActionIds.OpenShareForm, "share", null),
            SlackRequests.BlockAction(ActionIds.CheckStatus, "k2v9x0c7b4n1m8z5a3s6d9f2g1", null),
            SlackRequests.BlockAction(ActionIds.Burn, "nothing", null),
            SlackRequests.BlockAction(ActionIds.BurnWithPassphrase, "nothing", null),
            View(ShareModal.CallbackId, ("secret", SlackRequests.Typed("fuzz secret")), ("ttl", SlackRequests.Chosen("1h"))),
            View(GenerateModal.CallbackId, ("ttl", SlackRequests.Chosen("1h")), ("length", SlackRequests.Typed("20"))),
            View(BurnModal.CallbackId, ("passphrase", SlackRequests.Typed("pass"))),
            View(ConfigModal.CallbackId, ("backend", SlackRequests.Chosen("custom")), ("customUrl", SlackRequests.Typed("https://x"))),
        ];
    }

    private static Gen<JsonObject> Mutated(JsonObject[] templates) => JsonMutations.Of(templates, Scalar);
}
