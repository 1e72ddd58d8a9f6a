namespace OneTimeBot.Teams.Activities;

/// <summary>What the user typed to the bot, without the bot's own @mention ("&lt;at&gt;OneTimeBot&lt;/at&gt; generate" is "generate").</summary>
public static class MentionText
{
    public static string Of(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var text = activity.Text ?? "";
        foreach (var mention in activity.Entities ?? [])
        {
            if (mention.Type == "mention" && mention.Mentioned?.Id == activity.Recipient?.Id && mention.Text is { Length: > 0 } tag)
            {
                text = text.Replace(tag, "", StringComparison.Ordinal);
            }
        }

        // Teams sends a mention as <at>Name</at>; a leading one left without an entity is stripped too.
        return text.TrimStart().StartsWith("<at>", StringComparison.OrdinalIgnoreCase) && text.IndexOf("</at>", StringComparison.OrdinalIgnoreCase) is var end and > 0
            ? text[(end + 5)..].TrimStart()
            : text.TrimStart();
    }
}
