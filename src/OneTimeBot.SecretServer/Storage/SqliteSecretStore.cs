using System.Text.Json;
using Microsoft.Data.Sqlite;
using OneTimeBot.Core.Storage;
using OneTimeBot.Core.Storage.Sqlite;
using OneTimeBot.SecretServer.Model;

namespace OneTimeBot.SecretServer.Storage;

/// <summary>
/// Secrets and receipts in the host's SQLite file, under their ids (see <see cref="StoreLookup"/>). A reveal is
/// <c>DELETE … RETURNING</c>: SQLite serializes writers, so only one statement can return the row. Expired rows are
/// deleted by <see cref="PurgeExpiredAsync"/>, a few hundred at a time.
/// </summary>
public sealed class SqliteSecretStore(SqliteDatabase database) : ISecretStore
{
    private const string Tables = """
        CREATE TABLE IF NOT EXISTS ots_secrets (
            id TEXT PRIMARY KEY,
            receipt_id TEXT NOT NULL,
            ciphertext BLOB NOT NULL,
            passphrase_hash TEXT,
            created INTEGER NOT NULL,
            expires INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS ots_secrets_expires ON ots_secrets (expires);
        CREATE TABLE IF NOT EXISTS ots_receipts (
            id TEXT PRIMARY KEY,
            secret_id TEXT NOT NULL,
            custid TEXT NOT NULL,
            state TEXT NOT NULL,
            ttl INTEGER NOT NULL,
            created INTEGER NOT NULL,
            updated INTEGER NOT NULL,
            received INTEGER,
            secret_expires INTEGER NOT NULL,
            expires INTEGER NOT NULL,
            recipients TEXT NOT NULL,
            share_domain TEXT NOT NULL,
            passphrase_required INTEGER NOT NULL,
            secret_key_sealed BLOB,
            metadata_key_sealed BLOB);
        CREATE INDEX IF NOT EXISTS ots_receipts_custid ON ots_receipts (custid, created);
        CREATE INDEX IF NOT EXISTS ots_receipts_expires ON ots_receipts (expires);
        CREATE INDEX IF NOT EXISTS ots_receipts_unread ON ots_receipts (secret_expires) WHERE state IN ('new', 'viewed');
        """;

    // Tables made before keys were hashed named their key columns after the keys they held. Their rows stay as they
    // are (read by key until they expire); only the columns are renamed and the seals added.
    private static readonly SqliteMigration HashedIds = new(
        "SELECT count(*) FROM pragma_table_info('ots_secrets') WHERE name = 'secret_key'",
        """
        ALTER TABLE ots_secrets RENAME COLUMN secret_key TO id;
        ALTER TABLE ots_secrets RENAME COLUMN metadata_key TO receipt_id;
        ALTER TABLE ots_receipts RENAME COLUMN metadata_key TO id;
        ALTER TABLE ots_receipts RENAME COLUMN secret_key TO secret_id;
        ALTER TABLE ots_receipts ADD COLUMN secret_key_sealed BLOB;
        ALTER TABLE ots_receipts ADD COLUMN metadata_key_sealed BLOB;
        """);

    // The service counted in a table of its own before it counted with the bot's rate counter. Counts still running
    // move there under the names it now gives them, so no limit starts again at an upgrade.
    private static readonly SqliteMigration SharedCounters = new(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'ots_counters'",
        SqliteRateCounter.Schema.Ddl + """
        INSERT OR IGNORE INTO bot_rate_counts (counter_key, count, expires) SELECT 'ots:counter:' || name, count, expires FROM ots_counters;
        DROP TABLE ots_counters;
        """);

    private static readonly SqliteSchema Schema = new(Tables, HashedIds, SharedCounters);

    private const string SecretColumns = "id, receipt_id, ciphertext, passphrase_hash, created, expires";

    private const string ReceiptColumns =
        "id, secret_id, secret_key_sealed, metadata_key_sealed, custid, state, ttl, created, updated, received, secret_expires, expires, recipients, share_domain, passphrase_required";

    public async Task SaveAsync(StoredSecret secret, StoredReceipt receipt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(receipt);
        // One write: the secret and its receipt commit together or not at all.
        await database.WriteAsync(Schema, statements =>
        {
            statements.Execute($"INSERT INTO ots_secrets ({SecretColumns}) VALUES ($id, $receipt_id, $ciphertext, $passphrase_hash, $created, $expires)",
            [
                ("$id", secret.Id),
                ("$receipt_id", secret.ReceiptId),
                ("$ciphertext", secret.Ciphertext),
                ("$passphrase_hash", secret.PassphraseHash),
                ("$created", secret.Created.ToUnixTimeMilliseconds()),
                ("$expires", secret.ExpiresAt.ToUnixTimeMilliseconds()),
            ]);
            return statements.Execute(
                $"INSERT INTO ots_receipts ({ReceiptColumns}) VALUES ($id, $secret_id, $secret_key_sealed, $metadata_key_sealed, $custid, $state, $ttl, $created, $updated, $received, $secret_expires, $expires, $recipients, $share_domain, $passphrase_required)",
                ReceiptArguments(receipt));
        }, cancellationToken).ConfigureAwait(false);
    }

    public Task<StoredSecret?> FindSecretAsync(StoreLookup lookup, CancellationToken cancellationToken) =>
        database.ReadAsync(Schema, statements =>
            ReadSecret(statements.Prepare($"SELECT {SecretColumns} FROM ots_secrets WHERE id IN ($id, $legacy_key) LIMIT 1", LookupArguments(lookup))),
            cancellationToken);

