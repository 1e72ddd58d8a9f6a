using OneTimeBot.Slack.Payloads;

namespace OneTimeBot.Slack.Views;

/// <summary>Reads a submitted modal's values, <c>view.state.values[block_id]["value"]</c>, whatever the element type.</summary>
public sealed class ViewValues(ViewState? state)
{
    /// <summary>Whether the modal had this input at all (Slack sends every input block, an empty one with a null value).</summary>
    public bool Has(string blockId) => Value(blockId) is not null;

    public string? Text(string blockId) => Value(blockId)?.Value is { } text && text.Length > 0 ? text : null;

    public string? Selected(string blockId) => Value(blockId)?.SelectedOption?.Value;

    public bool Checked(string blockId, string option) => Value(blockId)?.SelectedOptions?.Any(o => o.Value == option) == true;

    private ViewValue? Value(string blockId) =>
        state?.Values is { } values && values.TryGetValue(blockId, out var block) && block.TryGetValue(Inputs.ValueAction, out var value) ? value : null;
}
