using System.Buffers;
using System.Text.RegularExpressions;

namespace OneTimeBot.Core.Hosting.Redaction;

/// <summary>
/// A link's keys are bearer credentials, and they travel in URL paths: <c>/secret/KEY</c>, <c>/receipt/KEY</c>,
/// <c>/api/v1/{secret,private,metadata,receipt}/KEY</c>. This replaces the segment after each such prefix with
/// <see cref="Placeholder"/> wherever it appears in a text: a bare path, a whole link, a URL-encoded or JSON-escaped one.
/// <c>/api/v1/private/recent</c> and a trailing <c>/burn</c> stay readable. A credential a client wrongly put in a query
/// string (<c>?secret=…</c>, <c>?passphrase=…</c>, an OAuth <c>?code=…</c>, a <c>token</c>) is replaced the same way:
/// the host ignores such a secret, but the request line that carried it is still logged.
/// </summary>
public static partial class KeyedPathRedactor
{
    public const string Placeholder = "[redacted]";

    // The cheap test first, because nearly every log line passes through it: a keyed prefix is one of these words
    // right before a separator ("/", "%2F" or JSON's "\/"). One vectorised search for separator characters and a few
    // short comparisons at each; only a line that passes it meets the regular expression.
    private static readonly SearchValues<char> SeparatorStarts = SearchValues.Create("/%\\=");
    private static readonly string[] KeyedWords = ["secret", "receipt", "private", "metadata"];
    private static readonly string[] CredentialParameters = ["secret", "passphrase", "value", "code", "token", "access_token", "client_secret"];

    /// <summary>False when <paramref name="text"/> certainly holds no key; true when it may (then <see cref="Redact"/> decides).</summary>
    public static bool MayHoldKey(ReadOnlySpan<char> text)
    {
        var start = 0;
        int found;
        while ((found = text[start..].IndexOfAny(SeparatorStarts)) >= 0)
        {
            var before = text[..(start + found)];
            if (text[start + found] == '=' ? EndsWithCredentialParameter(before) : EndsWithKeyedWord(before))
            {
                return true;
            }

            start += found + 1;
        }

        return false;
    }

    private static bool EndsWithKeyedWord(ReadOnlySpan<char> before)
    {
        // Each word ends in t, e or a (either case): most separators are rejected on that one character.
        if (before.Length < 6 || (char)(before[^1] | 0x20) is not ('t' or 'e' or 'a'))
        {
            return false;
        }

        foreach (var word in KeyedWords)
        {
            if (before.EndsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool EndsWithCredentialParameter(ReadOnlySpan<char> before)
    {
        foreach (var name in CredentialParameters)
        {
            if (before.EndsWith(name, StringComparison.OrdinalIgnoreCase) && before.Length > name.Length && before[^(name.Length + 1)] is '?' or '&')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The text with every keyed segment replaced by <see cref="Placeholder"/>; the same instance when there is none.</summary>
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return MayHoldKey(text)
            ? CredentialParameter().Replace(KeyedSegment().Replace(text, "${prefix}" + Placeholder), "${prefix}" + Placeholder)
            : text;
    }

    // A separator is "/", "%2F" (also encoded twice, "%252F") or JSON's "\/" and "\u002F"; routing ignores case, so
    // "/SECRET/KEY" reaches the same page. Whatever a mangled link puts between the prefix and the key (more
    // separators, an encoded or plain space, a quote) is skipped, since the key still follows. A segment ends at the
    // next separator, query, fragment, quote, space or markup.
    [GeneratedRegex(
        """(?<prefix>(?:/|%2f|%252f|\\/|\\u002f)(?:secret|receipt|metadata|private(?!(?:/|%2f|%252f|\\/|\\u002f)recent(?:[/?#%\\\s"'<>&]|$)))(?:/|%2f|%252f|\\/|\\u002f)(?:/|%2f|%252f|%20|\\/|\\u002f|\s|["'])*)[^/?#%\\\s"'<>&]+""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KeyedSegment();

    // A query parameter's value ends at the next parameter, fragment, quote, space or markup.
    [GeneratedRegex(
        """(?<prefix>[?&](?:secret|passphrase|value|code|token|access_token|client_secret)=)[^&#\s"'<>]+""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CredentialParameter();
}
