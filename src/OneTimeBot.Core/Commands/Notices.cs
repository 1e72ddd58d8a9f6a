using OneTimeBot.Core.Localization;

namespace OneTimeBot.Core.Commands;

/// <summary>The notices every platform says in the same words.</summary>
public static class Notices
{
    /// <summary>The one apology, for a failure on OneTimeBot's side: nothing the user did, nothing half done.</summary>
    public static Notice Apology => new(CoreStrings.Get("Notice.Apology.Message"), CoreStrings.Get("Notice.Apology.Hint"));

    /// <summary>A secret typed into a chat is already in its history: a link made from it would only pretend to protect it.</summary>
    public static Notice SecretTypedInChat => new(CoreStrings.Get("Notice.SecretTypedInChat.Message"), CoreStrings.Get("Notice.SecretTypedInChat.Hint"));

    /// <summary>The apology as one line, for the places (a form field, a plain-text invoke answer) that hold one.</summary>
    public static string AsLine(this Notice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return $"{notice.Message} {notice.Hint}";
    }
}
