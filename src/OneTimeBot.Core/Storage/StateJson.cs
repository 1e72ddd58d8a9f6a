using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

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

    /// <summary>The same JSON as <see cref="Write{T}(T)"/>, through metadata made at build time (<see cref="StateJsonContext"/>).</summary>
    internal static string Write<T>(T value, JsonTypeInfo<T> typeInfo) => JsonSerializer.Serialize(value, typeInfo);

    /// <summary>The UTF-8 of <see cref="Write{T}(T, JsonTypeInfo{T})"/>, for a store that sends bytes: no string made and encoded again.</summary>
    internal static byte[] WriteUtf8<T>(T value, JsonTypeInfo<T> typeInfo) => JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);

    internal static T? Read<T>(string? json, JsonTypeInfo<T> typeInfo) => string.IsNullOrEmpty(json) ? default : JsonSerializer.Deserialize(json, typeInfo);
}
