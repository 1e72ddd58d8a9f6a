namespace OneTimeBot.Core.Commands;

/// <summary>What <c>notify</c> answers, in the same words on every platform.</summary>
public static class NotifyNotices
{
    public static Notice Now(bool notify) => notify
        ? new Notice("You'll get a message when one of your links is opened, burned or expires unopened.", "Say notify off to stop these messages.")
        : new Notice("You won't get messages about your links any more.", "Say notify on to get them again. Your recent links still show what became of each one.");

    public static Notice Currently(bool notify) => notify
        ? new Notice("You get a message when one of your links is opened, burned or expires unopened.", "Say notify off to stop them.")
        : new Notice("You don't get messages about your links.", "Say notify on to get one when a link is opened, burned or expires unopened.");
}
