namespace OneTimeBot.Slack.Payloads;

internal static class SlackUrls
{
    /// <summary>A response_url as an absolute http(s) URL, or null. It came in a signed request, so its host is Slack's choice.</summary>
    public static Uri? TryResponseUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri : null;
}
