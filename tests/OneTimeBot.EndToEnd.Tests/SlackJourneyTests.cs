using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Slack.Tests;

namespace OneTimeBot.EndToEnd.Tests;

/// <summary>What a sender does in Slack and a recipient does in a browser, with the real host, SQLite and Chromium.</summary>
[Collection(SharedChromium.Name)]
public sealed class SlackJourneyTests(Chromium chromium)
{
    private const string Secret = "e2e-Pa55word!-with <html> & \"quotes\"";
    private const string Passphrase = "violet meadow";

    [Fact]
    public async Task A_secret_shared_with_a_passphrase_is_shown_once_in_the_browser_and_its_receipt_says_received()
    {
        await using var app = await SlackApp.StartAsync();
        var responseUrl = app.Slack.NewResponseUrl();
        await app.Requests.CommandAsync("share", responseUrl);
        var view = (await app.Slack.WaitForCallsAsync("views.open"))[0].Body["view"]!.AsObject();
        await app.Requests.InteractionAsync(SlackRequests.ViewSubmission(view, new Dictionary<string, JsonObject>
        {
            ["secret"] = SlackRequests.Typed(Secret),
            ["ttl"] = SlackRequests.Chosen("1h"),
            ["passphrase"] = SlackRequests.Typed(Passphrase),
        }));
        var card = (await app.Slack.WaitForPostsAsync(responseUrl))[0].Body;
        var link = SlackApp.LinkOn(card);

        // Slack unfurling the link first must change nothing.
        using (var preview = new HttpClient())
        {
            preview.DefaultRequestHeaders.UserAgent.ParseAdd("Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)");
            var unfurl = await preview.GetAsync(link);
            Assert.Equal(HttpStatusCode.OK, unfurl.StatusCode);
            Assert.DoesNotContain("e2e-Pa55word", await unfurl.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var page = await chromium.NewPageAsync(900, 560);
        await page.GotoAsync(link.ToString());
        Assert.Equal("Someone shared a secret with you", await page.Locator("h1").InnerTextAsync());
        Assert.DoesNotContain("e2e-Pa55word", await page.ContentAsync(), StringComparison.Ordinal);
        Assert.Empty(await AxeAsync(page));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("page-secret-before-reveal") });

        await page.FillAsync("#passphrase", "not the passphrase");
        await page.ClickAsync("button[type=submit]");
        Assert.Contains("passphrase", await page.Locator("#passphrase-error").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("e2e-Pa55word", await page.ContentAsync(), StringComparison.Ordinal);
        Assert.Empty(await AxeAsync(page));

        await page.FillAsync("#passphrase", Passphrase);
        await page.ClickAsync("button[type=submit]");
        Assert.Equal("Your secret", await page.Locator("h1").InnerTextAsync());
        Assert.Equal(Secret, await page.Locator("#secret-value").InputValueAsync());
        Assert.Empty(await AxeAsync(page));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("page-secret-revealed") });

        await page.GotoAsync(link.ToString());
        Assert.Equal("This secret is no longer available", await page.Locator("h1").InnerTextAsync());

        var receipt = await ReceiptUrlAsync(app, SlackApp.ButtonValue(card, Slack.BlockKit.ActionIds.CheckStatus), link);
        await page.GotoAsync(receipt.ToString());
        Assert.Contains("Viewed by the recipient (received)", await page.Locator("dl").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(await AxeAsync(page));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor("page-receipt-received") });
        app.AssertNowhere("e2e-Pa55word", Passphrase);
    }

    [Fact]
    public async Task A_password_generated_in_a_dm_reveals_in_the_browser()
    {
        await using var app = await SlackApp.StartAsync();

        await app.Requests.EventAsync(SlackRequests.MessageEvent("Ev0E2EGENERATE", "generate 1h 18"));
        var card = (await app.Slack.WaitForCallsAsync("chat.postMessage"))[0].Body;
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(SlackApp.LinkOn(card).ToString());
        await page.ClickAsync("button[type=submit]");
        var password = await page.Locator("#secret-value").InputValueAsync();

        Assert.Equal(18, password.Length);
        app.AssertNowhere(password);
    }

    private async Task<IReadOnlyList<string>> AxeAsync(IPage page)
    {
        // axe is injected as a script; the pages' strict CSP would rightly refuse it, so this one context bypasses CSP.
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BypassCSP = true });
        var copy = await context.NewPageAsync();
        await copy.SetContentAsync(await page.ContentAsync());
        await copy.AddStyleTagAsync(new PageAddStyleTagOptions { Content = await StylesheetAsync(page) });
        var findings = await Accessibility.SeriousFindingsAsync(copy);
        await context.DisposeAsync();
        return findings;
    }

    private static async Task<string> StylesheetAsync(IPage page)
    {
        using var http = new HttpClient();
        return await http.GetStringAsync(new Uri(new Uri(page.Url), "/assets/ots.css"));
    }

    /// <summary>The embedded service's receipt page of a card, found as only its sender's bot can: through the bot's own receipt.</summary>
    private static async Task<Uri> ReceiptUrlAsync(SlackApp app, string receiptId, Uri link)
    {
        var receipts = app.Host.Services.GetRequiredService<ReceiptVault>();
        var metadataKey = receipts.KeysOf((await receipts.FindAsync(receiptId, default))!).MetadataKey;
        return new Uri(link, "/receipt/" + metadataKey);
    }
}
