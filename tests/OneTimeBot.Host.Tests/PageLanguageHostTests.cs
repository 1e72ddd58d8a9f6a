using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OneTimeBot.Core.Configuration;
using OneTimeBot.Testing;
using OneTimeSecret.Client;

namespace OneTimeBot.Host.Tests;

/// <summary>The pages' language on the real host: its body limits, its log redaction, and the switch's links.</summary>
public sealed class PageLanguageHostTests
{
    private static readonly Dictionary<string, string?> LogEverything = new()
    {
        ["Logging:LogLevel:Default"] = "Trace",
        ["Logging:LogLevel:Microsoft"] = "Trace",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
        ["SecretServer:PassphraseWorkFactor"] = "4",
    };

    [Fact]
    public async Task A_page_request_refused_for_its_size_is_answered_in_the_language_it_asked_for()
    {
        await using var host = new HostFactory(LogEverything, kestrel: true);
        host.StartServer();
        var receipt = await ShareAsync(host, "Rf3-unique-refused-secret-lkj");
        using var browser = new HttpClient();

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(receipt.SecretLink!, "?lang=sv"))
        {
            Content = new StringContent("passphrase=" + new string('x', 40 * 1024), Encoding.ASCII, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add("Accept-Language", "en");
        using var refused = await browser.SendAsync(request);
        var page = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.Contains("<html lang=\"sv\">", page, StringComparison.Ordinal);
        Assert.Contains("<h1>För stor förfrågan</h1>", page, StringComparison.Ordinal);
        Assert.Contains("Inget visades eller ändrades.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreadable_forms_posted_with_a_language_are_never_a_500_and_reveal_nothing()
    {
        await using var host = new HostFactory(LogEverything, kestrel: true);
        host.StartServer();
        var receipt = await ShareAsync(host, "Ur5-unique-unreadable-secret-ghf");
        using var browser = new HttpClient();

        foreach (var (body, contentType) in new[]
        {
            ("lang=sv&passphrase=%%%ZZ&&=&secret", "application/x-www-form-urlencoded"),
            ("--x\r\nContent-Disposition: form-data; name=\"lang\"\r\n\r\nsv", "multipart/form-data"),
            ("--nb\r\nContent-Disposition: form-data; name=\"lang\"\r\n\r\ntruncated", "multipart/form-data; boundary=nb"),
        })
        {
            foreach (var path in new[] { receipt.SecretLink!.AbsolutePath, $"/receipt/{receipt.MetadataKey}/burn" })
            {
                using var content = new ByteArrayContent(Encoding.ASCII.GetBytes(body));
                content.Headers.TryAddWithoutValidation("Content-Type", contentType);
                using var response = await browser.PostAsync(new Uri(receipt.SecretLink, path), content);
                Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
                Assert.DoesNotContain("Ur5-unique-unreadable", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        Assert.Equal(SecretState.New, (await Client(host).GetReceiptAsync(Connection(host), receipt.MetadataKey)).Value!.State);
    }

    [Fact]
    public async Task Following_the_language_switch_puts_no_key_in_any_log_line()
    {
        await using var host = new HostFactory(LogEverything, kestrel: true);
        host.StartServer();
        var receipt = await ShareAsync(host, "Lg7-unique-logged-secret-poi");
        TestRunLedger.Secret("Lg7-unique-wrong");
        using var browser = new HttpClient();

        foreach (var language in new[] { "sv", "en", "xx" })
        {
            (await browser.GetAsync(new Uri(receipt.SecretLink!, "?lang=" + language))).Dispose();
            (await browser.GetAsync(new Uri(receipt.ReceiptLink, "?lang=" + language))).Dispose();
            (await browser.PostAsync(new Uri(receipt.ReceiptLink + "/burn?lang=" + language), new FormUrlEncodedContent([new("lang", language), new("passphrase", "Lg7-unique-wrong")]))).Dispose();
        }

        var entries = host.Logs.Entries;
        Assert.DoesNotContain(entries, e => e.FullText.Contains(receipt.SecretKey!, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(entries, e => e.FullText.Contains(receipt.MetadataKey, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(entries, e => e.Message.Contains("/secret/[redacted]?lang=sv", StringComparison.Ordinal));
    }

    private static IOneTimeSecretClient Client(HostFactory host) => host.Services.GetRequiredService<IOneTimeSecretClient>();

    private static OneTimeSecretConnection Connection(HostFactory host) => host.Services.GetRequiredService<DefaultBackend>().Connection();

    private static async Task<SecretReceipt> ShareAsync(HostFactory host, string secret)
    {
        TestRunLedger.Secret(secret);
        var receipt = (await Client(host).ShareAsync(Connection(host), new ShareRequest(new SecretText(secret), TimeSpan.FromHours(1), new SecretText(secret + "-phrase")))).Value!;
        TestRunLedger.Secret(receipt.SecretKey);
        TestRunLedger.Secret(receipt.MetadataKey);
        return receipt;
    }
}
