namespace OneTimeBot.EndToEnd.Tests;

/// <summary>The accessibility check itself: it must find what it is there to find.</summary>
[Collection(SharedChromium.Name)]
public sealed class AccessibilityCheckTests(Chromium chromium)
{
    [Fact]
    public async Task The_check_does_report_a_page_with_serious_problems()
    {
        var page = await chromium.NewPageAsync();
        await page.SetContentAsync("<html><body><input type=\"password\"><img src=\"x.png\"><p style=\"color:#eee;background:#fff\">faint</p></body></html>");

        var findings = await Accessibility.SeriousFindingsAsync(page);

        Assert.Contains(findings, f => f.StartsWith("label", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.StartsWith("image-alt", StringComparison.Ordinal));
    }
}
