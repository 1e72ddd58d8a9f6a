using System.Globalization;
using System.Net;
using OneTimeBot.Core.Localization;
using OneTimeBot.SecretServer.Pages;
using OneTimeSecret.Client;

namespace OneTimeBot.SecretServer.Tests;

/// <summary>
/// The pages speak the reader's language: the browser's Accept-Language, unless the reader chose another with the
/// language switch, whose links only GET a page and so never reveal or burn anything.
/// </summary>
public sealed class PageLanguageTests : IAsyncLifetime
{
    private const string SwedishBrowser = "sv-SE,sv;q=0.9,en-US;q=0.8,en;q=0.7";
    private SecretServerHost _host = null!;

    public async Task InitializeAsync() => _host = await SecretServerHost.StartAsync(null);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_swedish_browser_gets_the_secret_page_in_swedish_with_lang_sv()
    {
        var shared = await ShareAsync("Sv7-unique-page-secret-qwx", passphrase: "Sv7-unique-passphrase-qwx");

        using var page = await GetAsync(shared.SecretLink!, SwedishBrowser);
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<html lang=\"sv\">", html, StringComparison.Ordinal);
        Assert.Equal("sv", page.Content.Headers.ContentLanguage.Single());
        Assert.Contains("<h1>Någon har delat en hemlighet med dig</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"passphrase\">Lösenfras</label>", html, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\">Visa hemligheten</button>", html, StringComparison.Ordinal);
        Assert.Contains("<footer>Engångshemligheter från OneTimeBot · Kompatibel med Onetime Secret</footer>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Someone shared", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fi-FI,fi;q=0.9")]
    [InlineData("sv;q=0, de")]
    [InlineData("")]
    [InlineData("!!garbage;;q=x")]
    public async Task A_browser_asking_for_no_language_onetimebot_speaks_gets_english(string acceptLanguage)
    {
        var shared = await ShareAsync("En4-unique-fallback-secret-rty");

        using var page = await GetAsync(shared.SecretLink!, acceptLanguage);
        var html = await page.Content.ReadAsStringAsync();

        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Someone shared a secret with you</h1>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_page_but_the_revealed_value_has_a_switch_linking_to_the_same_page_in_each_language()
    {
        var shared = await ShareAsync("Sw3-unique-switch-secret-uio");

        var html = await (await GetAsync(shared.SecretLink!, SwedishBrowser)).Content.ReadAsStringAsync();

        Assert.Contains(
            "<nav class=\"languages\" aria-label=\"Språk\"><a href=\"?lang=en\" hreflang=\"en\" lang=\"en\">English</a><a href=\"?lang=sv\" hreflang=\"sv\" lang=\"sv\" aria-current=\"true\">Svenska</a></nav>",
            html,
            StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"lang\" value=\"sv\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Following_the_switch_changes_the_language_and_leaves_the_secret_to_reveal()
    {
        var shared = await ShareAsync("Sw5-unique-still-there-secret-pas");

        using var swedish = await GetAsync(new Uri(shared.SecretLink!, "?lang=sv"), "en-US,en;q=0.9");
        using var english = await GetAsync(new Uri(shared.SecretLink!, "?lang=en"), SwedishBrowser);
        using var unknown = await GetAsync(new Uri(shared.SecretLink!, "?lang=xx"), SwedishBrowser);
        var revealed = await _host.Client.RevealAsync(_host.Anonymous, shared.SecretKey!);

        Assert.Contains("<h1>Någon har delat en hemlighet med dig</h1>", await swedish.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("<h1>Someone shared a secret with you</h1>", await english.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("<html lang=\"sv\">", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Sw5-unique-still-there-secret-pas", revealed.Value!.Value.Reveal());
    }

    [Fact]
    public async Task A_form_posted_from_a_swedish_page_answers_in_swedish_whatever_the_browser_asks_for()
    {
        var shared = await ShareAsync("Fm8-unique-posted-secret-zxc", passphrase: "Fm8-unique-right-phrase");

        using var wrong = await PostAsync(shared.SecretLink!.AbsolutePath, "en", ("lang", "sv"), ("passphrase", "Fm8-unique-wrong-phrase"));
        var wrongHtml = await wrong.Content.ReadAsStringAsync();
        using var right = await PostAsync(shared.SecretLink.AbsolutePath, "en", ("lang", "sv"), ("passphrase", "Fm8-unique-right-phrase"));
        var rightHtml = await right.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Contains("<html lang=\"sv\">", wrongHtml, StringComparison.Ordinal);
        Assert.Contains(">Lösenfrasen är fel. Försök igen.</p>", wrongHtml, StringComparison.Ordinal);
        Assert.Contains("<a href=\"?lang=en\"", wrongHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("<h1>Din hemlighet</h1>", rightHtml, StringComparison.Ordinal);
        Assert.Contains("Fm8-unique-posted-secret-zxc</textarea>", rightHtml, StringComparison.Ordinal);
        Assert.Contains("data-copied=\"Kopierad till urklipp.\"", rightHtml, StringComparison.Ordinal);
        // The value exists only in this answer: a link away would lose it, so this page offers none.
        Assert.DoesNotContain("<nav", rightHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_receipt_page_in_swedish_writes_its_times_the_swedish_way_and_a_refused_burn_says_why_in_swedish()
    {
        var shared = await ShareAsync("Rc2-unique-receipt-secret-vbn", passphrase: "Rc2-unique-burn-phrase", ttl: TimeSpan.FromDays(2));
        var swedish = CultureInfo.GetCultureInfo("sv-SE");
        var created = _host.Clock.GetUtcNow().UtcDateTime;

        var receipt = await (await GetAsync(shared.ReceiptLink, SwedishBrowser)).Content.ReadAsStringAsync();
        using var burn = await PostAsync(shared.ReceiptLink.AbsolutePath + "/burn", "en", ("lang", "sv"), ("passphrase", "Rc2-unique-not-it"));
        var refused = await burn.Content.ReadAsStringAsync();

        Assert.Contains("<h1>Kvitto för hemligheten</h1>", receipt, StringComparison.Ordinal);
        Assert.Contains("<dt>Status</dt><dd>Inte visad än</dd>", receipt, StringComparison.Ordinal);
        Assert.Contains($"<dt>Skapad</dt><dd>{created.ToString("d MMM yyyy HH:mm", swedish)} UTC</dd>", receipt, StringComparison.Ordinal);
        Assert.Contains($"<dt>Går ut</dt><dd>{created.AddDays(2).ToString("d MMM yyyy HH:mm", swedish)} UTC</dd>", receipt, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, burn.StatusCode);
        Assert.Contains(">Fel lösenfras</p>", refused, StringComparison.Ordinal);
        // The answer to a POST to .../burn switches language on the receipt page itself, which a GET only shows.
        Assert.Contains($"<a href=\"/receipt/{shared.MetadataKey}?lang=en\"", refused, StringComparison.Ordinal);
        Assert.Equal(SecretState.New, (await _host.Client.GetReceiptAsync(_host.Anonymous, shared.MetadataKey)).Value!.State);
    }

    [Fact]
    public async Task Swedish_pages_keep_the_strict_security_headers()
    {
        var shared = await ShareAsync("Hd6-unique-headers-secret-mnb");

        using var page = await GetAsync(new Uri(shared.SecretLink!, "?lang=sv"), SwedishBrowser);

        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal(SecurityHeaders.PageContentSecurityPolicy, page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("no-store", page.Headers.CacheControl?.ToString());
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public void A_refused_request_is_told_in_swedish_with_swedish_numbers()
    {
        string page;
        using (LanguageScope.Use(Languages.Swedish))
        {
            page = RefusalPage.TooLarge(16384);
        }

        Assert.Contains("<html lang=\"sv\">", page, StringComparison.Ordinal);
        Assert.Contains("<h1>För stor förfrågan</h1>", page, StringComparison.Ordinal);
        // Swedish groups digits with a no-break space, which the page writes as &#xA0;.
        Assert.Contains("högst 16\u00a0384 byte emot. Inget visades eller ändrades.", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
    }

    private async Task<SecretReceipt> ShareAsync(string secret, string? passphrase = null, TimeSpan? ttl = null) =>
        await _host.ShareAsync(_host.Alice, new ShareRequest(new SecretText(secret), ttl, passphrase is null ? null : new SecretText(passphrase)));

    private async Task<HttpResponseMessage> GetAsync(Uri link, string acceptLanguage)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, link);
        request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        return await _host.Http.SendAsync(request);
    }

    private async Task<HttpResponseMessage> PostAsync(string path, string acceptLanguage, params (string Key, string Value)[] form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form.Select(f => KeyValuePair.Create(f.Key, f.Value))) };
        request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        return await _host.Http.SendAsync(request);
    }
}
