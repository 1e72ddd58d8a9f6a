using System.Text.Json;

namespace OneTimeBot.Teams.Cards;

/// <summary>The inputs of a submitted card form by id, as text. Values may be secrets: this type never prints them.</summary>
public sealed class FormValues
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public FormValues(IEnumerable<KeyValuePair<string, JsonElement>>? inputs)
    {
        foreach (var (id, value) in inputs ?? [])
        {
            if (value.ValueKind is JsonValueKind.String or JsonValueKind.Number)
            {
                _values[id] = value.ToString();
            }
        }
    }

    /// <summary>What was typed or chosen in the input, or null when it is missing or empty.</summary>
    public string? this[string id] => _values.TryGetValue(id, out var value) && value.Length > 0 ? value : null;

    public override string ToString() => $"FormValues({_values.Count} fields)";
}
