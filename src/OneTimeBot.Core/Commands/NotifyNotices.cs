using OneTimeBot.Core.Localization;

namespace OneTimeBot.Core.Commands;

/// <summary>What <c>notify</c> answers, in the same words on every platform.</summary>
public static class NotifyNotices
{
    public static Notice Now(bool notify) => notify
        ? new Notice(CoreStrings.Get("Notify.Now.On.Message"), CoreStrings.Get("Notify.Now.On.Hint"))
        : new Notice(CoreStrings.Get("Notify.Now.Off.Message"), CoreStrings.Get("Notify.Now.Off.Hint"));

    public static Notice Currently(bool notify) => notify
        ? new Notice(CoreStrings.Get("Notify.Currently.On.Message"), CoreStrings.Get("Notify.Currently.On.Hint"))
        : new Notice(CoreStrings.Get("Notify.Currently.Off.Message"), CoreStrings.Get("Notify.Currently.Off.Hint"));
}
