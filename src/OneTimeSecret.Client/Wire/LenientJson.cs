using System.Globalization;
using System.Text.Json;

namespace OneTimeSecret.Client.Wire;

/// <summary>
/// Field readers that accept what Onetime Secret servers of different ages actually send:
/// numbers as integers or numeric strings, nulls where docs promise values, a string where an array is expected.
/// </summary>
internal static class LenientJson
{
    public static string? String(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var p) ? p.ValueKind switch
        {
            JsonValueKind.String => p.GetString(),
            JsonValueKind.Number => p.GetRawText(),
            _ => null,
        } : null;

    public static string RequiredString(JsonElement obj, string name) =>
        String(obj, name) is { Length: > 0 } value ? value : throw new OtsWireFormatException($"the field '{name}' is missing");

    public static long? Int64(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var p))
        {
            return null;
        }

        return p.ValueKind switch
        {
            JsonValueKind.Number when p.TryGetInt64(out var l) => l,
            JsonValueKind.Number when p.TryGetDouble(out var d) => (long)d,
            JsonValueKind.String => ParseNumber(p.GetString()),
            _ => null,
        };
    }

    public static bool Boolean(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var p))
        {
            return false;
        }

        return p.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.String => bool.TryParse(p.GetString(), out var b) ? b : p.GetString() == "1",
            JsonValueKind.Number => p.TryGetInt64(out var n) && n != 0,
            _ => false,
        };
    }

    public static IReadOnlyList<string> Strings(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var p))
        {
            return [];
        }

        return p.ValueKind switch
        {
            JsonValueKind.Array => p.EnumerateArray()
                .Where(e => e.ValueKind == JsonValueKind.String && !string.IsNullOrEmpty(e.GetString()))
                .Select(e => e.GetString()!)
                .ToArray(),
            JsonValueKind.String when !string.IsNullOrEmpty(p.GetString()) => [p.GetString()!],
            _ => [],
        };
    }

    private static long? ParseNumber(string? text)
    {
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l))
        {
            return l;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? (long)d : null;
    }
}
