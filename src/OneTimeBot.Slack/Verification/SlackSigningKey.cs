using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OneTimeBot.Slack.Verification;

/// <summary>
/// <see cref="SlackSignature"/>s under one signing secret. The secret is encoded once, and each thread keeps an HMAC
/// under the key it last signed with, so that checking a request sets up no key and allocates nothing: HMAC-SHA256 runs
/// over the <c>v0:{timestamp}:</c> prefix, made on the stack, and then over the body where it lies.
/// </summary>
internal sealed class SlackSigningKey(string signingSecret)
{
    public const int HashBytes = HMACSHA256.HashSizeInBytes;

    private readonly byte[] _key = Encoding.UTF8.GetBytes(signingSecret);

    // An IncrementalHash is for one caller at a time: one per thread, rebuilt when another key signs on that thread.
    [ThreadStatic]
    private static IncrementalHash? t_hmac;

    [ThreadStatic]
    private static SlackSigningKey? t_hmacKey;

    /// <summary>Writes the signature's <see cref="HashBytes"/> bytes of <paramref name="body"/> sent at <paramref name="timestamp"/>.</summary>
    public void Sign(long timestamp, ReadOnlySpan<byte> body, Span<byte> hash)
    {
        // "v0:", a long's at most 20 characters, ":".
        Span<byte> prefix = stackalloc byte[32];
        var written = Encoding.ASCII.GetBytes(SlackSignature.Version + ":", prefix);
        timestamp.TryFormat(prefix[written..], out var digits, default, CultureInfo.InvariantCulture);
        written += digits;
        prefix[written++] = (byte)':';

        var hmac = ReferenceEquals(t_hmacKey, this) ? t_hmac! : Rekey();
        try
        {
            hmac.AppendData(prefix[..written]);
            hmac.AppendData(body);
            hmac.GetHashAndReset(hash);
        }
        catch
        {
            // Part of a message may be left in it: never used again.
            Forget();
            throw;
        }
    }

    private IncrementalHash Rekey()
    {
        Forget();
        t_hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        t_hmacKey = this;
        return t_hmac;
    }

    private static void Forget()
    {
        t_hmac?.Dispose();
        (t_hmac, t_hmacKey) = (null, null);
    }
}
