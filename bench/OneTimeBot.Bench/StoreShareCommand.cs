using System.Globalization;
using System.Security.Cryptography;
using OneTimeBot.Core.RateLimits;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Tracking;
using OneTimeBot.Core.Workspaces;

namespace OneTimeBot.Bench;

/// <summary>
/// What one <c>/onetime share</c> asks of the store, in the order the host asks it: the Slack verifier claims the
/// request's signature (<c>SlackRequestVerifier</c>), the sharing service reads the workspace's settings
/// (<c>WorkspaceSettingsService</c>), counts the creation against the per-user and per-workspace limits when they are on
/// (<c>CreationLimiter</c>; its defaults have both on), then saves the sealed receipt through the vault and starts
/// tracking the link for its owner (<c>LinkTracker</c>: one insert), the two at once as <c>SharingService.RecordAsync</c> does.
/// The Onetime Secret call between the limits and the receipt is left out.
/// </summary>
internal sealed class StoreShareCommand
{
    public const string Backend = "https://eu.onetimesecret.com";

    // Slack's replay window is 5 minutes; the verifier keeps a signature for twice that and a minute more.
    private static readonly TimeSpan ReplayWindow = TimeSpan.FromMinutes(11);
    private static readonly TimeSpan LimitWindow = TimeSpan.FromMinutes(1);

    // The users of one busy workspace taking turns: most counts add to a counter the minute already has.
    private const int Users = 1000;

    private readonly StoreUnderTest _store;

    public StoreShareCommand(StoreUnderTest store, bool creationLimits)
    {
        _store = store;
        StoreStep claim = new("claim", _ => ClaimAsync());
        StoreStep settings = new("settings", _ => ReadSettingsAsync());
        StoreStep record = new("receipt + track", command => Task.WhenAll(SaveReceiptAsync(command), TrackAsync(command)));
        Steps = creationLimits
            ? [claim, settings, new("count user", CountUserAsync), new("count workspace", _ => CountWorkspaceAsync()), record]
            : [claim, settings, record];
    }

    /// <summary>The store operations of one command, in order; each is given the command's number.</summary>
    public IReadOnlyList<StoreStep> Steps { get; }

    /// <summary>A receipt as the sharing service records a new secret shared for a day, before the vault seals it.</summary>
    public static (ReceiptRecord Receipt, ReceiptKeys Keys) NewReceipt(string userId, DateTimeOffset created)
    {
        var ttl = TimeSpan.FromDays(1);
        var metadataKey = RandomNumberGenerator.GetString("0123456789abcdefghijklmnopqrstuvwxyz", 31);
        var secretKey = RandomNumberGenerator.GetString("0123456789abcdefghijklmnopqrstuvwxyz", 31);
        var receipt = new ReceiptRecord(
            Id: RandomNumberGenerator.GetString("0123456789abcdefghijklmnopqrstuvwxyz", 26),
            Workspace: StoreUnderTest.Workspace,
            OwnerUserId: userId,
            Backend: Backend,
            ProtectedKeys: "",
            Created: created,
            ExpiresAt: created + ttl,
            Ttl: ttl,
            PassphraseRequired: false,
            Recipient: null,
            Generated: false);
        return (receipt, new ReceiptKeys(metadataKey, new Uri($"{Backend}/secret/{secretKey}")));
    }

    public static string User(int command) => "U0BENCH" + (command % Users).ToString("D4", CultureInfo.InvariantCulture);

    private async Task ClaimAsync()
    {
        var signature = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        // As the verifier claims it, filed under the time it was signed; stored here as a step of its own, where in the
        // host it rides in the commit of the command's receipt.
        var claim = await _store.Events.ClaimWithNextWriteAsync("slack-request:" + signature, ReplayWindow, DateTimeOffset.UtcNow, CancellationToken.None);
        if (claim is null || !await claim.StoredAsync())
        {
            throw new InvalidOperationException("A fresh request signature was refused as a replay.");
        }
    }

    private async Task ReadSettingsAsync()
    {
        if (await _store.Settings.FindAsync(StoreUnderTest.Workspace, CancellationToken.None) is null)
        {
            throw new InvalidOperationException("The workspace's saved settings were not found.");
        }
    }

    private Task<long> CountUserAsync(int command) =>
        _store.Counters.CountAsync($"rate:create:user:{StoreUnderTest.Workspace.Key}:{User(command)}", FixedWindow.At(DateTimeOffset.UtcNow, LimitWindow), CancellationToken.None);

    private Task<long> CountWorkspaceAsync() =>
        _store.Counters.CountAsync($"rate:create:workspace:{StoreUnderTest.Workspace.Key}", FixedWindow.At(DateTimeOffset.UtcNow, LimitWindow), CancellationToken.None);

    private Task TrackAsync(int command)
    {
        var (receipt, keys) = NewReceipt(User(command), DateTimeOffset.UtcNow);
        var id = RandomNumberGenerator.GetString("0123456789abcdefghijklmnopqrstuvwxyz", 26);
        return _store.TrackedShares.SaveAsync(new TrackedShare(
            id, receipt.Workspace, receipt.OwnerUserId, new ChatReach(Name: "Bench User"), new Person("U0BENCHBOB"), receipt.Backend, "eu.onetimesecret.com",
            _store.Seal.Seal(id, keys.MetadataKey), null, receipt.Created, receipt.ExpiresAt, receipt.Ttl, receipt.PassphraseRequired, receipt.Generated, Recorded: receipt.Created)
        {
            NextPollAt = PollSchedule.First(receipt.Created, receipt.ExpiresAt, announcesChanges: false),
        }, CancellationToken.None);
    }

    private Task<string> SaveReceiptAsync(int command)
    {
        var (receipt, keys) = NewReceipt(User(command), DateTimeOffset.UtcNow);
        return _store.Receipts.SaveAsync(receipt, keys, CancellationToken.None);
    }
}

/// <summary>One store operation of a command.</summary>
internal sealed record StoreStep(string Name, Func<int, Task> RunAsync);
