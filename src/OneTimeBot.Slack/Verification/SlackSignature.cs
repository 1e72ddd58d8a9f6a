namespace OneTimeBot.Slack.Verification;

/// <summary>Slack's v0 request signature: <c>v0=</c> + hex HMAC-SHA256(signing secret, <c>v0:{timestamp}:{raw body}</c>).</summary>
public static class SlackSignature
{
    public const string Version = "v0";
    public const string TimestampHeader = "X-Slack-Request-Timestamp";
    public const string SignatureHeader = "X-Slack-Signature";
}
