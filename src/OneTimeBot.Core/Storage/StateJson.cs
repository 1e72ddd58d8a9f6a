using System.Text.Json;
using System.Text.Json.Serialization;

namespace OneTimeBot.Core.Storage;

/// <summary>How the bot's state records (settings, receipts, Slack installations) are written into a store: readable JSON, enums by name.</summary>
public static class StateJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T? Read<T>(string? json) => string.IsNullOrEmpty(json) ? default : JsonSerializer.Deserialize<T>(json, Options);
}
