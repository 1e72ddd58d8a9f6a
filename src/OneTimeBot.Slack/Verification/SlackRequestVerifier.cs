using System.Globalization;
using System.Security.Cryptography;
using OneTimeBot.Core.Events;

namespace OneTimeBot.Slack.Verification;

/// <summary>
/// Checks that a request came from Slack, on the raw body bytes as received: the v0 HMAC-SHA256 signature under the
/// app's signing secret, compared in constant time, with a timestamp within five minutes. A valid signature is
/// accepted once: a replay inside the window (which the signature alone would let through) is refused, so a captured
/// slash command cannot create a second secret.
/// </summary>
public sealed class SlackRequestVerifier
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);
    private const int HashBytes = 32;

    private readonly string _signingSecret;
    private readonly IEventDeduplicator _seen;
    private readonly TimeProvider _time;

    public SlackRequestVerifier(string signingSecret, IEventDeduplicator seen, TimeProvider time)
    {
        // An empty secret would make every signature computable by anyone: a configuration error, never "skip".
        ArgumentException.ThrowIfNullOrWhiteSpace(signingSecret);
        _signingSecret = signingSecret;
        _seen = seen ?? throw new ArgumentNullException(nameof(seen));
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>The verdict, with the request's claim stored when it is <see cref="SlackVerification.Valid"/>.</summary>
    public async Task<SlackVerification> VerifyAsync(string? timestampHeader, string? signatureHeader, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var (verdict, claim) = await CheckAsync(timestampHeader, signatureHeader, body, cancellationToken).ConfigureAwait(false);
        return claim is null || await claim.StoredAsync().ConfigureAwait(false) ? verdict : SlackVerification.Replayed;
    }

    /// <summary>
    /// The verdict, and for a <see cref="SlackVerification.Valid"/> request its claim, which may not be stored yet: the
    /// caller acts on the request, then awaits <see cref="PendingClaim.StoredAsync"/> and answers only when it is true.
    /// The claim then rides in the same commit as what the request writes.
    /// </summary>
    public async Task<(SlackVerification Verdict, PendingClaim? Claim)> CheckAsync(string? timestampHeader, string? signatureHeader, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(timestampHeader) || string.IsNullOrWhiteSpace(signatureHeader))
        {
            return (SlackVerification.MissingHeaders, null);
        }

        if (!long.TryParse(timestampHeader.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp) || timestamp > 253402300799)
        {
            return (SlackVerification.MalformedTimestamp, null);
        }

        var age = _time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(timestamp);
        if (age.Duration() > Window)
        {
            return (SlackVerification.Stale, null);
        }

        var signature = signatureHeader.Trim();
        if (!signature.StartsWith(SlackSignature.Version + "=", StringComparison.Ordinal))
        {
            return (SlackVerification.UnsupportedVersion, null);
        }

        var presented = new byte[HashBytes];
        var hex = signature.AsSpan(SlackSignature.Version.Length + 1);
        if (hex.Length != HashBytes * 2 || Convert.FromHexString(hex, presented, out _, out var written) != System.Buffers.OperationStatus.Done || written != HashBytes)
        {
            return (SlackVerification.Forged, null);
        }

        var expected = SlackSignature.Hash(_signingSecret, timestamp, body.Span);
        if (!CryptographicOperations.FixedTimeEquals(expected, presented))
        {
            return (SlackVerification.Forged, null);
        }

        // Remembered a little longer than the window, so a replay at its very edge is still recognised.
        var claim = await _seen.ClaimWithNextWriteAsync(
            "slack-request:" + Convert.ToHexStringLower(presented), Window * 2 + TimeSpan.FromMinutes(1), DateTimeOffset.FromUnixTimeSeconds(timestamp), cancellationToken).ConfigureAwait(false);
        return claim is null ? (SlackVerification.Replayed, null) : (SlackVerification.Valid, claim);
    }
}
