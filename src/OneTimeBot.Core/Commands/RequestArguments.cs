using OneTimeBot.Core.Messaging;

namespace OneTimeBot.Core.Commands;

/// <summary>
/// <c>request @person what it is for</c>: the first word is the person, as the platform reads it, and the rest is the
/// note. When the first word names nobody, the whole text is the note and the person is missing, which the request's
/// rules explain.
/// </summary>
public static class RequestArguments
{
    public static (Person? Asked, string Note) Read(string arguments, MentionReader mentions)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(mentions);
        var text = arguments.Trim();
        var end = 0;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        return mentions(text[..end]) is { } person ? (person, text[end..].Trim()) : (null, text);
    }
}
