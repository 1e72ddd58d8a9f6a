using System.Collections;

namespace OneTimeBot.Core.Hosting.Redaction;

/// <summary>
/// What a logger provider is handed instead of the original state or scope: the same key/value pairs (so structured
/// output such as the JSON console's <c>State</c> keeps them), with keys redacted, and the redacted text as its
/// <see cref="ToString"/>.
/// </summary>
internal sealed class RedactedState(IReadOnlyList<KeyValuePair<string, object?>> pairs, string text) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public static readonly Func<RedactedState, Exception?, string> Format = static (state, _) => state.ToString();

    public int Count => pairs.Count;

    public KeyValuePair<string, object?> this[int index] => pairs[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => pairs.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => text;
}
