using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Slack.Tests;

namespace OneTimeBot.EndToEnd.Tests;

/// <summary>
/// A recipient whose browser is set to Swedish (so it sends <c>Accept-Language: sv-SE</c>) reveals a secret in real
/// Chromium: every page is in Swedish, says so in <c>lang="sv"</c>, and passes axe; the language switch only changes
/// the language.
/// </summary>
[Collection(SharedChromium.Name)]
public sealed class SwedishRevealJourneyTests(Chromium chromium)
{
    private const string Secret = "Sv9-unique-e2e-hemlighet-<åäö> & \"citat\"";
    private const string Passphrase = "Sv9-unique-e2e-lösenfras";

    [Fact]
    public async Task A_swedish_browser_reveals_a_secret_with_a_passphrase_on_swedish_pages_that_pass_axe()
    {
        await using var app = await SlackApp.StartAsync();
        var (link, card) = await ShareAsync(app, Passphrase);
        var page = await NewPageAsync("sv-SE");

        await page.GotoAsync(link.ToString());
        Assert.Equal("Någon har delat en hemlighet med dig", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("sv", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.DoesNotContain("Sv9-unique-e2e", await page.ContentAsync(), StringComparison.Ordinal);
        Assert.Empty(await AxeAsync(page));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = LanguageScreenshots.PathFor("sv", "page-secret-before-reveal") });

        await page.FillAsync("#passphrase", "Sv9-unique-not-the-phrase");
        await page.ClickAsync("button[type=submit]");
        Assert.Equal("Lösenfrasen är fel. Försök igen.", await page.Locator("#passphrase-error").InnerTextAsync());
        Assert.Equal("sv", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Empty(await AxeAsync(page));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = LanguageScreenshots.PathFor("sv", "page-secret-wrong-passphrase") });

        await page.FillAsync("#passphrase", Passphrase);
        await page.ClickAsync("button[type=submit]");
        Assert.Equal("Din hemlighet", await page.Locator("h1").InnerTextAsync());
        Assert.Equal(Secret, await page.Locator("#secret-value").InputValueAsync());
        Assert.Equal("sv", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Empty(await AxeAsync(page));
        await page.ClickAsync("button[data-copy-target=secret-value]");
        // The script writes its status when the clipboard answers, which is after the click returns.
        await page.WaitForFunctionAsync("() => document.getElementById('copy-status').textContent.length > 0");
        Assert.Contains(await page.Locator("#copy-status").InnerTextAsync(), new[] { "Kopierad till urklipp.", "Markerad. Tryck Ctrl+C (Cmd+C på en Mac) för att kopiera." });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = LanguageScreenshots.PathFor("sv", "page-secret-revealed") });

        await page.GotoAsync(link.ToString());
        Assert.Equal("Den här hemligheten finns inte längre", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("sv", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Empty(await AxeAsync(page));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = LanguageScreenshots.PathFor("sv", "page-secret-gone") });

        await page.GotoAsync((await ReceiptUrlAsync(app, SlackApp.ButtonValue(card, Slack.BlockKit.ActionIds.CheckStatus), link)).ToString());
        Assert.Contains("Öppnad av mottagaren", await page.Locator("dl").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(await AxeAsync(page));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = LanguageScreenshots.PathFor("sv", "page-receipt-received") });
        app.AssertNowhere("Sv9-unique-e2e", Passphrase);
    }

    [Fact]
    public async Task The_language_switch_changes_the_language_and_leaves_the_secret_to_reveal()
    {
        await using var app = await SlackApp.StartAsync();
        var (link, _) = await ShareAsync(app, passphrase: null);
        var page = await NewPageAsync("sv-SE");

        await page.GotoAsync(link.ToString());
        await page.ClickAsync("nav >> text=English");
        Assert.Equal("Someone shared a secret with you", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("true", await page.Locator("nav a[lang=en]").GetAttributeAsync("aria-current"));
        await page.ClickAsync("nav >> text=Svenska");
        Assert.Equal("Någon har delat en hemlighet med dig", await page.Locator("h1").InnerTextAsync());
        await page.ClickAsync("nav >> text=English");

        // The choice outlives the form: the answer to the reveal is in English although the browser asks for Swedish.
        await page.ClickAsync("button[type=submit]");
        Assert.Equal("Your secret", await page.Locator("h1").InnerTextAsync());
        Assert.Equal(Secret, await page.Locator("#secret-value").InputValueAsync());
    }

    [Fact]
    public async Task A_browser_in_a_language_onetimebot_does_not_speak_gets_english()
    {
        await using var app = await SlackApp.StartAsync();
        var (link, _) = await ShareAsync(app, passphrase: null);
        var page = await NewPageAsync("fi-FI");

        await page.GotoAsync(link.ToString());

        Assert.Equal("Someone shared a secret with you", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
    }

    private async Task<IPage> NewPageAsync(string locale)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = locale, ViewportSize = new ViewportSize { Width = 900, Height = 600 } });
        return await context.NewPageAsync();
    }

    private static async Task<(Uri Link, JsonObject Card)> ShareAsync(SlackApp app, string? passphrase)
    {
        var responseUrl = app.Slack.NewResponseUrl();
        await app.Requests.CommandAsync("share", responseUrl);
        var view = (await app.Slack.WaitForCallsAsync("views.open"))[0].Body["view"]!.AsObject();
        var fields = new Dictionary<string, JsonObject>
        {
            ["secret"] = SlackRequests.Typed(Secret),
            ["ttl"] = SlackRequests.Chosen("1h"),
        };
        if (passphrase is not null)
        {
            fields["passphrase"] = SlackRequests.Typed(passphrase);
        }

        await app.Requests.InteractionAsync(SlackRequests.ViewSubmission(view, fields));
        var card = (await app.Slack.WaitForPostsAsync(responseUrl))[0].Body;
        return (SlackApp.LinkOn(card), card);
    }

    private async Task<IReadOnlyList<string>> AxeAsync(IPage page)
    {
        // axe is injected as a script; the pages' strict CSP would rightly refuse it, so this one context bypasses CSP.
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BypassCSP = true });
        var copy = await context.NewPageAsync();
        await copy.SetContentAsync(await page.ContentAsync());
        using (var http = new HttpClient())
        {
            await copy.AddStyleTagAsync(new PageAddStyleTagOptions { Content = await http.GetStringAsync(new Uri(new Uri(page.Url), "/assets/ots.css")) });
        }

        var findings = await Accessibility.SeriousFindingsAsync(copy);
        await context.DisposeAsync();
        return findings;
    }

    /// <summary>The embedded service's receipt page of a card, found as only its sender's bot can: through the bot's own receipt.</summary>
    private static async Task<Uri> ReceiptUrlAsync(SlackApp app, string receiptId, Uri link)
    {
        var receipts = app.Host.Services.GetRequiredService<ReceiptVault>();
        var metadataKey = receipts.KeysOf((await receipts.FindAsync(receiptId, default))!).MetadataKey;
        return new Uri(link, "/receipt/" + metadataKey);
    }
}
