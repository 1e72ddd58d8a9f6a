using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Testing;
using OneTimeBot.Testing.Slack;

namespace OneTimeBot.Slack.Tests;

/// <summary>Requests as Slack sends them to the app: form-encoded commands and interactions, JSON events, signed with the app's secret.</summary>
internal sealed class SlackRequests(HttpClient http, string signingSecret)
{
    public Func<long> Now { get; set; } = () => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    public static string CommandBody(
        string text, Uri? responseUrl, string team = "T0ALPHA", string user = "U0ALICE", string channel = "C0GENERAL", string? enterprise = null, string command = "/onetime")
    {
        TestRunLedger.TypedCommand(text);
        // Unique per command, as Slack's are: two commands never make the same signed request.
        var triggerId = "13345224609.738474920." + Guid.NewGuid().ToString("N");
        var fields = new Dictionary<string, string>
        {
            ["token"] = "gIkuvaNzQIHg97ATvDxqgjtO",
            ["team_id"] = team,
            ["team_domain"] = "alpha",
            ["channel_id"] = channel,
            ["channel_name"] = "general",
            ["user_id"] = user,
            ["user_name"] = "alice",
            ["command"] = command,
            ["text"] = text,
            ["api_app_id"] = "A0ONETIME",
            ["is_enterprise_install"] = "false",
        };
        if (responseUrl is not null)
        {
            fields["response_url"] = responseUrl.ToString();
        }

        fields["trigger_id"] = triggerId;

        if (enterprise is not null)
        {
            fields["enterprise_id"] = enterprise;
        }

        return Form(fields);
    }

