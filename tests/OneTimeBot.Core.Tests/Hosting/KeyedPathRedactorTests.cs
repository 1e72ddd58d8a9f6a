using OneTimeBot.Core.Hosting.Redaction;

namespace OneTimeBot.Core.Tests.Hosting;

public sealed class KeyedPathRedactorTests
{
    private const string Key = "k3y0f4s3cr3tth4t1sl0ngenough";

    [Theory]
    [InlineData("/secret/" + Key, "/secret/[redacted]")]
    [InlineData("/receipt/" + Key, "/receipt/[redacted]")]
    [InlineData("/receipt/" + Key + "/burn", "/receipt/[redacted]/burn")]
    [InlineData("/api/v1/secret/" + Key, "/api/v1/secret/[redacted]")]
    [InlineData("/api/v1/private/" + Key, "/api/v1/private/[redacted]")]
    [InlineData("/api/v1/metadata/" + Key + "/burn", "/api/v1/metadata/[redacted]/burn")]
    [InlineData("/api/v1/receipt/" + Key + "?x=1", "/api/v1/receipt/[redacted]?x=1")]
    [InlineData("/SECRET/" + Key, "/SECRET/[redacted]")]
    [InlineData("Request starting HTTP/1.1 POST https://bot.example.com/secret/" + Key + " - application/json 12", "Request starting HTTP/1.1 POST https://bot.example.com/secret/[redacted] - application/json 12")]
    [InlineData("RequestPath:/receipt/" + Key + " RequestId:0HN:1", "RequestPath:/receipt/[redacted] RequestId:0HN:1")]
    [InlineData("link='https://x.example/secret/" + Key + "'", "link='https://x.example/secret/[redacted]'")]
    [InlineData("{\"link\":\"https:\\/\\/x.example\\/secret\\/" + Key + "\"}", "{\"link\":\"https:\\/\\/x.example\\/secret\\/[redacted]\"}")]
    [InlineData("next=https%3A%2F%2Fx.example%2Fsecret%2F" + Key + "%3Fa", "next=https%3A%2F%2Fx.example%2Fsecret%2F[redacted]%3Fa")]
    [InlineData("Invalid request target: '/secret/" + Key + "\\xFF#x'", "Invalid request target: '/secret/[redacted]\\xFF#x'")]
    [InlineData("two: /secret/" + Key + " and /receipt/" + Key + "/burn", "two: /secret/[redacted] and /receipt/[redacted]/burn")]
    [InlineData("POST /secret//" + Key, "POST /secret//[redacted]")]
    [InlineData("/api/v1/secret/ " + Key, "/api/v1/secret/ [redacted]")]
    [InlineData("/secret/%20" + Key, "/secret/%20[redacted]")]
    [InlineData("/secret/\"" + Key, "/secret/\"[redacted]")]
    [InlineData("https://x/secret%252F" + Key, "https://x/secret%252F[redacted]")]
    [InlineData("\\/secret\\u002F" + Key, "\\/secret\\u002F[redacted]")]
    public void The_key_segment_after_a_keyed_prefix_is_redacted_wherever_it_appears(string text, string expected)
    {
        Assert.Equal(expected, KeyedPathRedactor.Redact(text));
    }

    [Theory]
    [InlineData("POST http://bot.example.com/api/v1/share?secret=hunter2&ttl=600 - 0", "POST http://bot.example.com/api/v1/share?secret=[redacted]&ttl=600 - 0")]
    [InlineData("QueryString=?ttl=60&passphrase=open%20sesame", "QueryString=?ttl=60&passphrase=[redacted]")]
    [InlineData("GET /slack/oauth_redirect?code=1234.5678.abcd&state=s7 - 302", "GET /slack/oauth_redirect?code=[redacted]&state=s7 - 302")]
    [InlineData("?token=xoxb-1-2-3", "?token=[redacted]")]
    [InlineData("/api/v1/generate?VALUE=Gen3rated", "/api/v1/generate?VALUE=[redacted]")]
    public void A_credential_a_client_put_in_a_query_string_is_redacted(string text, string expected)
    {
        Assert.Equal(expected, KeyedPathRedactor.Redact(text));
    }

    [Theory]
    [InlineData("/api/v1/private/recent")]
    [InlineData("GET /slack/oauth_redirect?state=s7&error=access_denied")]
    [InlineData("secretcode=5 and token = 7")]
    [InlineData("GET https://bot.example.com/api/v1/private/recent?x=1")]
    [InlineData("/api/v1/status")]
    [InlineData("/slack/commands")]
    [InlineData("/secret/")]
    [InlineData("Secret service POST HTTP: POST /api/v1/secret/{key} => Reveal failed with IOException")]
    [InlineData("Refused a SecretPages request body with 413")]
    public void Paths_without_a_key_are_left_as_they_are(string text)
    {
        var redacted = KeyedPathRedactor.Redact(text);

        Assert.Equal(text.Replace("{key}", "[redacted]", StringComparison.Ordinal), redacted);
    }

    [Fact]
    public void Text_that_names_no_keyed_prefix_is_returned_as_the_same_instance()
    {
        var text = "Request finished HTTP/1.1 GET http://localhost/healthz - 200";

        Assert.Same(text, KeyedPathRedactor.Redact(text));
        Assert.False(KeyedPathRedactor.MayHoldKey(text));
    }
}
