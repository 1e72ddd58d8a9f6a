using System.Text.Json.Nodes;

namespace OneTimeBot.Slack.WebApi;

/// <summary>
/// What a Web API method answered. Slack answers HTTP 200 even on failure, with <c>ok:false</c> and an error code;
/// a transport failure, a rate limit or an unreadable answer is reported the same way, with our own code.
/// </summary>
public sealed record SlackApiResponse(bool Ok, string? Error, JsonObject Body)
{
    public const string Unreachable = "onetimebot_unreachable";
    public const string RateLimited = "ratelimited";
    public const string Unreadable = "onetimebot_unreadable";

    public static SlackApiResponse Failed(string error) => new(false, error, []);

    public string? Text(string name) => Body[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
