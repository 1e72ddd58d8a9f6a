using OneTimeBot.Slack.Tests;
using OneTimeBot.Testing;

namespace OneTimeBot.EndToEnd.Tests;

/// <summary>
/// Alice shares a secret to Bob in Slack; Bob finds only a link in his DM, his browser shows the secret once, and
/// Alice is told in her DM that it was opened.
/// </summary>
[Collection(SharedChromium.Name)]
public sealed class SlackSendToJourneyTests(Chromium chromium)
{
    // With characters Slack escapes and a link it wraps, so the secret must be turned back into what Alice typed.
    private const string Secret = "Pf7-e2e-for-bob & <b> https://example.com/?a=1&b=2";

    [Fact]
    public async Task A_secret_shared_to_bob_reaches_his_dm_as_a_link_only_and_his_browser_shows_it_exactly_once()
    {
        await using var app = await SlackApp.StartAsync();
        TestRunLedger.Secret(Secret);
        var responseUrl = app.Slack.NewResponseUrl();

        // As Slack sends "/onetime share @bob <secret>" for a command declared with should_escape.
        var card = await app.AnswerAsync(await app.Requests.CommandAsync(
            "share <@U0BOB|bob> Pf7-e2e-for-bob &amp; &lt;b&gt; <https://example.com/?a=1&amp;b=2>", responseUrl), responseUrl);
        var dm = (await app.Slack.WaitForDirectMessagesAsync("U0BOB"))[0].Body;
        var link = SlackApp.LinkOn(dm);

        Assert.Contains("Sent to <@U0BOB>", card["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("Pf7-e2e-for-bob", dm.ToJsonString(), StringComparison.Ordinal);
        var page = await chromium.NewPageAsync(900, 560);
        await page.GotoAsync(link.ToString());
        Assert.DoesNotContain("Pf7-e2e-for-bob", await page.ContentAsync(), StringComparison.Ordinal);
        await page.ClickAsync("button[type=submit]");
        Assert.Equal(Secret, await page.Locator("#secret-value").InputValueAsync());
        // Alice hears of it in her DM, from the embedded secret service, within 5 s of Bob's reveal.
        var opened = (await app.Slack.WaitForDirectMessagesAsync("U0ALICE", timeout: TimeSpan.FromSeconds(5)))[0].Body;
        Assert.Equal("Your link for <@U0BOB> was opened.", opened["text"]!.GetValue<string>());
        await page.GotoAsync(link.ToString());
        Assert.Equal("This secret is no longer available", await page.Locator("h1").InnerTextAsync());
        await app.Host.Services.FollowUpsFinishedAsync();
        Assert.Single(app.Slack.DirectMessagesTo("U0ALICE"));
        app.AssertNowhere("Pf7-e2e-for-bob");
    }
}
