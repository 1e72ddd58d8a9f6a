using OneTimeBot.SecretServer.Pages;

namespace OneTimeBot.SecretServer.Tests;

public sealed class RefusalPageTests
{
    [Fact]
    public void A_refused_page_request_says_that_nothing_happened_on_the_services_own_layout()
    {
        var page = RefusalPage.Render("Request too large", "The request is too large: this endpoint accepts at most 16,384 bytes.");

        Assert.Contains("<title>Request too large · OneTimeBot</title>", page, StringComparison.Ordinal);
        Assert.Contains("<h1>Request too large</h1>", page, StringComparison.Ordinal);
        Assert.Contains("accepts at most 16,384 bytes. Nothing was revealed or changed.", page, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"stylesheet\" href=\"/", page, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"robots\" content=\"noindex, nofollow\">", page, StringComparison.Ordinal);
    }
}
