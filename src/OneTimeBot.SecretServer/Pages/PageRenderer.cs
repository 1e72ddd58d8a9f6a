using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using OneTimeBot.SecretServer.Model;

namespace OneTimeBot.SecretServer.Pages;

/// <summary>
/// The HTML a recipient and a sender see. Every dynamic value is HTML-encoded; pages work without JavaScript
/// (the script only adds the copy button).
/// </summary>
internal static class PageRenderer
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    public static string SecretForm(string secretKey, bool passphraseRequired, string? error = null)
    {
        var body = new StringBuilder();
        body.Append("<h1>Someone shared a secret with you</h1>");
        body.Append("<p>It can be viewed once. When you reveal it, it is deleted from the server, so copy it somewhere safe.</p>");
        body.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"/secret/{Html.Encode(secretKey)}\">");
        if (passphraseRequired)
        {
            body.Append("<p>The sender protected it with a passphrase. Ask them for it if you do not have it.</p>");
            body.Append("<label for=\"passphrase\">Passphrase</label>");
            var invalid = error is null ? "" : " aria-invalid=\"true\" aria-describedby=\"passphrase-error\"";
            body.Append(CultureInfo.InvariantCulture, $"<input type=\"password\" id=\"passphrase\" name=\"passphrase\" required autocomplete=\"off\" autofocus{invalid}>");
            if (error is not null)
            {
                body.Append(CultureInfo.InvariantCulture, $"<p class=\"error\" id=\"passphrase-error\" role=\"alert\">{Html.Encode(error)}</p>");
            }
        }

        body.Append("<button type=\"submit\">Reveal secret</button></form>");
        return Layout("A secret for you", body.ToString());
    }

    public static string Revealed(string value)
    {
        var rows = Math.Clamp(value.Count(c => c == '\n') + 2, 3, 20);
        var body = new StringBuilder();
        body.Append("<h1>Your secret</h1>");
        body.Append("<p>This is the only time it is shown: it has been deleted from the server. Copy it now.</p>");
        body.Append("<label for=\"secret-value\">Secret</label>");
        body.Append(CultureInfo.InvariantCulture, $"<textarea id=\"secret-value\" readonly rows=\"{rows}\" spellcheck=\"false\" autocomplete=\"off\">{Html.Encode(value)}</textarea>");
        body.Append("<button type=\"button\" hidden data-copy-target=\"secret-value\" data-copy-status=\"copy-status\">Copy to clipboard</button>");
        body.Append("<p id=\"copy-status\" class=\"muted\" role=\"status\" aria-live=\"polite\"></p>");
        return Layout("Your secret", body.ToString());
    }

    public static string Gone() => Layout(
        "Secret not available",
        "<h1>This secret is no longer available</h1>" +
        "<p>It has already been viewed, was burned by its sender, or has expired. Each secret can be seen only once.</p>" +
        "<p>If you still need it, ask the sender to share it again.</p>");

    public static string RateLimited(TimeSpan retryAfter)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes));
        var wait = minutes == 1 ? "a minute" : string.Create(CultureInfo.InvariantCulture, $"{minutes} minutes");
        return Layout(
            "Too many attempts",
            $"<h1>Too many attempts</h1><p>There have been too many attempts from your network or on this secret. Wait {wait} and try again.</p>");
    }

    public static string Receipt(Receipt view, Uri? secretLink, string? error = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        var receipt = view.Record;
        var body = new StringBuilder();
        body.Append("<h1>Secret receipt</h1>");
        body.Append("<p class=\"muted\">Keep this page's address to yourself: it can burn the secret.</p>");
        body.Append("<dl>");
        Row(body, "Status", Describe(receipt.State));
        Row(body, "Created", Instant(receipt.Created));
        Row(body, ReceiptState.SecretAlive(receipt.State) ? "Expires" : "Would have expired", Instant(receipt.SecretExpiresAt));
        if (receipt.Received is { } received)
        {
            Row(body, "Viewed", Instant(received));
        }

        Row(body, "Passphrase", receipt.PassphraseRequired ? "required" : "none");
        if (receipt.Recipients.Count > 0)
        {
            Row(body, "Recipient", string.Join(", ", receipt.Recipients));
        }

        body.Append("</dl>");

        if (secretLink is not null && ReceiptState.SecretAlive(receipt.State))
        {
            body.Append("<label for=\"secret-link\">Link to share</label>");
            body.Append(CultureInfo.InvariantCulture, $"<input type=\"text\" id=\"secret-link\" readonly value=\"{Html.Encode(secretLink.ToString())}\">");
            body.Append("<button type=\"button\" hidden data-copy-target=\"secret-link\" data-copy-status=\"copy-status\">Copy link</button>");
            body.Append("<p id=\"copy-status\" class=\"muted\" role=\"status\" aria-live=\"polite\"></p>");
            body.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"/receipt/{Html.Encode(view.MetadataKey)}/burn\">");
            if (receipt.PassphraseRequired)
            {
                body.Append("<label for=\"passphrase\">Passphrase (needed to burn)</label>");
                var invalid = error is null ? "" : " aria-invalid=\"true\" aria-describedby=\"burn-error\"";
                body.Append(CultureInfo.InvariantCulture, $"<input type=\"password\" id=\"passphrase\" name=\"passphrase\" required autocomplete=\"off\"{invalid}>");
            }

            if (error is not null)
            {
                body.Append(CultureInfo.InvariantCulture, $"<p class=\"error\" id=\"burn-error\" role=\"alert\">{Html.Encode(error)}</p>");
            }

            body.Append("<button type=\"submit\" class=\"danger\">Burn this secret</button></form>");
        }

        return Layout("Secret receipt", body.ToString());
    }

    public static string UnknownReceipt() => Layout(
        "Receipt not found",
        "<h1>No such receipt</h1><p>This receipt does not exist or has expired. Receipts are kept for twice the secret's lifetime.</p>");

    private static string Describe(string state) => state switch
    {
        ReceiptState.New => "Not viewed yet",
        ReceiptState.Viewed => "Not viewed yet",
        ReceiptState.Received => "Viewed by the recipient (received)",
        ReceiptState.Burned => "Burned by the sender",
        ReceiptState.Expired => "Expired unread",
        _ => state,
    };

    private static void Row(StringBuilder body, string term, string value) =>
        body.Append(CultureInfo.InvariantCulture, $"<dt>{Html.Encode(term)}</dt><dd>{Html.Encode(value)}</dd>");

    private static string Instant(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>A whole page around <paramref name="body"/>: every page of the service has this head, stylesheet and footer.</summary>
    internal static string Layout(string title, string body) => $"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex, nofollow">
        <meta name="referrer" content="no-referrer">
        <title>{Html.Encode(title)} · OneTimeBot</title>
        <link rel="stylesheet" href="{PageAssets.StylesheetPath}">
        <script src="{PageAssets.ScriptPath}" defer></script>
        </head>
        <body>
        <main>
        {body}
        </main>
        <footer>One-time secrets by OneTimeBot · Onetime Secret compatible</footer>
        </body>
        </html>
        """;
}
