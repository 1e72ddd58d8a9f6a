using System.Text.Encodings.Web;
using System.Text.Json;

namespace OneTimeBot.Teams.Activities;

/// <summary>Bot Framework JSON is camelCase; unknown fields are ignored, as Teams adds them freely.</summary>
public static class TeamsJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        MaxDepth = 32,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static Activity? TryReadActivity(ReadOnlySpan<byte> json)
    {
        try
        {
            return JsonSerializer.Deserialize<Activity>(json, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>An activity's <c>value</c> as the payload its route expects; null when it is not an object of that shape.</summary>
    public static T? TryReadValue<T>(JsonElement? value)
        where T : class
    {
        if (value is not { ValueKind: JsonValueKind.Object } json)
        {
            return null;
        }

        try
        {
            return json.Deserialize<T>(Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
