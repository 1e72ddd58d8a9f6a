using System.Text.Json;

namespace OneTimeBot.Slack.Payloads;

/// <summary>Slack's payloads are snake_case JSON; unknown fields are ignored, as Slack adds them freely.</summary>
internal static class SlackJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        MaxDepth = 32,
    };

    /// <summary>The payload, or null when the JSON is malformed or not of this shape.</summary>
    public static T? TryRead<T>(string? json)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(json, Options);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }
}
