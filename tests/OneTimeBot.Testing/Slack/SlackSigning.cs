using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OneTimeBot.Testing.Slack;

/// <summary>
/// Signs a request as Slack does, written from Slack's documentation rather than borrowed from the app, so that a test
/// signature proves the app's check right instead of agreeing with it: <c>v0=</c> + lowercase hex
/// HMAC-SHA256(signing secret, <c>v0:{timestamp}:{raw body}</c>).
/// </summary>
public static class SlackSigning
{
    public const string TimestampHeader = "X-Slack-Request-Timestamp";
    public const string SignatureHeader = "X-Slack-Signature";

    public static string Signature(string signingSecret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"v0:{timestamp.ToString(CultureInfo.InvariantCulture)}:");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingSecret), message));
    }
}
