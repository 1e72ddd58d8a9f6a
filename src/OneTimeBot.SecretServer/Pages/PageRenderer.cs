using System.Globalization;
using OneTimeBot.Core.Hosting;
using OneTimeBot.Core.Localization;
using OneTimeBot.SecretServer.Localization;
using OneTimeBot.SecretServer.Model;

namespace OneTimeBot.SecretServer.Pages;

/// <summary>
/// The HTML a recipient and a sender see, in the current UI culture (see <see cref="PageLanguage"/>). Every dynamic
/// value is HTML-encoded; pages work without JavaScript (the script only adds the copy button).
/// </summary>
internal static class PageRenderer
{
    /// <summary>The language switch of a page that a GET to its own address shows again: links relative to it.</summary>
    public const string SameAddress = "";

    public static string SecretForm(string secretKey, bool passphraseRequired, string? error = null) =>
        Layout(PageStrings.Get("Secret.Form.Title"), SameAddress, html =>
        {
            html.Element("h1", PageStrings.Get("Secret.Form.Heading"));
            html.Element("p", PageStrings.Get("Secret.Form.Intro"));
            html.Open("form", ("method", "post"), ("action", "/secret/" + secretKey));
            LanguageField(html);
            if (passphraseRequired)
            {
                html.Element("p", PageStrings.Get("Secret.Form.PassphraseHint"));
                html.Element("label", PageStrings.Get("Secret.Form.Passphrase"), ("for", "passphrase"));
                html.Open("input", PassphraseInput(error is null ? null : "passphrase-error", autofocus: true));
                if (error is not null)
                {
                    html.Element("p", error, ("class", "error"), ("id", "passphrase-error"), ("role", "alert"));
                }
            }

            html.Element("button", PageStrings.Get("Secret.Form.Reveal"), ("type", "submit")).Close("form");
        });

    /// <summary>
    /// The value, shown this once. It has no language switch: the value exists only in this answer, and a link away
    /// would lose it for good.
    /// </summary>
    public static string Revealed(string value)
    {
        var rows = Math.Clamp(value.Count(c => c == '\n') + 2, 3, 20);
        return Layout(PageStrings.Get("Revealed.Title"), null, html =>
        {
            html.Element("h1", PageStrings.Get("Revealed.Title"));
            html.Element("p", PageStrings.Get("Revealed.Intro"));
            html.Element("label", PageStrings.Get("Revealed.Label"), ("for", "secret-value"));
            html.Element(
                "textarea",
                value,
                ("id", "secret-value"),
                ("readonly", null),
                ("rows", rows.ToString(CultureInfo.InvariantCulture)),
                ("spellcheck", "false"),
                ("autocomplete", "off"));
            CopyButton(html, "secret-value", PageStrings.Get("Revealed.Copy"));
        });
    }

    public static string Gone() => Layout(PageStrings.Get("Gone.Title"), SameAddress, html =>
    {
        html.Element("h1", PageStrings.Get("Gone.Heading"));
        html.Element("p", PageStrings.Get("Gone.Reasons"));
        html.Element("p", PageStrings.Get("Gone.AskAgain"));
    });

