using System.Text.Json;

namespace OneTimeBot.Teams.Cards;

/// <summary>
/// What a submitted card form holds: the inputs by id and the submit action's data, flattened into one object as
/// Teams sends it. Values may be secrets: this type never prints them.
/// </summary>
public sealed class FormValues
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public FormValues(JsonElement? data)
    {
        if (data is { ValueKind: JsonValueKind.Object } obj)
        {
            foreach (var property in obj.EnumerateObject())
            {
                if (property.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number)
                {
                    _values[property.Name] = property.Value.ToString();
                }
            }
        }
    }

    public string? this[string id] => _values.TryGetValue(id, out var value) && value.Length > 0 ? value : null;

    public string? Action => this[CardActions.Key];

    public override string ToString() => $"FormValues({_values.Count} fields)";
}
