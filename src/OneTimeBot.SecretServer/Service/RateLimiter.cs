using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneTimeBot.Core.RateLimits;
using OneTimeBot.SecretServer.Accounts;
using OneTimeBot.SecretServer.Configuration;

namespace OneTimeBot.SecretServer.Service;

/// <summary>
/// Fixed-window counters in the shared rate counter, so every replica on one store counts together, each checked before the
/// work it guards: a refused passphrase attempt runs no bcrypt. Counters are named after a client address, an account
/// or a secret's lookup id, never after a key.
/// <para>
/// The bot's internal account is not limited here. It carries every workspace that uses the embedded backend at once,
/// so any limit on it would let one busy workspace throttle all the others; instead the bot limits each user and each
/// workspace (<c>CreationLimits</c>) before a call gets here. Passphrase attempts through it still count per secret.
/// </para>
/// </summary>
public sealed partial class RateLimiter(
    IRateCounter counters,
    IOptions<SecretServerOptions> options,
    TimeProvider time,
    SecretServerMetrics metrics,
    ILogger<RateLimiter> logger)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private SecretServerOptions Limits => options.Value;

    /// <summary>Counts a create or a reveal against the caller's limit: per address when anonymous, per account otherwise.</summary>
    public Task<ServiceError?> CheckAsync(Caller caller, RateLimitedAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return (caller.Kind, action) switch
        {
            (CallerKind.Internal, _) => Task.FromResult<ServiceError?>(null),
            (CallerKind.Anonymous, RateLimitedAction.Create) => CountAsync(new("anonymous-creates", Limits.AnonymousCreatesPerMinute, Minute), caller.ClientAddress, cancellationToken),
            (CallerKind.Anonymous, _) => CountAsync(new("anonymous-reveals", Limits.AnonymousRevealsPerMinute, Minute), caller.ClientAddress, cancellationToken),
            (_, RateLimitedAction.Create) => CountAsync(new("account-creates", Limits.AccountCreatesPerMinute, Minute), caller.CustomerId, cancellationToken),
            _ => CountAsync(new("account-reveals", Limits.AccountRevealsPerMinute, Minute), caller.CustomerId, cancellationToken),
        };
    }

    /// <summary>
    /// Counts a passphrase attempt (reveal or burn) on the secret with <paramref name="secretId"/>, per secret from
    /// anyone and per client address, before bcrypt runs. The bot's own address relays every workspace's users, so
    /// the bot is counted per secret only.
    /// </summary>
    public async Task<ServiceError?> CheckPassphraseAttemptAsync(Caller caller, string secretId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var perSecret = CountAsync(new("passphrase-per-secret", Limits.PassphraseAttemptsPerSecret, Limits.PassphraseAttemptWindow), secretId, cancellationToken);
        var perClient = caller.IsInternal
            ? Task.FromResult<ServiceError?>(null)
            : CountAsync(new("passphrase-per-client", Limits.PassphraseAttemptsPerClientPerMinute, Minute), caller.ClientAddress, cancellationToken);
        var refusals = await Task.WhenAll(perSecret, perClient).ConfigureAwait(false);
        return refusals.Where(r => r is not null).MaxBy(r => r!.RetryAfter);
    }

    private async Task<ServiceError?> CountAsync(Limit limit, string subject, CancellationToken cancellationToken)
    {
        if (limit.PerWindow == 0)
        {
            return null;
        }

        var window = FixedWindow.At(time.GetUtcNow(), limit.Window);
        var count = await counters.CountAsync($"ots:counter:{limit.Name}:{subject}", window, cancellationToken).ConfigureAwait(false);
        if (count <= limit.PerWindow)
        {
            return null;
        }

        metrics.RateLimited(limit.Name);
        if (count == limit.PerWindow + 1)
        {
            LogLimitReached(logger, limit.Name, limit.PerWindow, limit.Window);
        }

        return ServiceError.RateLimited(window.Remaining);
    }

    /// <summary>A limit of <see cref="PerWindow"/> per fixed window; 0 (allowed for accounts only) means off.</summary>
    private sealed record Limit(string Name, int PerWindow, TimeSpan Window);

    // Once per subject and window, and without the subject: an address is personal data.
    [LoggerMessage(Level = LogLevel.Information, Message = "Rate limit {Limit} reached ({PerWindow} per {Window}); refusing more until the window ends")]
    private static partial void LogLimitReached(ILogger logger, string limit, int perWindow, TimeSpan window);
}
