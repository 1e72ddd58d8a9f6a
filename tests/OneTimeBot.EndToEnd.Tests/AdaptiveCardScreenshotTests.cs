using System.Text.Json.Nodes;
using Microsoft.Playwright;
using OneTimeBot.Teams.Tests;

namespace OneTimeBot.EndToEnd.Tests;

/// <summary>Every Adaptive Card the bot can send, rendered in Chromium by the official renderer (npm adaptivecards) and photographed.</summary>
[Collection(SharedChromium.Name)]
public sealed class AdaptiveCardScreenshotTests(Chromium chromium)
{
    public static TheoryData<string> Cards => new(AdaptiveCardRendererTests.EveryCard().Keys);

    [Theory]
    [MemberData(nameof(Cards))]
    public async Task The_card_renders_with_all_its_text_and_no_raw_markup(string name)
    {
        var card = AdaptiveCardRendererTests.EveryCard()[name];
        var page = await chromium.NewPageAsync(520, 400);
        var rendered = await AdaptiveCardPage.RenderAsync(page, card);
        var element = page.Locator("#card");
        await element.ScreenshotAsync(new LocatorScreenshotOptions { Path = Screenshots.PathFor("teams-" + name) });
        var box = await element.BoundingBoxAsync();

        Assert.True(box is { Height: > 40 }, $"{name} rendered {box?.Height} px high");
        Assert.DoesNotContain("{{DATE(", rendered, StringComparison.Ordinal);
        Assert.Empty(await AdaptiveCardPage.ButtonsCutOffAsync(page));
        var title = card["body"]![0]!["text"]?.GetValue<string>();
        if (title is not null)
        {
            Assert.Contains(title.Replace("**", "", StringComparison.Ordinal), rendered, StringComparison.Ordinal);
        }
    }
}
