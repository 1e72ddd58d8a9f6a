using System.Text.Json.Nodes;
using Microsoft.Playwright;
using OneTimeBot.Teams.Tests;
using OneTimeBot.Testing;

namespace OneTimeBot.EndToEnd.Tests;

/// <summary>Every Adaptive Card the bot can send, rendered in Chromium by the official renderer (npm adaptivecards) and photographed.</summary>
[Collection(SharedChromium.Name)]
public sealed class AdaptiveCardScreenshotTests(Chromium chromium)
{
    private static readonly string Renderer = RepositoryRoot.Combine("tests", "interop", "node_modules", "adaptivecards", "dist", "adaptivecards.js");

    public static TheoryData<string> Cards => new(AdaptiveCardRendererTests.EveryCard().Keys);

    [Theory]
    [MemberData(nameof(Cards))]
    public async Task The_card_renders_with_all_its_text_and_no_raw_markup(string name)
    {
        var card = AdaptiveCardRendererTests.EveryCard()[name];
        var page = await chromium.NewPageAsync(520, 400);
        await page.SetContentAsync("""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>card</title>
            <style>body{margin:0;padding:16px;background:#f5f5f5;font-family:"Segoe UI",system-ui,sans-serif}
            #card{width:460px;background:#fff;border-radius:6px;box-shadow:0 1px 3px rgba(0,0,0,.2);padding:4px}</style>
            </head><body><div id="card"></div></body></html>
            """);
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = Renderer });

        var rendered = await page.EvaluateAsync<string>("""
            json => {
              // Teams renders the card's markdown; the renderer leaves that to its host, so this page does the same
              // for the subset Teams supports in text (bold, italic, escapes).
              AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
                const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
                result.outputHtml = escaped
                  .replace(/\\([\\*_\[\]])/g, (m, c) => '&#' + c.charCodeAt(0) + ';')
                  .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
                  .replace(/_(.+?)_/g, '<em>$1</em>');
                result.didProcess = true;
              };
              const card = new AdaptiveCards.AdaptiveCard();
              card.hostConfig = new AdaptiveCards.HostConfig({ fontFamily: '"Segoe UI", system-ui, sans-serif' });
              card.parse(JSON.parse(json));
              const element = card.render();
              document.getElementById('card').appendChild(element);
              return document.getElementById('card').innerText;
            }
            """, card.ToJsonString());
        var element = page.Locator("#card");
        await element.ScreenshotAsync(new LocatorScreenshotOptions { Path = Screenshots.PathFor("teams-" + name) });
        var box = await element.BoundingBoxAsync();

        Assert.True(box is { Height: > 40 }, $"{name} rendered {box?.Height} px high");
        Assert.DoesNotContain("{{DATE(", rendered, StringComparison.Ordinal);
        var title = card["body"]![0]!["text"]?.GetValue<string>();
        if (title is not null)
        {
            Assert.Contains(title.Replace("**", "", StringComparison.Ordinal), rendered, StringComparison.Ordinal);
        }
    }
}
