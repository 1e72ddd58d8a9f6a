using System.Net;
using OneTimeSecret.Client;

namespace OneTimeBot.SecretServer.Tests;

/// <summary>The pages a recipient opens: GET looks, only POST reveals.</summary>
public abstract partial class SecretServerContract
{
    // Written out, not taken from the server: what a page may load is the promise, so a change to it must fail here.
    private const string PageContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    [Fact]
    public async Task Ten_gets_of_the_secret_page_including_link_preview_bots_leave_the_secret_to_reveal()
    {
        await using var host = await StartAsync();
        var shared = await host.ShareAsync(host.Alice, new ShareRequest(new SecretText("still here")));
        string[] agents = ["Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) SkypeUriPreview Preview/0.5", "Mozilla/5.0"];

        for (var i = 0; i < 10; i++)
        {
            using var request = new HttpRequestMessage(i % 4 == 3 ? HttpMethod.Head : HttpMethod.Get, shared.SecretLink);
            request.Headers.UserAgent.ParseAdd(agents[i % agents.Length]);
            using var page = await host.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.DoesNotContain("still here", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var receipt = (await host.Client.GetReceiptAsync(host.Alice, shared.MetadataKey)).Value!;
        var revealed = await host.Client.RevealAsync(host.Anonymous, shared.SecretKey!);
        Assert.Equal(SecretState.New, receipt.State);
        Assert.Equal("still here", revealed.Value!.Value.Reveal());
    }

    [Fact]
    public async Task The_secret_page_offers_a_reveal_button_and_posting_it_shows_the_value_once()
    {
        await using var host = await StartAsync();
        var shared = await host.ShareAsync(host.Anonymous, new ShareRequest(new SecretText("<b>tag & \"quote\"</b>")));

        var form = await host.Http.GetStringAsync(shared.SecretLink);
        using var reveal = await host.PostFormAsync(shared.SecretLink!.AbsolutePath, new Dictionary<string, string>());
        var revealed = await reveal.Content.ReadAsStringAsync();
        using var second = await host.Http.GetAsync(shared.SecretLink);

        Assert.Contains("<button type=\"submit\">Reveal secret</button>", form, StringComparison.Ordinal);
        Assert.Contains($"action=\"/secret/{shared.SecretKey}\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain("passphrase", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, reveal.StatusCode);
        Assert.Contains("&lt;b&gt;tag &amp; &quot;quote&quot;&lt;/b&gt;", revealed, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>tag", revealed, StringComparison.Ordinal);
        Assert.Contains("data-copy-target=\"secret-value\"", revealed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
        Assert.Contains("no longer available", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_passphrase_on_the_page_is_refused_with_a_message_and_the_right_one_reveals()
    {
        await using var host = await StartAsync();
        var shared = await host.ShareAsync(host.Anonymous, new ShareRequest(new SecretText("guarded"), Passphrase: new SecretText("let-me-in")));

        var form = await host.Http.GetStringAsync(shared.SecretLink);
        using var wrong = await host.PostFormAsync(shared.SecretLink!.AbsolutePath, new Dictionary<string, string> { ["passphrase"] = "not-it" });
        var wrongPage = await wrong.Content.ReadAsStringAsync();
        using var right = await host.PostFormAsync(shared.SecretLink.AbsolutePath, new Dictionary<string, string> { ["passphrase"] = "let-me-in" });

        Assert.Contains("<label for=\"passphrase\">Passphrase</label>", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Contains("That passphrase is not correct", wrongPage, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", wrongPage, StringComparison.Ordinal);
        Assert.DoesNotContain("guarded", wrongPage, StringComparison.Ordinal);
        Assert.Contains("guarded", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_are_never_cached_indexed_framed_or_referred_and_allow_only_their_own_assets()
    {
        await using var host = await StartAsync();
        var shared = await host.ShareAsync(host.Anonymous, new ShareRequest(new SecretText("x")));

        foreach (var uri in new[] { shared.SecretLink!, shared.ReceiptLink, new Uri(host.BaseUri, "secret/" + new string('z', 62)) })
        {
            using var page = await host.Http.GetAsync(uri);
            Assert.Equal("no-store", page.Headers.CacheControl?.ToString());
            Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
            Assert.Equal("noindex, nofollow", page.Headers.GetValues("X-Robots-Tag").Single());
            Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal(PageContentSecurityPolicy, page.Headers.GetValues("Content-Security-Policy").Single());
            var html = await page.Content.ReadAsStringAsync();
            Assert.StartsWith("<!doctype html>", html, StringComparison.Ordinal);
            Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
            Assert.DoesNotContain("http://", html.Replace(host.BaseUri.ToString(), "", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        }

        Assert.Contains("navigator.clipboard", await host.Http.GetStringAsync(new Uri("assets/ots.js", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains("prefers-color-scheme", await host.Http.GetStringAsync(new Uri("assets/ots.css", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_receipt_page_shows_the_status_and_burns_from_its_button()
    {
        await using var host = await StartAsync();
        var shared = await host.ShareAsync(host.Anonymous, new ShareRequest(new SecretText("x"), TimeSpan.FromHours(1)));

        var receipt = await host.Http.GetStringAsync(shared.ReceiptLink);
        using var burn = await host.PostFormAsync(shared.ReceiptLink.AbsolutePath + "/burn", new Dictionary<string, string>());
        var burned = await burn.Content.ReadAsStringAsync();

        Assert.Contains("Not viewed yet", receipt, StringComparison.Ordinal);
        Assert.Contains(shared.SecretLink!.ToString(), receipt, StringComparison.Ordinal);
        Assert.Contains("Burn this secret", receipt, StringComparison.Ordinal);
        Assert.Contains("Burned by the sender", burned, StringComparison.Ordinal);
        Assert.DoesNotContain(shared.SecretKey!, burned, StringComparison.Ordinal);
        Assert.Equal(SecretState.Burned, (await host.Client.GetReceiptAsync(host.Anonymous, shared.MetadataKey)).Value!.State);
    }

    [Fact]
    public async Task The_receipt_page_links_to_the_public_url_whatever_host_the_request_names()
    {
        await using var host = await StartAsync();
        var shared = await host.ShareAsync(host.Anonymous, new ShareRequest(new SecretText("x"), Passphrase: new SecretText("right-passphrase")));

        using var view = new HttpRequestMessage(HttpMethod.Get, shared.ReceiptLink) { Headers = { Host = "evil.example" } };
        using var receipt = await host.Http.SendAsync(view);
        using var burn = new HttpRequestMessage(HttpMethod.Post, shared.ReceiptLink.AbsolutePath + "/burn")
        {
            Headers = { Host = "evil.example:8443" },
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["passphrase"] = "wrong-passphrase" }),
        };
        using var refused = await host.Http.SendAsync(burn);

        foreach (var page in new[] { await receipt.Content.ReadAsStringAsync(), await refused.Content.ReadAsStringAsync() })
        {
            Assert.Contains($"value=\"{shared.SecretLink}\"", page, StringComparison.Ordinal);
            Assert.DoesNotContain("evil.example", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Anonymous_reveal_attempts_on_the_page_are_rate_limited_per_address()
    {
        await using var host = await StartAsync(new Dictionary<string, string?> { ["SecretServer:AnonymousRevealsPerMinute"] = "3" });
        var shared = await host.ShareAsync(host.Alice, new ShareRequest(new SecretText("guess me"), Passphrase: new SecretText("right-one")));

        var statuses = new List<HttpStatusCode>();
        foreach (var guess in new[] { "guess-1", "guess-2", "guess-3", "right-one" })
        {
            using var r = await host.PostFormAsync(shared.SecretLink!.AbsolutePath, new Dictionary<string, string> { ["passphrase"] = guess });
            statuses.Add(r.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.TooManyRequests], statuses);
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        // The same anonymous caller, in the next minute: its window has started again.
        using var nextMinute = await host.PostFormAsync(shared.SecretLink!.AbsolutePath, new Dictionary<string, string> { ["passphrase"] = "right-one" });
        Assert.Equal(HttpStatusCode.OK, nextMinute.StatusCode);
        Assert.Contains("guess me", await nextMinute.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
