using System.Net;

namespace OneTimeBot.Slack.Tests;

/// <summary>The pages a browser shows while installing the Slack app speak the browser's language.</summary>
public sealed class InstallPageLanguageTests
{
    [Fact]
    public async Task A_swedish_browser_finishing_the_install_reads_in_swedish_with_lang_sv()
    {
        await using var app = await SlackApp.StartAsync(oauth: true);
        app.Slack.On("oauth.v2.access", OAuthInstallTests.Access("T0BETA"));
        var (state, cookie, _) = await OAuthInstallTests.StartInstallAsync(app);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/slack/oauth_redirect?code=4724469134.4644010092847.232b46ed7474&state={Uri.EscapeDataString(state)}");
        request.Headers.Add("Cookie", cookie);
        request.Headers.Add("Accept-Language", "sv-SE,sv;q=0.9,en;q=0.8");
        using var finished = await app.Http.SendAsync(request);
        var page = await finished.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, finished.StatusCode);
        Assert.Contains("<html lang=\"sv\">", page, StringComparison.Ordinal);
        Assert.Contains("<title>OneTimeBot är installerad · OneTimeBot</title>", page, StringComparison.Ordinal);
        Assert.Contains("OneTimeBot är nu installerad i Beta Corp. Skriv /onetime share i valfri kanal", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_swedish_browser_whose_install_link_expired_is_told_so_in_swedish()
    {
        await using var app = await SlackApp.StartAsync(oauth: true);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/slack/oauth_redirect?code=4724469134.4644010092847.232b46ed7474&state=Xq9-not-this-browsers-state");
        request.Headers.Add("Accept-Language", "sv");
        using var refused = await app.Http.SendAsync(request);
        var page = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("<html lang=\"sv\">", page, StringComparison.Ordinal);
        Assert.Contains("<h1>Installationslänken har gått ut</h1>", page, StringComparison.Ordinal);
        Assert.Contains("Börja om från installationslänken.", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fi-FI,fi;q=0.9")]
    [InlineData("")]
    public async Task A_browser_asking_for_no_language_onetimebot_speaks_gets_english(string acceptLanguage)
    {
        await using var app = await SlackApp.StartAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/slack/install");
        request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        using var start = await app.Http.SendAsync(request);
        var page = await start.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, start.StatusCode);
        Assert.Contains("<html lang=\"en\">", page, StringComparison.Ordinal);
        Assert.Contains("<h1>Install is not offered here</h1>", page, StringComparison.Ordinal);
    }
}
