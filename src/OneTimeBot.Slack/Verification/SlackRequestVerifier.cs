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
    private const int HashBytes = SlackSigningKey.HashBytes;
    private const string ClaimPrefix = "slack-request:";

    private readonly SlackSigningKey _key;
    private readonly IEventDeduplicator _seen;
    private readonly TimeProvider _time;

    public SlackRequestVerifier(string signingSecret, IEventDeduplicator seen, TimeProvider time)
    {
        // An empty secret would make every signature computable by anyone: a configuration error, never "skip".
        ArgumentException.ThrowIfNullOrWhiteSpace(signingSecret);
        _key = new SlackSigningKey(signingSecret);
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
    public Task<(SlackVerification Verdict, PendingClaim? Claim)> CheckAsync(string? timestampHeader, string? signatureHeader, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var verdict = Check(timestampHeader, signatureHeader, body.Span, out var timestamp, out var claimKey);
        return verdict == SlackVerification.Valid
            ? ClaimAsync(claimKey!, DateTimeOffset.FromUnixTimeSeconds(timestamp), cancellationToken)
            : Task.FromResult<(SlackVerification, PendingClaim?)>((verdict, null));
    }

    /// <summary>The signature's verdict; for a valid one, the request's time and the key its replays are known by.</summary>
    private SlackVerification Check(string? timestampHeader, string? signatureHeader, ReadOnlySpan<byte> body, out long timestamp, out string? claimKey)
    {
        claimKey = null;
        timestamp = 0;
        if (string.IsNullOrWhiteSpace(timestampHeader) || string.IsNullOrWhiteSpace(signatureHeader))
        {
            return SlackVerification.MissingHeaders;
        }

        if (!long.TryParse(timestampHeader.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out timestamp) || timestamp > 253402300799)
        {
            return SlackVerification.MalformedTimestamp;
        }

        var age = _time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(timestamp);
        if (age.Duration() > Window)
        {
            return SlackVerification.Stale;
        }

        var signature = signatureHeader.Trim();
        if (!signature.StartsWith(SlackSignature.Version + "=", StringComparison.Ordinal))
        {
            return SlackVerification.UnsupportedVersion;
        }

        Span<byte> presented = stackalloc byte[HashBytes];
        var hex = signature.AsSpan(SlackSignature.Version.Length + 1);
        if (hex.Length != HashBytes * 2 || Convert.FromHexString(hex, presented, out _, out var written) != System.Buffers.OperationStatus.Done || written != HashBytes)
        {
            return SlackVerification.Forged;
        }

        Span<byte> expected = stackalloc byte[HashBytes];
        _key.Sign(timestamp, body, expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, presented))
        {
            return SlackVerification.Forged;
        }

        Span<char> claim = stackalloc char[ClaimPrefix.Length + HashBytes * 2];
        ClaimPrefix.CopyTo(claim);
        Convert.TryToHexStringLower(presented, claim[ClaimPrefix.Length..], out _);
        claimKey = new string(claim);
        return SlackVerification.Valid;
    }

    private async Task<(SlackVerification Verdict, PendingClaim? Claim)> ClaimAsync(string claimKey, DateTimeOffset sent, CancellationToken cancellationToken)
    {
        // Remembered a little longer than the window, so a replay at its very edge is still recognised.
        var claim = await _seen.ClaimWithNextWriteAsync(claimKey, Window * 2 + TimeSpan.FromMinutes(1), sent, cancellationToken).ConfigureAwait(false);
        return claim is null ? (SlackVerification.Replayed, null) : (SlackVerification.Valid, claim);
    }
}
