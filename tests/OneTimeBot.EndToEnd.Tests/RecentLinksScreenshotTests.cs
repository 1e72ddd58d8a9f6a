using Microsoft.Playwright;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Tracking;
using OneTimeBot.Slack.Home;
using OneTimeBot.Slack.Views;
using OneTimeBot.Testing.Slack;

namespace OneTimeBot.EndToEnd.Tests;

/// <summary>
/// The App Home tab with a person's recent links in each state, checked against Slack's limits and photographed; the
/// Teams card of recent links is photographed with every other card (AdaptiveCardScreenshotTests).
/// </summary>
[Collection(SharedChromium.Name)]
public sealed class RecentLinksScreenshotTests(Chromium chromium)
{
    private static readonly DateTimeOffset Made = DateTimeOffset.FromUnixTimeSeconds(1_794_400_000);
    private static readonly Person Bob = new("U0BOB", "bob");

    public static RecentLinkList FewLinks() => new(
    [
        new("tnew000000000000000000000p", SecretStatus.New, null, Bob, Made.AddHours(3), Made.AddDays(7), TimeSpan.FromDays(7), PassphraseRequired: true, Generated: false, "eu.onetimesecret.com"),
        new("tnew000000000000000000000n", SecretStatus.New, null, null, Made.AddHours(2), Made.AddHours(26), TimeSpan.FromDays(1), PassphraseRequired: false, Generated: true, "eu.onetimesecret.com"),
        new("tviewed000000000000000000", SecretStatus.Viewed, Made.AddHours(1).AddMinutes(12), Bob, Made.AddHours(1), Made.AddDays(7), TimeSpan.FromDays(7), PassphraseRequired: false, Generated: false, "eu.onetimesecret.com"),
        new("tburned000000000000000000", SecretStatus.Burned, Made.AddMinutes(40), null, Made.AddMinutes(30), Made.AddDays(1), TimeSpan.FromDays(1), PassphraseRequired: false, Generated: false, "eu.onetimesecret.com"),
        new("texpired00000000000000000", SecretStatus.Expired, Made.AddHours(-1), new Person("U0CAROL", "carol"), Made.AddHours(-2), Made.AddHours(-1), TimeSpan.FromHours(1), PassphraseRequired: false, Generated: false, "eu.onetimesecret.com"),
    ], Notified: true);

    [Fact]
    public async Task The_app_home_tab_shows_each_link_with_what_became_of_it_and_burn_beside_those_still_waiting()
    {
        var view = HomeView.Build(FewLinks(), new ViewMetadata(Channel: "D0ALICE"));
        var page = await chromium.NewPageAsync(780, 700);

        await page.SetContentAsync(BlockKitPreview.HomeHtml(view));
        var home = page.Locator("#home");
        await home.ScreenshotAsync(new LocatorScreenshotOptions { Path = Screenshots.PathFor("slack-app-home") });
        var text = await home.InnerTextAsync();

        Assert.Empty(PublishedBlockKitLimits.HomeViewViolations(view));
        Assert.Contains("Your recent links", text, StringComparison.Ordinal);
        Assert.Contains("🔒 Secret for @Bob Builder", text, StringComparison.Ordinal);
        Assert.Contains("👀 Opened Nov 11, 2026 at", text, StringComparison.Ordinal);
        Assert.Contains("🔥 Burned", text, StringComparison.Ordinal);
        Assert.Contains("⌛ Expired unopened", text, StringComparison.Ordinal);
        Assert.Equal(2, await page.Locator(".row .button.danger").CountAsync());
        Assert.DoesNotContain("<!date", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<@", text, StringComparison.Ordinal);
    }
}
