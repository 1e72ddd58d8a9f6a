using System.Text.Json;

namespace OneTimeBot.Host.Tests.HostileTenant;

/// <summary>
/// Scenario 8: the receipt page built the secret link from the request's Host header, so a request naming
/// <c>evil.example</c> got a link to evil.example. Links are built on <c>Host:PublicUrl</c> alone.
/// </summary>
public sealed class ReceiptLinkTests
{
    private const string PublicUrl = "https://secrets.example.com";

    [Theory]
    [InlineData("evil.example")]
    [InlineData("evil.example:8443")]
    [InlineData("secrets.example.com.evil.example")]
    public async Task The_receipt_page_links_to_the_public_url_whatever_host_the_request_names(string hostHeader)
    {
        await using var host = new HostFactory(new Dictionary<string, string?> { ["Host:PublicUrl"] = PublicUrl }, kestrel: true);
        host.StartServer();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{host.Port}/") };
        using var share = await http.PostAsync(new Uri("api/v1/share", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["secret"] = "x", ["passphrase"] = "right-passphrase" }));
        var receipt = JsonDocument.Parse(await share.Content.ReadAsStringAsync()).RootElement;
        var metadataKey = receipt.GetProperty("metadata_key").GetString()!;
        var expectedLink = $"{PublicUrl}/secret/{receipt.GetProperty("secret_key").GetString()}";

        using var view = new HttpRequestMessage(HttpMethod.Get, $"receipt/{metadataKey}") { Headers = { Host = hostHeader } };
        using var page = await http.SendAsync(view);
        using var burn = new HttpRequestMessage(HttpMethod.Post, $"receipt/{metadataKey}/burn")
        {
            Headers = { Host = hostHeader },
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["passphrase"] = "wrong-passphrase" }),
        };
        using var refusedBurn = await http.SendAsync(burn);

        foreach (var html in new[] { await page.Content.ReadAsStringAsync(), await refusedBurn.Content.ReadAsStringAsync() })
        {
            Assert.Contains($"value=\"{expectedLink}\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("evil.example", html, StringComparison.Ordinal);
        }
    }
}
