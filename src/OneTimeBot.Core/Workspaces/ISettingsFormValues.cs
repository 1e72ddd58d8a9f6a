namespace OneTimeBot.Core.Workspaces;

/// <summary>What a submitted settings form holds, whatever the platform's wire format.</summary>
public interface ISettingsFormValues
{
    /// <summary>The text typed or the value chosen in an input; null when empty or absent.</summary>
    string? Text(string id);

    /// <summary>Whether the form showed the input at all (an emptied field clears; a field not shown leaves alone).</summary>
    bool Has(string id);

    /// <summary>Whether a checkbox input is ticked.</summary>
    bool IsChecked(string id);
}
