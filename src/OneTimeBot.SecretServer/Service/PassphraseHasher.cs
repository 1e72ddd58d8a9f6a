using Microsoft.Extensions.Options;
using OneTimeBot.SecretServer.Configuration;
using OneTimeSecret.Client;

namespace OneTimeBot.SecretServer.Service;

/// <summary>
/// bcrypt over a SHA-384 pre-hash (BCrypt.Net's "enhanced" mode): bcrypt alone ignores everything past 72 bytes,
/// and passphrases may be 128 characters. Verification compares in constant time. Every verification is counted,
/// since each costs about a tenth of a second of a core. At most <see cref="SecretServerOptions.ConcurrentPassphraseChecks"/>
/// run at once: rate limits are per address, and many addresses together must not take the whole machine.
/// </summary>
public sealed class PassphraseHasher(IOptions<SecretServerOptions> options, SecretServerMetrics metrics, TimeProvider time) : IDisposable
{
    // Long enough to ride out a burst of honest use; short enough that a caller still answers its platform in time.
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _running = new(options.Value.ConcurrentPassphraseChecks, options.Value.ConcurrentPassphraseChecks);

    /// <summary>The hash, or null when too many passphrases are being checked to start another now.</summary>
    public async Task<string?> HashAsync(SecretText passphrase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(passphrase);
        if (!await TryStartAsync(cancellationToken).ConfigureAwait(false))
        {
            metrics.PassphraseCheckDeferred();
            return null;
        }

        try
        {
            return BCrypt.Net.BCrypt.EnhancedHashPassword(passphrase.Reveal(), BCrypt.Net.HashType.SHA384, options.Value.PassphraseWorkFactor);
        }
        finally
        {
            _running.Release();
        }
    }

    /// <summary>Whether the passphrase matches; null when too many passphrases are being checked to start another now.</summary>
    public async Task<bool?> VerifyAsync(SecretText? passphrase, string hash, CancellationToken cancellationToken)
    {
        if (passphrase is null || passphrase.IsEmpty)
        {
            return false;
        }

        if (!await TryStartAsync(cancellationToken).ConfigureAwait(false))
        {
            metrics.PassphraseCheckDeferred();
            return null;
        }

        bool matched;
        try
        {
            matched = BCrypt.Net.BCrypt.EnhancedVerify(passphrase.Reveal(), hash, BCrypt.Net.HashType.SHA384);
        }
        catch (BCrypt.Net.SaltParseException)
        {
            matched = false;
        }
        finally
        {
            _running.Release();
        }

        metrics.PassphraseChecked(matched);
        return matched;
    }

    // The wait is timed by the TimeProvider rather than by SemaphoreSlim's own timeout so that a test can move the clock
    // past it: a test racing the real clock against a slow check failed on a busy CI machine.
    private async Task<bool> TryStartAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_running.Wait(0, CancellationToken.None))
        {
            return true;
        }

        using var waited = new CancellationTokenSource(LongestWait, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(waited.Token, cancellationToken);
        try
        {
            await _running.WaitAsync(either.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public void Dispose() => _running.Dispose();
}
