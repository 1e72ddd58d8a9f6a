using System.Text.Json;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Storage;
using OneTimeBot.Core.Storage.Sqlite;
using OneTimeBot.Core.Workspaces;

namespace OneTimeBot.Bench;

/// <summary>A receipt row as the receipt store keeps it: the time-and-HMAC lookup id, the record's JSON, and when it may go.</summary>
internal readonly record struct PrefilledReceipt(string Id, string Body, DateTimeOffset KeepUntil);

/// <summary>
/// A replay record as the event de-duplicator keeps it: the claimed key, when its window ends, and for a signed Slack
/// request the time it was signed, under which SQLite files the key (<see cref="SqliteEventDeduplicator.FiledKey"/>).
/// </summary>
internal readonly record struct PrefilledReplay(string Key, DateTimeOffset Expires, DateTimeOffset? SignedAt)
{
    /// <summary>The key as the SQLite store keeps it.</summary>
    public string SqliteKey => SignedAt is { } at ? SqliteEventDeduplicator.FiledKey(Key, at) : Key;
}

/// <summary>
/// Receipts and replay records shaped as the host writes them after months of use: receipts under their id's leading
/// time and a 64-hex HMAC (as <see cref="ReceiptVault"/> stores them), their JSON written by the store's own serializer with
/// sealed keys as long as real ones, kept until days ahead (the default 7-day secrets, made over the last 13 days); and
/// replay keys as the platform's verifier claims them, whose windows end within the hour. Expired ones, for a purge to
/// delete, ran out within the last day (receipts) or ten minutes (replay records).
/// </summary>
internal sealed class PrefillRecords
{
    private const string Base36 = "0123456789abcdefghijklmnopqrstuvwxyz";
    private const string UpperBase36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string SealedPrefix = "v3.";
    private const int SealOverhead = 12 + 16; // AES-GCM nonce and tag, as the vault seals
    private const int OtsKeyLength = 31;
    private static readonly TimeSpan Ttl = TimeSpan.FromDays(7);
    private static readonly TimeSpan MadeOver = TimeSpan.FromDays(13);
    private static readonly TimeSpan ReplayWindows = TimeSpan.FromHours(1);

    private readonly ChatPlatform _platform;
    private readonly string _backend;
    private readonly int _sealedBytes;
    private readonly WorkspaceId[] _workspaces;

    // Filler as long and as scattered as real ids and sealed keys, not secrets: a million rows per store must not wait
    // for the system's cryptographic generator.
    private readonly Random _random = new();

    /// <param name="platform">Whose receipts and replay keys: Slack's signatures or Teams' activity ids.</param>
    /// <param name="backend">The backend as the host is configured with it, which each receipt records.</param>
    /// <param name="linkBase">Where the backend's links point, for the length of the sealed link.</param>
    public PrefillRecords(ChatPlatform platform, string backend, Uri linkBase)
    {
        _platform = platform;
        _backend = backend;
        var keys = new ReceiptKeys(Text(Base36, OtsKeyLength), new Uri(linkBase, "secret/" + Text(Base36, OtsKeyLength)));
        _sealedBytes = SealOverhead + JsonSerializer.SerializeToUtf8Bytes(keys).Length;
        _workspaces = Enumerable.Range(0, 40).Select(_ => new WorkspaceId(platform, platform == ChatPlatform.Slack ? "T" + Text(UpperBase36, 10) : Guid.NewGuid().ToString())).ToArray();
    }

    public PrefilledReceipt Receipt(DateTimeOffset now, bool expired = false)
    {
        // Whole seconds, as the backend's receipts give them. A receipt is kept for twice its secret's lifetime.
        var made = expired ? now - 2 * Ttl - TimeSpan.FromDays(Fraction()) - TimeSpan.FromSeconds(1) : now - MadeOver * Fraction();
        var created = DateTimeOffset.FromUnixTimeSeconds(made.ToUnixTimeSeconds());
        var record = new ReceiptRecord(
            Id: TimeOrderedIds.New(made)[..TimeOrderedIds.TimeDigits] + RandomHex(32),
            Workspace: _workspaces[_random.Next(_workspaces.Length)],
            OwnerUserId: _platform == ChatPlatform.Slack ? "U" + Text(UpperBase36, 10) : Guid.NewGuid().ToString(),
            Backend: _backend,
            ProtectedKeys: SealedPrefix + Convert.ToBase64String(Bytes(_sealedBytes)),
            Created: created,
            ExpiresAt: created + Ttl,
            Ttl: Ttl,
            PassphraseRequired: _random.Next(5) == 0,
            Recipient: null,
            Generated: _random.Next(10) == 0);
        return new PrefilledReceipt(record.Id, StateJson.Write(record), record.KeepUntil);
    }

    public PrefilledReplay Replay(DateTimeOffset now, bool expired = false)
    {
        var expires = expired
            ? now - TimeSpan.FromSeconds(1) - TimeSpan.FromMinutes(9) * Fraction()
            : now + TimeSpan.FromMinutes(1) + (ReplayWindows - TimeSpan.FromMinutes(1)) * Fraction();
        return _platform == ChatPlatform.Slack
            // Claimed when it was signed, for the verifier's window of eleven minutes.
            ? new PrefilledReplay("slack-request:" + RandomHex(32), expires, expires - TimeSpan.FromMinutes(11))
            : new PrefilledReplay("teams-activity:a:1" + Text(Base36, 24) + ":f:" + RandomHex(16), expires, null);
    }

    /// <summary>As long and as scattered as an HMAC or a signature in hex; not unguessable, and fast for a million rows.</summary>
    public static string RandomHex(int bytes)
    {
        var random = new byte[bytes];
        Random.Shared.NextBytes(random);
        return Convert.ToHexStringLower(random);
    }

    private double Fraction() => _random.NextDouble();

    private byte[] Bytes(int count)
    {
        var bytes = new byte[count];
        _random.NextBytes(bytes);
        return bytes;
    }

    private string Text(string alphabet, int length) => string.Create(length, (alphabet, _random), static (text, state) =>
    {
        for (var i = 0; i < text.Length; i++)
        {
            text[i] = state.alphabet[state._random.Next(state.alphabet.Length)];
        }
    });
}
