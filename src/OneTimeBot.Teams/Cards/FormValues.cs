using System.Text.Json;
using OneTimeBot.Core.Workspaces;

namespace OneTimeBot.Teams.Cards;

/// <summary>The inputs of a submitted card form by id, as text. Values may be secrets: this type never prints them.</summary>
public sealed class FormValues : ISettingsFormValues
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string>? _shown;

    /// <summary>The submitted inputs, and the ids of every input the form showed when its submit button lists them.</summary>
    public FormValues(IEnumerable<KeyValuePair<string, JsonElement>>? inputs, IEnumerable<string>? shown = null)
    {
        _shown = shown is null ? null : new HashSet<string>(shown, StringComparer.Ordinal);
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

    public string? Text(string id) => this[id];

    /// <summary>Whether the form showed the input: Teams leaves an emptied one out, so the form's own list says.</summary>
    public bool Has(string id) => _values.ContainsKey(id) || (_shown?.Contains(id) ?? ShownOnAnUnlistedCard(id));

    /// <summary>
    /// Settings cards posted before their Save button listed the inputs still send none: they showed the username
    /// wherever they showed the secret service, so an emptied username on them still clears it.
    /// </summary>
    private bool ShownOnAnUnlistedCard(string id) => id == SettingsFields.Username && this[SettingsFields.Backend] is not null;

    /// <summary>An Input.Toggle sends its <c>valueOn</c>, which OneTimeBot's toggles set to "true".</summary>
    public bool IsChecked(string id) => this[id] == "true";

    public override string ToString() => $"FormValues({_values.Count} fields)";
}
