using System.Text;

namespace OneTimeBot.Slack.Payloads;

/// <summary>
/// Text as Slack sends it (a slash command's with <c>should_escape</c>, a message event's): <c>&amp;</c>, <c>&lt;</c> and
/// <c>&gt;</c> escaped, and what Slack recognised wrapped in <c>&lt;…&gt;</c>: people <c>&lt;@U123|ada&gt;</c> or
/// <c>&lt;@U123&gt;</c>, channels <c>&lt;#C123|general&gt;</c>, <c>&lt;!here&gt;</c>, user groups, links
/// <c>&lt;https://…&gt;</c> or <c>&lt;http://example.com|example.com&gt;</c>. This reads a leading person out of it, and
/// turns the rest back into what was typed. Links and escaped characters come back exactly; a name Slack recognised
/// does not, so text that must be exact (a secret) is first checked with <see cref="HoldsName"/>.
/// </summary>
public static class SlackText
{
    /// <summary>
    /// What the person typed, as near as Slack lets it be read back: a link as written and the three entities unescaped,
    /// exactly; a name Slack recognised as Slack shows it (<c>@ada</c>, <c>#general</c>, <c>@here</c>), which may not be
    /// what was typed: Slack gives its own handle, or only an id (<c>&lt;@U123&gt;</c> becomes <c>@U123</c>).
    /// </summary>
    public static string Unescape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var typed = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var end = text[i] == '<' ? text.IndexOf('>', i + 1) : -1;
            if (end > i)
            {
                // Slack escapes every '<' a person types, so one here opens Slack's own markup.
                typed.Append(AsTyped(text[(i + 1)..end]));
                i = end + 1;
            }
            else if (text[i] == '&' && Entity(text, i) is { } entity)
            {
                typed.Append(entity.Character);
                i += entity.Length;
            }
            else
            {
                typed.Append(text[i]);
                i++;
            }
        }

        return typed.ToString();
    }

    /// <summary>
    /// Whether Slack recognised a name in the text and wrapped it: a person (<c>&lt;@U123|ada&gt;</c>), a channel
    /// (<c>&lt;#C123&gt;</c>), a user group (<c>&lt;!subteam^S123&gt;</c>) or a special mention (<c>&lt;!here&gt;</c>). What
    /// was typed there cannot be read back exactly (see <see cref="Unescape"/>). A link or an escaped character is no name.
    /// </summary>
    public static bool HoldsName(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = text.IndexOf('<', StringComparison.Ordinal); i >= 0 && i < text.Length - 1; i = text.IndexOf('<', i + 1))
        {
            // The same reading as Unescape's: a '<' with a '>' after it opens Slack's markup, since Slack escapes typed ones.
            if (text[i + 1] is '@' or '#' or '!' && text.IndexOf('>', i + 1) > i)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The person the text starts with, if it starts with someone: a mention of one person, or what stands where one
    /// would (a channel, a group, a name Slack did not recognise), and the text after it, one separating space dropped.
    /// </summary>
    public static LeadingName ReadLeadingName(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        // A mention runs to its '>' (a name Slack gives in it may hold a space); any other word to the next white space.
        var end = start;
        var closer = start < text.Length && text[start] == '<' ? text.IndexOf('>', start) : -1;
        if (closer > start)
        {
            end = closer + 1;
        }
        else
        {
            while (end < text.Length && !char.IsWhiteSpace(text[end]))
            {
                end++;
            }
        }

        var word = text[start..end];
        var rest = end < text.Length && char.IsWhiteSpace(text[end]) ? text[(end + 1)..] : text[end..];
        if (word.StartsWith('@'))
        {
            // With should_escape, Slack sends every person it knows as a mention: a bare @name is someone it does not.
            return new LeadingName(LeadingNameKind.Unrecognised, null, Unescape(word), rest);
        }

        if (!word.StartsWith('<'))
        {
            return new LeadingName(LeadingNameKind.None, null, null, text);
        }

        var closed = word.EndsWith('>');
        var inner = closed ? word[1..^1] : word[1..];
        var bar = inner.IndexOf('|', StringComparison.Ordinal);
        var target = bar < 0 ? inner : inner[..bar];
        var label = bar < 0 ? null : Unescape(inner[(bar + 1)..]);
        return (closed, target) switch
        {
            (true, ['@', .. var id]) when IsUserId(id) => new LeadingName(LeadingNameKind.Person, id, label is { Length: > 0 } ? label : null, rest),
            (_, ['@', ..]) => new LeadingName(LeadingNameKind.Unreadable, null, null, rest),
            (true, ['#', ..]) => new LeadingName(LeadingNameKind.Channel, null, "#" + (label ?? target[1..]), rest),
            (true, ['!', ..]) => new LeadingName(LeadingNameKind.Group, null, AsTyped(inner), rest),
            (false, ['#' or '!', ..]) => new LeadingName(LeadingNameKind.Unreadable, null, null, rest),
            // A link, or anything else Slack wrapped, is text that starts with something, not a name.
            _ => new LeadingName(LeadingNameKind.None, null, null, text),
        };
    }

    /// <summary>A Slack user id: <c>U…</c>, or <c>W…</c> in an Enterprise Grid org, of capital letters and digits.</summary>
    public static bool IsUserId(string? id) =>
        id is { Length: >= 3 and <= 32 } && id[0] is 'U' or 'W' && id.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c));

    /// <summary>What a person typed that Slack turned into the control sequence <c>&lt;<paramref name="inner"/>&gt;</c>.</summary>
    private static string AsTyped(string inner)
    {
        var bar = inner.IndexOf('|', StringComparison.Ordinal);
        var target = bar < 0 ? inner : inner[..bar];
        var label = bar < 0 ? null : inner[(bar + 1)..];
        var typed = target switch
        {
            ['@', .. var user] => "@" + (label ?? user),
            ['#', .. var channel] => "#" + (label ?? channel),
            "!here" or "!channel" or "!everyone" => "@" + target[1..],
            // A user group's label is its handle as typed (@team); a date's is its fallback text.
            ['!', .. var special] => label ?? "@" + special,
            // A link: Slack adds the scheme to what was typed (example.com) and keeps that as the label.
            _ => label ?? target,
        };
        return Unescape(typed);
    }

    private static (char Character, int Length)? Entity(string text, int at) =>
        string.CompareOrdinal(text, at, "&amp;", 0, 5) == 0 ? ('&', 5)
        : string.CompareOrdinal(text, at, "&lt;", 0, 4) == 0 ? ('<', 4)
        : string.CompareOrdinal(text, at, "&gt;", 0, 4) == 0 ? ('>', 4)
        : null;
}

/// <summary>What stands first in a command's text where a person may be named.</summary>
public enum LeadingNameKind
{
    /// <summary>Nothing that names anyone: the text is all arguments.</summary>
    None,

    /// <summary>A mention of one person Slack recognised.</summary>
    Person,

    /// <summary>A channel: a link goes to one person, never into a channel.</summary>
    Channel,

    /// <summary>@here, @channel, @everyone or a user group: not one person.</summary>
    Group,

    /// <summary>An @name Slack did not turn into a mention: nobody it knows by that name.</summary>
    Unrecognised,

    /// <summary>A mention that is not in Slack's shape.</summary>
    Unreadable,
}

/// <summary>
/// The first word of a command's text when it names (or tries to name) someone: a <see cref="LeadingNameKind.Person"/>
/// with their user id and the name Slack gave, or what it was instead, as typed; and the text after it.
/// The rest may be a secret: this type never prints it.
/// </summary>
public sealed record LeadingName(LeadingNameKind Kind, string? UserId, string? Written, string Rest)
{
    public override string ToString() => $"LeadingName {{ Kind = {Kind}, UserId = {UserId} }}";
}