    public Task<StoredSecret?> TakeSecretAsync(string id, CancellationToken cancellationToken) =>
        database.WriteAsync(Schema, statements =>
            ReadSecret(statements.Prepare($"DELETE FROM ots_secrets WHERE id = $id RETURNING {SecretColumns}", [("$id", id)])),
            cancellationToken);

    public Task<StoredReceipt?> FindReceiptAsync(StoreLookup lookup, CancellationToken cancellationToken) =>
        database.ReadAsync(Schema, statements =>
        {
            using var reader = statements.Prepare($"SELECT {ReceiptColumns} FROM ots_receipts WHERE id IN ($id, $legacy_key) LIMIT 1", LookupArguments(lookup)).ExecuteReader();
            return reader.Read() ? ReadReceipt(reader) : null;
        }, cancellationToken);

    public async Task UpdateReceiptAsync(StoredReceipt receipt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        await database.ExecuteAsync(Schema,
            "UPDATE ots_receipts SET state = $state, updated = $updated, received = $received WHERE id = $id",
            [("$id", receipt.Id), ("$state", receipt.State), ("$updated", receipt.Updated.ToUnixTimeMilliseconds()), ("$received", receipt.Received?.ToUnixTimeMilliseconds())],
            cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<StoredReceipt>> RecentReceiptsAsync(string customerId, DateTimeOffset since, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<StoredReceipt>>(Schema, statements =>
        {
            using var reader = statements.Prepare(
                $"SELECT {ReceiptColumns} FROM ots_receipts WHERE custid = $custid AND created >= $since ORDER BY created DESC LIMIT 1000",
                [("$custid", customerId), ("$since", since.ToUnixTimeMilliseconds())]).ExecuteReader();
            var receipts = new List<StoredReceipt>();
            while (reader.Read())
            {
                receipts.Add(ReadReceipt(reader));
            }

            return receipts;
        }, cancellationToken);

    public async Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Receipts of secrets that expired unread say so; then the ciphertexts and dead receipts are deleted for good.
        // Each step is a short write of its own, so commands keep committing while a large backlog goes.
        (string, object?)[] arguments = [("$now", now.ToUnixTimeMilliseconds())];
        return await database.UpdateInStepsAsync(Schema, $"""
            UPDATE ots_receipts SET state = 'expired', updated = secret_expires WHERE rowid IN (
                SELECT rowid FROM ots_receipts WHERE state IN ('new', 'viewed') AND secret_expires <= $now LIMIT {SqliteDatabase.PurgeBatch})
            """, arguments, cancellationToken).ConfigureAwait(false)
            + await database.DeleteInStepsAsync(Schema, "ots_secrets", "expires <= $now", arguments, cancellationToken).ConfigureAwait(false)
            + await database.DeleteInStepsAsync(Schema, "ots_receipts", "expires <= $now", arguments, cancellationToken).ConfigureAwait(false);
    }

    public Task PingAsync(CancellationToken cancellationToken) =>
        database.PingAsync(Schema, "SELECT count(*) FROM ots_secrets WHERE 0", cancellationToken);

    private static (string, object?)[] LookupArguments(StoreLookup lookup) => [("$id", lookup.Id), ("$legacy_key", lookup.LegacyKey ?? lookup.Id)];

    private static StoredSecret? ReadSecret(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return new StoredSecret(
            reader.GetString(0),
            reader.GetString(1),
            (byte[])reader.GetValue(2),
            reader.IsDBNull(3) ? null : reader.GetString(3),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)));
    }

    private static (string, object?)[] ReceiptArguments(StoredReceipt r) =>
    [
        ("$id", r.Id),
        ("$secret_id", r.SecretId),
        ("$secret_key_sealed", r.SealedSecretKey),
        ("$metadata_key_sealed", r.SealedMetadataKey),
        ("$custid", r.CustomerId),
        ("$state", r.State),
        ("$ttl", r.TtlSeconds),
        ("$created", r.Created.ToUnixTimeMilliseconds()),
        ("$updated", r.Updated.ToUnixTimeMilliseconds()),
        ("$received", r.Received?.ToUnixTimeMilliseconds()),
        ("$secret_expires", r.SecretExpiresAt.ToUnixTimeMilliseconds()),
        ("$expires", r.ExpiresAt.ToUnixTimeMilliseconds()),
        ("$recipients", JsonSerializer.Serialize(r.Recipients)),
        ("$share_domain", r.ShareDomain),
        ("$passphrase_required", r.PassphraseRequired ? 1 : 0),
    ];

    private static StoredReceipt ReadReceipt(SqliteDataReader reader) => new(
        Id: reader.GetString(0),
        SecretId: reader.GetString(1),
        SealedSecretKey: reader.IsDBNull(2) ? null : (byte[])reader.GetValue(2),
        SealedMetadataKey: reader.IsDBNull(3) ? null : (byte[])reader.GetValue(3),
        CustomerId: reader.GetString(4),
        State: reader.GetString(5),
        TtlSeconds: reader.GetInt64(6),
        Created: DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)),
        Updated: DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8)),
        Received: reader.IsDBNull(9) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(9)),
        SecretExpiresAt: DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(10)),
        ExpiresAt: DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(11)),
        Recipients: JsonSerializer.Deserialize<string[]>(reader.GetString(12)) ?? [],
        ShareDomain: reader.GetString(13),
        PassphraseRequired: reader.GetInt64(14) != 0);
}
