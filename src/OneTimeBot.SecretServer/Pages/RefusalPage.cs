using System.Text.Encodings.Web;

namespace OneTimeBot.SecretServer.Pages;

/// <summary>
/// The page a request to a secret or receipt page gets when the host refuses it before the service sees it (a body too
/// large or unreadable): laid out like every other page of the service, and saying that nothing happened.
/// </summary>
public static class RefusalPage
{
    public static string Render(string title, string message)
    {
        var html = HtmlEncoder.Default;
        return PageRenderer.Layout(title, $"<h1>{html.Encode(title)}</h1><p>{html.Encode(message)} Nothing was revealed or changed. Go back to the link and try again.</p>");
    }
}
