using System.Collections;

namespace OneTimeBot.Core.Hosting.Redaction;

/// <summary>The keys taken out of what a log line carries: structured values, key/value lists and scopes.</summary>
internal static class RedactedValues
{
    /// <summary>The value itself when it cannot hold a key; else its text, redacted.</summary>
    public static object? Value(object? value)
    {
        switch (value)
        {
            case null:
                return null;
            case string text:
                return KeyedPathRedactor.Redact(text);
            case bool or char or byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal
                or DateTime or DateTimeOffset or TimeSpan or Guid or Enum:
                return value;
            case IEnumerable items:
                // Message templates write a list as its items joined by commas.
                var joined = string.Join(", ", items.Cast<object?>());
                return KeyedPathRedactor.MayHoldKey(joined) ? KeyedPathRedactor.Redact(joined) : value;
            default:
                // Paths, URIs and other objects reach a log line as their text.
                var rendered = value.ToString();
                return rendered is not null && KeyedPathRedactor.MayHoldKey(rendered) ? KeyedPathRedactor.Redact(rendered) : value;
        }
    }

    /// <summary>The same list when no value holds a key; else a copy with those values redacted.</summary>
    public static IReadOnlyList<KeyValuePair<string, object?>> Pairs(IReadOnlyList<KeyValuePair<string, object?>> pairs)
    {
        KeyValuePair<string, object?>[]? copy = null;
        for (var i = 0; i < pairs.Count; i++)
        {
            var pair = pairs[i];
            var redacted = Value(pair.Value);
            if (copy is null && ReferenceEquals(redacted, pair.Value))
            {
                continue;
            }

            if (copy is null)
            {
                copy = new KeyValuePair<string, object?>[pairs.Count];
                for (var j = 0; j < i; j++)
                {
                    copy[j] = pairs[j];
                }
            }

            copy[i] = new KeyValuePair<string, object?>(pair.Key, redacted);
        }

        return copy ?? pairs;
    }

    /// <summary>
    /// A scope as it may be shown: itself when it holds no key, else a <see cref="RedactedState"/> with its values and
    /// its text redacted (console formatters write both).
    /// </summary>
    public static object? Scope(object? scope)
    {
        switch (scope)
        {
            case null or RedactedState:
                return scope;
            case string text:
                return KeyedPathRedactor.Redact(text);
            case IReadOnlyList<KeyValuePair<string, object?>> list:
                return Listed(scope, list);
            case IEnumerable<KeyValuePair<string, object?>> sequence:
                return Listed(scope, sequence.ToArray());
            case IEnumerable<KeyValuePair<string, string?>> sequence:
                return Listed(scope, sequence.Select(p => new KeyValuePair<string, object?>(p.Key, p.Value)).ToArray());
            default:
                return Value(scope);
        }
    }

    private static object Listed(object scope, IReadOnlyList<KeyValuePair<string, object?>> list)
    {
        var pairs = Pairs(list);
        // A scope's text is made of its values (the framework's scopes, and scopes from message templates, whose template
        // is one of the values): when none holds a key, neither does the text, and it need not be rendered here. Providers
        // read scopes on every line, so this keeps a clean scope at a few scans.
        return ReferenceEquals(pairs, list) ? scope : new RedactedState(pairs, KeyedPathRedactor.Redact(scope.ToString() ?? ""));
    }
}
