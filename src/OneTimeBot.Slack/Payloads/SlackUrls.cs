namespace OneTimeBot.Slack.Payloads;

internal static class SlackUrls
{
    /// <summary>
    /// A response_url as an absolute http(s) URL, or null. Only its shape: a signed request can still carry a URL
    /// Slack never made, so whether it may be posted to is <see cref="WebApi.ResponseUrlPolicy"/>'s decision.
    /// </summary>
    public static Uri? TryResponseUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri : null;
}
