using OneTimeBot.SecretServer.Localization;

namespace OneTimeBot.SecretServer.Pages;

/// <summary>
/// The page a request to a secret or receipt page gets when the host refuses it before the service sees it (a body too
/// large or unreadable): laid out like every other page of the service, in the language the request asks for (see
/// <see cref="PageLanguage.Of"/>; the caller opens the scope), and saying that nothing happened. It has no language
/// switch: it answers a POST whose address a GET may not serve, and the way on is back to the link.
/// </summary>
public static class RefusalPage
{
    /// <summary>The answer to a body over <paramref name="limit"/> bytes.</summary>
    public static string TooLarge(long limit) =>
        Render(PageStrings.Get("Refusal.TooLarge.Title"), PageStrings.Format("Refusal.TooLarge.Message", limit));

    /// <summary>The answer to a body that could not be read.</summary>
    public static string Unreadable() =>
        Render(PageStrings.Get("Refusal.Unreadable.Title"), PageStrings.Get("Refusal.Unreadable.Message"));

    public static string Render(string title, string message) => PageRenderer.Layout(title, null, html =>
    {
        html.Element("h1", title);
        html.Element("p", message + " " + PageStrings.Get("Refusal.NothingHappened"));
    });
}
