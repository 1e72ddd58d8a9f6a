using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Slack.Payloads;

namespace OneTimeBot.Slack.Views;

/// <summary>
/// Reads a submitted modal's values, <c>view.state.values[id]["value"]</c>, whatever the element type. An input's id
/// is its block id.
/// </summary>
public sealed class ViewValues(ViewState? state) : ISettingsFormValues
{
    /// <summary>Whether the modal had this input at all (Slack sends every input block, an empty one with a null value).</summary>
    public bool Has(string id) => Value(id) is not null;

    /// <summary>The text typed into the input, or the value of the option chosen in it; null when empty.</summary>
    public string? Text(string id) => Value(id) is { } value && (value.Value ?? value.SelectedOption?.Value) is { Length: > 0 } text ? text : null;

    /// <summary>The person picked in a user picker, when it holds a Slack user id; else null.</summary>
    public Person? User(string id) => Value(id)?.SelectedUser is { } user && SlackText.IsUserId(user) ? new Person(user) : null;

    /// <summary>Whether a checkbox input has its option ticked.</summary>
    public bool IsChecked(string id) => Value(id)?.SelectedOptions is { Count: > 0 };

    private ViewValue? Value(string id) =>
        state?.Values is { } values && values.TryGetValue(id, out var block) && block.TryGetValue(Inputs.ValueAction, out var value) ? value : null;
}
