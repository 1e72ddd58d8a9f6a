using System.Text.Json.Nodes;
using OneTimeBot.Teams.Tests;

namespace OneTimeBot.EndToEnd.Tests;

/// <summary>A secret shared from the Teams message extension, opened by its recipient in a browser.</summary>
[Collection(SharedChromium.Name)]
public sealed class TeamsJourneyTests(Chromium chromium)
{
    [Fact]
    public async Task A_secret_shared_from_the_message_extension_reveals_once_in_the_browser()
    {
        await using var app = await TeamsApp.StartAsync();

        var answer = await TeamsApp.JsonAsync(await app.SendAsync(app.Invoke("composeExtension/submitAction", "shareSecret", new JsonObject
        {
            ["secret"] = "teams-e2e-secret-0c0c",
            ["ttl"] = "30m",
            ["action"] = "share",
        })));
        var link = TeamsApp.LinkOn(answer["composeExtension"]!["attachments"]![0]!["content"]!.AsObject());
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(link.ToString());
        var before = await page.ContentAsync();
        await page.ClickAsync("button[type=submit]");
        var revealed = await page.Locator("#secret-value").InputValueAsync();
        await page.GotoAsync(link.ToString());

        Assert.DoesNotContain("teams-e2e-secret-0c0c", before, StringComparison.Ordinal);
        Assert.Equal("teams-e2e-secret-0c0c", revealed);
        Assert.Equal("This secret is no longer available", await page.Locator("h1").InnerTextAsync());
        app.AssertNowhere("teams-e2e-secret-0c0c");
    }
}
