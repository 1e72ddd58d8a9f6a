using System.Text.Json;
using System.Text.Json.Nodes;
using OneTimeBot.Slack.BlockKit;

namespace OneTimeBot.Slack.Hosting;

/// <summary>
/// What <see cref="SlackInbound"/> answers a request, whatever carried it: a status as HTTP would give it, and the JSON
/// body Slack reads (a command's reply, a modal's <c>response_action</c>), if any. The HTTP endpoints turn it into a
/// response; Socket Mode puts <see cref="Json"/> into the envelope's ack.
/// </summary>
public sealed record SlackAnswer(int Status, byte[]? Json = null, string? Problem = null)
{
    /// <summary>Slack's empty acknowledgement.</summary>
    public static SlackAnswer Ok { get; } = new(200);

    /// <summary>Not acted on: the request is to be tried again later (Slack retries an event it sees unanswered).</summary>
    public static SlackAnswer Unavailable { get; } = new(503);

    public bool IsSuccess => Status == 200;

    public static SlackAnswer Reply(SlackReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return new(200, reply.ToUtf8Json());
    }

    public static SlackAnswer Body(JsonObject body) => new(200, JsonSerializer.SerializeToUtf8Bytes(body, SlackReply.WireOptions));

    /// <summary>Not a request Slack sends; <paramref name="problem"/> says for the developer what was missing.</summary>
    public static SlackAnswer Malformed(string problem) => new(400, Problem: problem);
}
