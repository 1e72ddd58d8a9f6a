using Microsoft.Playwright;
using OneTimeBot.Teams.Tests;

namespace OneTimeBot.EndToEnd.Tests;

/// <summary>
/// The main Teams cards as a Swedish reader gets them, rendered in Chromium by the official renderer with a Swedish
/// browser (so Teams' DATE and TIME functions read as a Swedish Teams client shows them), photographed into
/// docs/screenshots/sv when the pictures are refreshed.
/// </summary>
[Collection(SharedChromium.Name)]
public sealed class SwedishAdaptiveCardScreenshotTests(Chromium chromium)
{
    /// <summary>What a Swedish Teams user meets most: the forms, the cards a secret becomes, the chat's help, the direct messages.</summary>
    private static readonly string[] Main =
    [
        "share form", "share form with an error", "generate form", "welcome", "live card", "live card put into a message",
        "live card sent to a person", "viewed card", "error card", "notice with the forms", "link sent to you", "link opened", "secret asked",
        "request form", "request sent", "answer form", "request answered", "recent links", "config", "settings saved",
    ];

    public static TheoryData<string> Cards => new(Main);

    [Fact]
    public void Every_main_card_is_one_the_bot_sends() =>
        Assert.All(Main, name => Assert.Contains(name, AdaptiveCardRendererTests.EveryCardIn("sv").Keys));

    [Theory]
    [MemberData(nameof(Cards))]
    public async Task The_swedish_card_renders_with_all_its_text_and_no_raw_markup(string name)
    {
        var swedish = AdaptiveCardRendererTests.EveryCardIn("sv")[name];
        var english = AdaptiveCardRendererTests.EveryCardIn("en")[name];
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 520, Height = 400 }, Locale = "sv-SE" });
        var page = await context.NewPageAsync();
        var rendered = await AdaptiveCardPage.RenderAsync(page, swedish);
        var element = page.Locator("#card");
        await element.ScreenshotAsync(new LocatorScreenshotOptions { Path = PathFor(name) });
        var box = await element.BoundingBoxAsync();

        Assert.True(box is { Height: > 40 }, $"{name} rendered {box?.Height} px high");
        Assert.DoesNotContain("{{DATE(", rendered, StringComparison.Ordinal);
        Assert.Empty(await AdaptiveCardPage.ButtonsCutOffAsync(page));
        Assert.NotEqual(english.ToJsonString(), swedish.ToJsonString());
        var title = swedish["body"]![0]!["text"]?.GetValue<string>();
        if (title is not null)
        {
            Assert.Contains(title.Replace("**", "", StringComparison.Ordinal), rendered, StringComparison.Ordinal);
        }
    }

    private static string PathFor(string name)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Screenshots.Folder, "sv")).FullName;
        return Path.Combine(folder, Path.GetFileName(Screenshots.PathFor("teams-" + name)));
    }
}
