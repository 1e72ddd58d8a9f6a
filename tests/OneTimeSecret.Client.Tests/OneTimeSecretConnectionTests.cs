namespace OneTimeSecret.Client.Tests;

public sealed class OneTimeSecretConnectionTests
{
    [Theory]
    [InlineData("us", "https://us.onetimesecret.com/")]
    [InlineData("EU", "https://eu.onetimesecret.com/")]
    [InlineData("ca", "https://ca.onetimesecret.com/")]
    [InlineData("nz", "https://nz.onetimesecret.com/")]
    [InlineData("uk", "https://uk.onetimesecret.com/")]
    [InlineData("https://secrets.example.com", "https://secrets.example.com/")]
    [InlineData("https://secrets.example.com/api/v1/", "https://secrets.example.com/")]
    [InlineData("http://localhost:7143/ots", "http://localhost:7143/ots/")]
    public void A_region_or_url_becomes_a_web_root(string backend, string expected)
    {
        Assert.True(OneTimeSecretConnection.TryParseBackend(backend, out var baseUri, out var error), error);
        Assert.Equal(new Uri(expected), baseUri);
        Assert.Equal(new Uri(new Uri(expected), "api/v1/"), new OneTimeSecretConnection(baseUri).ApiUri);
    }

    [Theory]
    [InlineData("")]
    [InlineData("mars")]
    [InlineData("ftp://files.example.com")]
    [InlineData("https://user:pw@secrets.example.com")]
    [InlineData("https://secrets.example.com/?x=1")]
    [InlineData("/relative/path")]
    public void Anything_else_is_refused_with_a_reason(string backend)
    {
        Assert.False(OneTimeSecretConnection.TryParseBackend(backend, out _, out var error));
        Assert.NotEmpty(error);
    }

    [Fact]
    public void Credentials_print_without_the_token()
    {
        var credentials = new OneTimeSecretCredentials("alice@example.com", new SecretText("tok_secret_123"));

        Assert.DoesNotContain("tok_secret_123", credentials.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("tok_secret_123", new OneTimeSecretConnection(new Uri("https://eu.onetimesecret.com"), credentials).ToString(), StringComparison.Ordinal);
    }
}