    /// <summary>
    /// Text as Slack sends what was typed: <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> escaped (the command declares
    /// should_escape). Mentions, channels and links Slack would also wrap are written out by the tests that use them.
    /// </summary>
    public static string Escaped(string typed) =>
        typed.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    public static string Form(IReadOnlyDictionary<string, string> fields) =>
        string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));

    public Task<HttpResponseMessage> CommandAsync(
        string text, Uri? responseUrl, string team = "T0ALPHA", string user = "U0ALICE", string channel = "C0GENERAL", string command = "/onetime") =>
        PostAsync("/slack/commands", CommandBody(text, responseUrl, team, user, channel, command: command), "application/x-www-form-urlencoded");

    public Task<HttpResponseMessage> InteractionAsync(JsonObject payload) =>
        PostAsync("/slack/interactivity", Form(new Dictionary<string, string> { ["payload"] = payload.ToJsonString() }), "application/x-www-form-urlencoded");

    /// <summary>An event; a retry is signed afresh at a later time, as Slack's retries (1 s, 1 min, 5 min later) are.</summary>
    public Task<HttpResponseMessage> EventAsync(JsonObject envelope, int? retryNum = null) =>
        PostAsync("/slack/events", envelope.ToJsonString(), "application/json", retryNum, retryNum is { } n ? Now() + n : null);

    public async Task<HttpResponseMessage> PostAsync(string path, string body, string contentType, int? retryNum = null, long? timestamp = null, string? signature = null, bool sign = true)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        if (sign)
        {
            var ts = timestamp ?? Now();
            request.Headers.Add(SlackSigning.TimestampHeader, ts.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add(SlackSigning.SignatureHeader, signature ?? SlackSigning.Signature(signingSecret, ts, bytes));
        }

        if (retryNum is { } retry)
        {
            request.Headers.Add("X-Slack-Retry-Num", retry.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }

        return await http.SendAsync(request);
    }

    public static JsonObject BlockAction(string actionId, string value, Uri? responseUrl, string team = "T0ALPHA", string user = "U0ALICE", string channel = "C0GENERAL") => new()
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = user, ["username"] = "alice", ["team_id"] = team },
        ["api_app_id"] = "A0ONETIME",
        ["team"] = new JsonObject { ["id"] = team, ["domain"] = "alpha" },
        ["container"] = new JsonObject { ["type"] = "message", ["is_ephemeral"] = true },
        // Slack's trigger ids are unique per interaction, so no two presses are the same signed request.
        ["trigger_id"] = "13345224609.738474920." + Guid.NewGuid().ToString("N"),
        ["channel"] = new JsonObject { ["id"] = channel, ["name"] = "general" },
        ["response_url"] = responseUrl?.ToString(),
        ["actions"] = new JsonArray(new JsonObject
        {
            ["type"] = "button",
            ["action_id"] = actionId,
            ["block_id"] = "b1",
            ["value"] = value,
            ["action_ts"] = "1700000000.000200",
        }),
    };

    /// <summary>A view_submission of <paramref name="view"/> (as the app opened it) with these values typed in.</summary>
    public static JsonObject ViewSubmission(JsonObject view, IReadOnlyDictionary<string, JsonObject> values, string team = "T0ALPHA", string user = "U0ALICE")
    {
        var state = new JsonObject();
        foreach (var block in view["blocks"]!.AsArray().OfType<JsonObject>().Where(b => b["type"]!.GetValue<string>() == "input"))
        {
            var id = block["block_id"]!.GetValue<string>();
            var type = block["element"]!["type"]!.GetValue<string>();
            var value = values.TryGetValue(id, out var typed) ? typed : new JsonObject { ["value"] = null };
            if (id.Contains("secret", StringComparison.Ordinal) || id.Contains("passphrase", StringComparison.Ordinal) || id == WorkspaceSettings.ApiTokenField)
            {
                var kind = id == WorkspaceSettings.ApiTokenField ? LedgerKind.Token : id.Contains("passphrase", StringComparison.Ordinal) ? LedgerKind.Passphrase : LedgerKind.Secret;
                TestRunLedger.Note(kind, value["value"] is JsonValue typedValue && typedValue.TryGetValue<string>(out var text) ? text : null);
            }

            value["type"] = type;
            state[id] = new JsonObject { ["value"] = value };
        }

        return new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = team, ["domain"] = "alpha" },
            ["user"] = new JsonObject { ["id"] = user, ["team_id"] = team },
            ["api_app_id"] = "A0ONETIME",
            ["view"] = new JsonObject
            {
                ["id"] = "V0SUBMITTED",
                ["team_id"] = team,
                ["type"] = "modal",
                ["callback_id"] = view["callback_id"]!.DeepClone(),
                ["private_metadata"] = view["private_metadata"]!.DeepClone(),
                ["state"] = new JsonObject { ["values"] = state },
                ["app_installed_team_id"] = team,
            },
        };
    }

    public static JsonObject Typed(string value) => new() { ["value"] = value };

    public static JsonObject Chosen(string value) => new() { ["selected_option"] = new JsonObject { ["value"] = value, ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = value } } };

    public static JsonObject MessageEvent(string eventId, string text, string team = "T0ALPHA", string user = "U0ALICE", string channel = "D0ALICE", string? subtype = null, string? botId = null)
    {
        TestRunLedger.TypedCommand(text);
        var message = new JsonObject
        {
            ["type"] = "message",
            ["channel"] = channel,
            ["user"] = user,
            ["text"] = text,
            ["ts"] = "1700000000.000300",
            ["channel_type"] = "im",
            ["team"] = team,
        };
        if (subtype is not null)
        {
            message["subtype"] = subtype;
        }

        if (botId is not null)
        {
            message["bot_id"] = botId;
        }

        return Envelope(eventId, message, team);
    }

    public static JsonObject Envelope(string eventId, JsonObject e, string team = "T0ALPHA") => new()
    {
        ["token"] = "XXYYZZ",
        ["team_id"] = team,
        ["api_app_id"] = "A0ONETIME",
        ["event"] = e,
        ["type"] = "event_callback",
        ["event_id"] = eventId,
        ["event_time"] = 1700000000,
        ["authorizations"] = new JsonArray(new JsonObject { ["team_id"] = team, ["user_id"] = "U0BOT", ["is_bot"] = true }),
    };
}