    /// <param name="retryAfter">How long to wait.</param>
    /// <param name="languageSwitch">Where the page's GET is (<see cref="SameAddress"/> when at this address).</param>
    public static string RateLimited(TimeSpan retryAfter, string languageSwitch)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes));
        var message = minutes == 1 ? PageStrings.Get("RateLimited.OneMinute") : PageStrings.Format("RateLimited.Minutes", minutes);
        return Layout(PageStrings.Get("RateLimited.Title"), languageSwitch, html =>
        {
            html.Element("h1", PageStrings.Get("RateLimited.Title"));
            html.Element("p", message);
        });
    }

    /// <param name="view">The receipt.</param>
    /// <param name="secretLink">The link to share, while the secret lives and the sender may see it.</param>
    /// <param name="languageSwitch">Where the page's GET is (<see cref="SameAddress"/> when at this address).</param>
    /// <param name="error">Why a burn was refused.</param>
    public static string Receipt(Receipt view, Uri? secretLink, string languageSwitch, string? error = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        var receipt = view.Record;
        return Layout(PageStrings.Get("Receipt.Title"), languageSwitch, html =>
        {
            html.Element("h1", PageStrings.Get("Receipt.Title"));
            html.Element("p", PageStrings.Get("Receipt.KeepPrivate"), ("class", "muted"));
            html.Open("dl");
            Row(html, PageStrings.Get("Receipt.Status"), Describe(receipt.State));
            Row(html, PageStrings.Get("Receipt.Created"), Instant(receipt.Created));
            Row(html, ReceiptState.SecretAlive(receipt.State) ? PageStrings.Get("Receipt.Expires") : PageStrings.Get("Receipt.WouldHaveExpired"), Instant(receipt.SecretExpiresAt));
            if (receipt.Received is { } received)
            {
                Row(html, PageStrings.Get("Receipt.Viewed"), Instant(received));
            }

            Row(html, PageStrings.Get("Receipt.Passphrase"), receipt.PassphraseRequired ? PageStrings.Get("Receipt.Passphrase.Required") : PageStrings.Get("Receipt.Passphrase.None"));
            if (receipt.Recipients.Count > 0)
            {
                Row(html, PageStrings.Get("Receipt.Recipient"), string.Join(", ", receipt.Recipients));
            }

            html.Close("dl");
            if (secretLink is null || !ReceiptState.SecretAlive(receipt.State))
            {
                return;
            }

            html.Element("label", PageStrings.Get("Receipt.Link"), ("for", "secret-link"));
            html.Open("input", ("type", "text"), ("id", "secret-link"), ("readonly", null), ("value", secretLink.ToString()));
            CopyButton(html, "secret-link", PageStrings.Get("Receipt.CopyLink"));
            html.Open("form", ("method", "post"), ("action", "/receipt/" + view.MetadataKey + "/burn"));
            LanguageField(html);
            if (receipt.PassphraseRequired)
            {
                html.Element("label", PageStrings.Get("Receipt.BurnPassphrase"), ("for", "passphrase"));
                html.Open("input", PassphraseInput(error is null ? null : "burn-error", autofocus: false));
            }

            if (error is not null)
            {
                html.Element("p", error, ("class", "error"), ("id", "burn-error"), ("role", "alert"));
            }

            html.Element("button", PageStrings.Get("Receipt.Burn"), ("type", "submit"), ("class", "danger")).Close("form");
        });
    }

    /// <param name="languageSwitch">Where the page's GET is (<see cref="SameAddress"/> when at this address).</param>
    public static string UnknownReceipt(string languageSwitch) => Layout(PageStrings.Get("UnknownReceipt.Title"), languageSwitch, html =>
    {
        html.Element("h1", PageStrings.Get("UnknownReceipt.Heading"));
        html.Element("p", PageStrings.Get("UnknownReceipt.Message"));
    });

    /// <summary>Why a burn was refused, for the sender on the receipt page (the API says it in v1's own words).</summary>
    public static string BurnRefusal(bool secretGone) =>
        secretGone ? PageStrings.Get("Receipt.Burn.Gone") : PageStrings.Get("Receipt.Burn.WrongPassphrase");

    private static List<(string Name, string? Value)> PassphraseInput(string? errorId, bool autofocus)
    {
        List<(string Name, string? Value)> attributes = [("type", "password"), ("id", "passphrase"), ("name", "passphrase"), ("required", null), ("autocomplete", "off")];
        if (autofocus)
        {
            attributes.Add(("autofocus", null));
        }

        if (errorId is not null)
        {
            attributes.Add(("aria-invalid", "true"));
            attributes.Add(("aria-describedby", errorId));
        }

        return attributes;
    }

    /// <summary>A form carries the language its page is in, so the answer to it stays in that language.</summary>
    private static void LanguageField(HtmlWriter html) =>
        html.Open("input", ("type", "hidden"), ("name", PageLanguage.Parameter), ("value", CurrentLanguage));

    /// <summary>The copy button the script shows; what it says after copying comes from here, in the page's language.</summary>
    private static void CopyButton(HtmlWriter html, string target, string label)
    {
        html.Element(
            "button",
            label,
            ("type", "button"),
            ("hidden", null),
            ("data-copy-target", target),
            ("data-copy-status", "copy-status"),
            ("data-copied", PageStrings.Get("Copy.Done")),
            ("data-selected", PageStrings.Get("Copy.Selected")));
        html.Element("p", "", ("id", "copy-status"), ("class", "muted"), ("role", "status"), ("aria-live", "polite"));
    }

    /// <summary>The page's language code: the one spoken in the current UI culture, English outside any scope.</summary>
    private static string CurrentLanguage => Languages.From(CultureInfo.CurrentUICulture.Name).TwoLetterISOLanguageName;

    private static string Describe(string state) => state switch
    {
        ReceiptState.New => PageStrings.Get("Receipt.State.NotViewed"),
        ReceiptState.Viewed => PageStrings.Get("Receipt.State.NotViewed"),
        ReceiptState.Received => PageStrings.Get("Receipt.State.Received"),
        ReceiptState.Burned => PageStrings.Get("Receipt.State.Burned"),
        ReceiptState.Expired => PageStrings.Get("Receipt.State.Expired"),
        _ => state,
    };

    private static void Row(HtmlWriter html, string term, string value) => html.Element("dt", term).Element("dd", value);

    /// <summary>A moment in UTC, written the reader's way (<c>2026-11-30 11:06 UTC</c>, <c>30 nov. 2026 11:06 UTC</c>).</summary>
    private static string Instant(DateTimeOffset at) => ReaderTime.At(at);

    /// <summary>
    /// A whole page: every page of the service has this head, stylesheet, language switch and footer, and says which
    /// language it is in.
    /// </summary>
    /// <param name="title">The page's title, before the product name.</param>
    /// <param name="languageSwitch">
    /// The address of the GET page the switch links to (<see cref="SameAddress"/> for this one), or null for no switch.
    /// The links only ever GET a page, which never reveals or burns anything.
    /// </param>
    /// <param name="body">Writes what <c>main</c> holds.</param>
    internal static string Layout(string title, string? languageSwitch, Action<HtmlWriter> body)
    {
        var html = new HtmlWriter().Doctype()
            .Open("html", ("lang", CurrentLanguage)).Line()
            .Open("head").Line()
            .Open("meta", ("charset", "utf-8")).Line()
            .Open("meta", ("name", "viewport"), ("content", "width=device-width, initial-scale=1")).Line()
            .Open("meta", ("name", "robots"), ("content", "noindex, nofollow")).Line()
            .Open("meta", ("name", "referrer"), ("content", "no-referrer")).Line()
            .Element("title", title + " · OneTimeBot").Line()
            .Open("link", ("rel", "stylesheet"), ("href", PageAssets.StylesheetPath)).Line()
            .Open("script", ("src", PageAssets.ScriptPath), ("defer", null)).Close("script").Line()
            .Close("head").Line()
            .Open("body").Line();
        if (languageSwitch is not null)
        {
            LanguageLinks(html, languageSwitch);
        }

        html.Open("main").Line();
        body(html);
        html.Line().Close("main").Line()
            .Element("footer", PageStrings.Get("Page.Footer")).Line()
            .Close("body").Line()
            .Close("html").Line();
        return html.ToString();
    }

    /// <summary>English / Svenska: each language named in itself, the current one marked.</summary>
    private static void LanguageLinks(HtmlWriter html, string path)
    {
        var current = CurrentLanguage;
        html.Open("nav", ("class", "languages"), ("aria-label", PageStrings.Get("Language.Switch")));
        foreach (var language in Languages.Supported)
        {
            var code = language.TwoLetterISOLanguageName;
            string name;
            using (LanguageScope.Use(language))
            {
                name = PageStrings.Get("Language.Name");
            }

            List<(string Name, string? Value)> attributes = [("href", path + "?" + PageLanguage.Parameter + "=" + code), ("hreflang", code), ("lang", code)];
            if (code == current)
            {
                attributes.Add(("aria-current", "true"));
            }

            html.Open("a", attributes).Text(name).Close("a");
        }

        html.Close("nav").Line();
    }
}
