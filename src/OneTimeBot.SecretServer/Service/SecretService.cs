using System.Globalization;
using System.Net.Mail;
using Microsoft.Extensions.Options;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Tracking;
using OneTimeBot.SecretServer.Accounts;
using OneTimeBot.SecretServer.Configuration;
using OneTimeBot.SecretServer.Crypto;
using OneTimeBot.SecretServer.Model;
using OneTimeBot.SecretServer.Storage;
using OneTimeSecret.Client;

namespace OneTimeBot.SecretServer.Service;

/// <summary>
/// The secret service's rules, shared by the API and the pages: limits, lifetimes, passphrases, the one-time reveal
/// and burn, receipts and rate limits. Keys arrive with each call and are never stored: records are found by their
/// ids (<see cref="LookupIds"/>) and everything a key unlocks is sealed under it. Time comes from
/// <see cref="TimeProvider"/>, so expiry is testable.
/// </summary>
public sealed class SecretService(
    ISecretStore store,
    SecretCipher cipher,
    PassphraseHasher hasher,
    LookupIds ids,
    ReceiptSeals seals,
    RateLimiter limiter,
    IOptions<SecretServerOptions> options,
    TimeProvider time,
    IEnumerable<ISecretStateListener> listeners)
{
    private static readonly TimeSpan RecentWindow = TimeSpan.FromDays(30);

    // When every bcrypt slot is taken: a moment is enough for one to come free.
    private static readonly TimeSpan Busy = TimeSpan.FromSeconds(2);

    private SecretServerOptions Limits => options.Value;

    public async Task<Result<CreatedSecret, ServiceError>> ShareAsync(Caller caller, CreateInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Secret is null || string.IsNullOrWhiteSpace(input.Secret.Reveal()))
        {
            return ServiceError.Invalid("You did not provide anything to share");
        }

        if (input.Secret.Utf8ByteCount > Limits.MaxSecretBytes)
        {
            return ServiceError.Invalid($"The secret is too long: {input.Secret.Utf8ByteCount:N0} bytes, and the limit is {Limits.MaxSecretBytes:N0} bytes.");
        }

        return await CreateAsync(caller, input, input.Secret, generated: false, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Result<CreatedSecret, ServiceError>> GenerateAsync(Caller caller, CreateInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var length = int.TryParse(input.Length, NumberStyles.Integer, CultureInfo.InvariantCulture, out var requested) && requested > 0
            ? requested
            : PasswordGenerator.DefaultLength;
        return await CreateAsync(caller, input, PasswordGenerator.Generate(length), generated: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether a live secret exists, and needs a passphrase. Changes nothing, so link previews are harmless.</summary>
    public async Task<SecretPreview?> PreviewAsync(string secretKey, CancellationToken cancellationToken)
    {
        var found = OtsKeys.IsWellFormed(secretKey) ? await FindLiveSecretAsync(secretKey, cancellationToken).ConfigureAwait(false) : null;
        return found is null ? null : new SecretPreview(secretKey, found.Value.Secret.HasPassphrase);
    }

    /// <summary>
    /// Reveals the secret once. A wrong passphrase leaves it in place (and, as in v1, looks like an unknown secret);
    /// the atomic take means that of concurrent reveals exactly one gets the value.
    /// </summary>
    public async Task<Result<RevealedValue, ServiceError>> RevealAsync(Caller caller, string secretKey, SecretText? passphrase, CancellationToken cancellationToken)
    {
        if (!OtsKeys.IsWellFormed(secretKey))
        {
            return ServiceError.UnknownSecret(secretKey);
        }

        if (await FindLiveSecretAsync(secretKey, cancellationToken).ConfigureAwait(false) is not var (secret, lookupId))
        {
            return ServiceError.UnknownSecret(secretKey);
        }

        if (await PassphraseRefusalAsync(caller, lookupId, secret, passphrase, ServiceError.UnknownSecret(secretKey), cancellationToken).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        // Decrypt before taking, so a secret this server cannot read (a changed key) is refused, not destroyed.
        var value = cipher.Decrypt(secret.Ciphertext, secretKey, lookupId);
        if (await store.TakeSecretAsync(secret.Id, cancellationToken).ConfigureAwait(false) is null)
        {
            return ServiceError.UnknownSecret(secretKey);
        }

        var now = time.GetUtcNow();
        var receipt = await store.FindReceiptAsync(StoreLookup.Exact(secret.ReceiptId), cancellationToken).ConfigureAwait(false);
        if (receipt is not null)
        {
            await store.UpdateReceiptAsync(receipt with { State = ReceiptState.Received, Received = now, Updated = now }, cancellationToken).ConfigureAwait(false);
            Announce(receipt, SecretStatus.Viewed, now);
        }

        return Result<RevealedValue, ServiceError>.Success(new RevealedValue(value, secretKey, receipt?.ShareDomain ?? ""));
    }

    public async Task<Result<Receipt, ServiceError>> ReceiptAsync(string metadataKey, CancellationToken cancellationToken)
    {
        var receipt = await FindLiveReceiptAsync(metadataKey, cancellationToken).ConfigureAwait(false);
        return receipt is null ? ServiceError.UnknownSecret(null) : Result<Receipt, ServiceError>.Success(View(metadataKey, receipt));
    }

    public async Task<Result<Receipt, ServiceError>> BurnAsync(Caller caller, string metadataKey, SecretText? passphrase, CancellationToken cancellationToken)
    {
        var receipt = await FindLiveReceiptAsync(metadataKey, cancellationToken).ConfigureAwait(false);
        if (receipt is null || !ReceiptState.SecretAlive(receipt.State))
        {
            return ServiceError.UnknownSecret(null);
        }

        var view = View(metadataKey, receipt);
        var secret = await FindLiveSecretAsync(StoreLookup.Exact(receipt.SecretId), cancellationToken).ConfigureAwait(false);
        if (secret is null)
        {
            return ServiceError.UnknownSecret(null);
        }

        // Counted under the same id as reveals of this secret, whichever way and under whichever key its receipt was stored.
        var secretId = receipt.IsLegacy ? ids.SecretId(view.SecretKey!) : receipt.SecretId;
        if (await PassphraseRefusalAsync(caller, secretId, secret, passphrase, ServiceError.Invalid("Incorrect passphrase"), cancellationToken).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        if (await store.TakeSecretAsync(secret.Id, cancellationToken).ConfigureAwait(false) is null)
        {
            return ServiceError.UnknownSecret(null);
        }

        var burned = receipt with { State = ReceiptState.Burned, Updated = time.GetUtcNow() };
        await store.UpdateReceiptAsync(burned, cancellationToken).ConfigureAwait(false);
        Announce(burned, SecretStatus.Burned, burned.Updated);
        return Result<Receipt, ServiceError>.Success(view with { Record = burned });
    }

    /// <summary>
    /// An API account's receipts of the last 30 days, each with the metadata key sealed under the token it presents.
    /// The bot's internal account has none to list: its token derives from the server key, so a list it could open
    /// would be open to anyone holding that key; its receipts (every workspace's) are not indexed at all.
    /// </summary>
    public async Task<Result<IReadOnlyList<Receipt>, ServiceError>> RecentAsync(Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.IsAnonymous)
        {
            return ServiceError.NotAuthorized();
        }

        if (caller.IsInternal || caller.Token is null)
        {
            return Result<IReadOnlyList<Receipt>, ServiceError>.Success([]);
        }

        var now = time.GetUtcNow();
        var stored = await store.RecentReceiptsAsync(caller.CustomerId, now - RecentWindow, cancellationToken).ConfigureAwait(false);
        var listKeys = seals.RecentListKeys(caller.CustomerId, caller.Token);
        var receipts = new List<Receipt>(stored.Count);
        foreach (var receipt in stored.Where(r => !r.IsExpired(now)))
        {
            // A seal that does not open was made under a token the account no longer has; that receipt is not listed.
            var metadataKey = receipt.IsLegacy ? receipt.Id
                : receipt.SealedMetadataKey is { } sealedKey ? ReceiptSeals.TryOpenMetadataKey(sealedKey, listKeys, receipt.Id)
                : null;
            if (metadataKey is not null)
            {
                receipts.Add(new Receipt(metadataKey, null, receipt.AsOf(now)));
            }
        }

        return Result<IReadOnlyList<Receipt>, ServiceError>.Success(receipts);
    }

    /// <summary>Counts a create or reveal against the caller's rate limit; see <see cref="RateLimiter"/>.</summary>
    public Task<ServiceError?> CheckRateAsync(Caller caller, RateLimitedAction action, CancellationToken cancellationToken) =>
        limiter.CheckAsync(caller, action, cancellationToken);

    public TimeSpan ClampTtl(Caller caller, string? requested)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var max = caller.IsAnonymous ? Limits.AnonymousMaxTtl : Limits.MaxTtl;
        // Like v1: a TTL that is not a positive number means the default; one out of range is clamped, not refused.
        var ttl = double.TryParse(requested, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 1 && seconds < 1e9
            ? TimeSpan.FromSeconds(Math.Floor(seconds))
            : Limits.DefaultTtl;
        return ttl < Limits.MinTtl ? Limits.MinTtl : ttl > max ? max : ttl;
    }

    private async Task<Result<CreatedSecret, ServiceError>> CreateAsync(Caller caller, CreateInput input, SecretText value, bool generated, CancellationToken cancellationToken)
    {
        if (input.Passphrase is { IsEmpty: false } p && (p.Length < Limits.MinPassphraseLength || p.Length > Limits.MaxPassphraseLength))
        {
            return ServiceError.Invalid($"The passphrase must be between {Limits.MinPassphraseLength} and {Limits.MaxPassphraseLength} characters.");
        }

        var recipients = new List<string>();
        if (!string.IsNullOrWhiteSpace(input.Recipient))
        {
            if (caller.IsAnonymous)
            {
                return ServiceError.Invalid("Sending to a recipient needs an account; anonymous shares cannot name one.");
            }

            if (!MailAddress.TryCreate(input.Recipient.Trim(), out var address) || address.Address != input.Recipient.Trim())
            {
                return ServiceError.Invalid("The recipient must be a single valid email address.");
            }

            recipients.Add(EmailObscurer.Obscure(address.Address));
        }

        var shareDomain = input.ShareDomain?.Trim() ?? "";
        if (shareDomain.Length > 0 && !Limits.ShareDomains.Contains(shareDomain, StringComparer.OrdinalIgnoreCase))
        {
            return ServiceError.Invalid($"The share domain '{shareDomain}' is not one this server serves.");
        }

        var now = time.GetUtcNow();
        var ttl = ClampTtl(caller, input.Ttl);
        var secretKey = SecretKeys.New();
        var metadataKey = SecretKeys.New();
        var secretId = ids.SecretId(secretKey);
        var receiptId = ids.ReceiptId(metadataKey);
        string? passphraseHash = null;
        if (input.Passphrase is { IsEmpty: false } passphrase &&
            (passphraseHash = await hasher.HashAsync(passphrase, cancellationToken).ConfigureAwait(false)) is null)
        {
            return ServiceError.RateLimited(Busy);
        }

        var secret = new StoredSecret(secretId, receiptId, cipher.Encrypt(value, secretKey, secretId), passphraseHash, now, now + ttl);
        var receipt = new StoredReceipt(
            Id: receiptId,
            SecretId: secretId,
            SealedSecretKey: seals.SealSecretKey(secretKey, metadataKey, receiptId),
            SealedMetadataKey: caller is { Kind: CallerKind.Account, Token: { } token }
                ? ReceiptSeals.SealMetadataKey(metadataKey, seals.RecentListKey(caller.CustomerId, token), receiptId)
                : null,
            CustomerId: caller.CustomerId,
            State: ReceiptState.New,
            TtlSeconds: (long)ttl.TotalSeconds,
            Created: now,
            Updated: now,
            Received: null,
            SecretExpiresAt: now + ttl,
            ExpiresAt: now + ttl * 2,
            Recipients: recipients,
            ShareDomain: shareDomain,
            PassphraseRequired: passphraseHash is not null);

        await store.SaveAsync(secret, receipt, cancellationToken).ConfigureAwait(false);
        return Result<CreatedSecret, ServiceError>.Success(new CreatedSecret(new Receipt(metadataKey, secretKey, receipt), generated ? value : null));
    }

    /// <summary>
    /// Null when the secret needs no passphrase or the right one was given; else why not. A passphrase attempt is
    /// counted (per secret and per client) before bcrypt runs, so a refused one costs a counter, not a bcrypt run.
    /// </summary>
    private async Task<ServiceError?> PassphraseRefusalAsync(Caller caller, string secretId, StoredSecret secret, SecretText? passphrase, ServiceError wrong, CancellationToken cancellationToken)
    {
        if (!secret.HasPassphrase)
        {
            return null;
        }

        if (passphrase is null || passphrase.IsEmpty)
        {
            return wrong;
        }

        if (await limiter.CheckPassphraseAttemptAsync(caller, secretId, cancellationToken).ConfigureAwait(false) is { } limited)
        {
            return limited;
        }

        return await hasher.VerifyAsync(passphrase, secret.PassphraseHash!, cancellationToken).ConfigureAwait(false) switch
        {
            true => null,
            false => wrong,
            null => ServiceError.RateLimited(Busy),
        };
    }

    /// <summary>
    /// Tells whoever listens (the bot's link tracking) that a secret was revealed or burned, under its receipt's id: a
    /// keyed hash of the metadata key, never a key. A receipt from before ids were hashed is stored under its key, so it
    /// is not announced.
    /// </summary>
    private void Announce(StoredReceipt receipt, SecretStatus status, DateTimeOffset at)
    {
        if (receipt.IsLegacy)
        {
            return;
        }

        var change = new SecretStateChange(receipt.Id, status, at);
        foreach (var listener in listeners)
        {
            listener.SecretChanged(change);
        }
    }

    /// <summary>The receipt with its secret key, unsealed with the metadata key the caller presented.</summary>
    private Receipt View(string metadataKey, StoredReceipt receipt) =>
        new(metadataKey, receipt.IsLegacy ? receipt.SecretId : seals.OpenSecretKey(receipt.SealedSecretKey!, metadataKey, receipt.Id), receipt);

    /// <summary>
    /// The secret a link's key names and the id it was found under (the current key's, or during a rotation a previous
    /// key's, which its ciphertext is bound to), or null when there is none or it has expired.
    /// </summary>
    private async Task<(StoredSecret Secret, string LookupId)?> FindLiveSecretAsync(string secretKey, CancellationToken cancellationToken)
    {
        foreach (var lookup in ids.SecretCandidates(secretKey))
        {
            if (await FindLiveSecretAsync(lookup, cancellationToken).ConfigureAwait(false) is { } secret)
            {
                return (secret, lookup.Id);
            }
        }

        return null;
    }

    /// <summary>The secret if it exists and has not expired; an expired one is deleted on sight and its receipt updated.</summary>
    private async Task<StoredSecret?> FindLiveSecretAsync(StoreLookup lookup, CancellationToken cancellationToken)
    {
        var secret = await store.FindSecretAsync(lookup, cancellationToken).ConfigureAwait(false);
        if (secret is null || !secret.IsExpired(time.GetUtcNow()))
        {
            return secret;
        }

        await ExpireAsync(secret.Id, secret.ReceiptId, cancellationToken).ConfigureAwait(false);
        return null;
    }

    private async Task<StoredReceipt?> FindLiveReceiptAsync(string metadataKey, CancellationToken cancellationToken)
    {
        if (!OtsKeys.IsWellFormed(metadataKey))
        {
            return null;
        }

        var now = time.GetUtcNow();
        StoredReceipt? receipt = null;
        foreach (var lookup in ids.ReceiptCandidates(metadataKey))
        {
            if ((receipt = await store.FindReceiptAsync(lookup, cancellationToken).ConfigureAwait(false)) is not null)
            {
                break;
            }
        }

        if (receipt is null || receipt.IsExpired(now))
        {
            return null;
        }

        var current = receipt.AsOf(now);
        if (current.State != receipt.State)
        {
            await ExpireAsync(receipt.SecretId, receipt.Id, cancellationToken).ConfigureAwait(false);
        }

        return current;
    }

    private async Task ExpireAsync(string secretId, string receiptId, CancellationToken cancellationToken)
    {
        await store.TakeSecretAsync(secretId, cancellationToken).ConfigureAwait(false);
        if (await store.FindReceiptAsync(StoreLookup.Exact(receiptId), cancellationToken).ConfigureAwait(false) is { } receipt && ReceiptState.SecretAlive(receipt.State))
        {
            await store.UpdateReceiptAsync(receipt with { State = ReceiptState.Expired, Updated = receipt.SecretExpiresAt }, cancellationToken).ConfigureAwait(false);
        }
    }
}
