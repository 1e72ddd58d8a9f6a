using System.Text.Json;
using Microsoft.Data.Sqlite;
using OneTimeBot.Core.Storage;
using OneTimeBot.Core.Storage.Sqlite;
using OneTimeBot.SecretServer.Model;

namespace OneTimeBot.SecretServer.Storage;

/// <summary>
/// Secrets and receipts in the host's SQLite file, under their ids (see <see cref="StoreLookup"/>). A reveal is
/// <c>DELETE … RETURNING</c>: SQLite serializes writers, so only one statement can return the row. Expired rows are
/// deleted by <see cref="PurgeExpiredAsync"/>.
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
        await database.WriteAsync(Schema, async connection =>
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (var insert = connection.CreateCommand())
            {
                insert.Transaction = transaction;
                insert.CommandText = $"INSERT INTO ots_secrets ({SecretColumns}) VALUES ($id, $receipt_id, $ciphertext, $passphrase_hash, $created, $expires)";
                insert.Parameters.AddWithValue("$id", secret.Id);
                insert.Parameters.AddWithValue("$receipt_id", secret.ReceiptId);
                insert.Parameters.AddWithValue("$ciphertext", secret.Ciphertext);
                insert.Parameters.AddWithValue("$passphrase_hash", (object?)secret.PassphraseHash ?? DBNull.Value);
                insert.Parameters.AddWithValue("$created", secret.Created.ToUnixTimeMilliseconds());
                insert.Parameters.AddWithValue("$expires", secret.ExpiresAt.ToUnixTimeMilliseconds());
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using (var insert = connection.CreateCommand())
            {
                insert.Transaction = transaction;
                insert.CommandText = $"INSERT INTO ots_receipts ({ReceiptColumns}) VALUES ($id, $secret_id, $secret_key_sealed, $metadata_key_sealed, $custid, $state, $ttl, $created, $updated, $received, $secret_expires, $expires, $recipients, $share_domain, $passphrase_required)";
                BindReceipt(insert, receipt);
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<StoredSecret?> FindSecretAsync(StoreLookup lookup, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(Schema, cancellationToken).ConfigureAwait(false);
        await using var select = connection.CreateCommand();
        select.CommandText = $"SELECT {SecretColumns} FROM ots_secrets WHERE id IN ($id, $legacy_key) LIMIT 1";
        BindLookup(select, lookup);
        return await ReadSecretAsync(select, cancellationToken).ConfigureAwait(false);
    }

    public Task<StoredSecret?> TakeSecretAsync(string id, CancellationToken cancellationToken) =>
        database.WriteAsync(Schema, async connection =>
        {
            await using var delete = connection.CreateCommand();
            delete.CommandText = $"DELETE FROM ots_secrets WHERE id = $id RETURNING {SecretColumns}";
            delete.Parameters.AddWithValue("$id", id);
            return await ReadSecretAsync(delete, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    public async Task<StoredReceipt?> FindReceiptAsync(StoreLookup lookup, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(Schema, cancellationToken).ConfigureAwait(false);
        await using var select = connection.CreateCommand();
        select.CommandText = $"SELECT {ReceiptColumns} FROM ots_receipts WHERE id IN ($id, $legacy_key) LIMIT 1";
        BindLookup(select, lookup);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadReceipt(reader) : null;
    }

    public async Task UpdateReceiptAsync(StoredReceipt receipt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        await database.ExecuteAsync(Schema,
            "UPDATE ots_receipts SET state = $state, updated = $updated, received = $received WHERE id = $id",
            [("$id", receipt.Id), ("$state", receipt.State), ("$updated", receipt.Updated.ToUnixTimeMilliseconds()), ("$received", receipt.Received?.ToUnixTimeMilliseconds())],
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<StoredReceipt>> RecentReceiptsAsync(string customerId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(Schema, cancellationToken).ConfigureAwait(false);
        await using var select = connection.CreateCommand();
        select.CommandText = $"SELECT {ReceiptColumns} FROM ots_receipts WHERE custid = $custid AND created >= $since ORDER BY created DESC LIMIT 1000";
        select.Parameters.AddWithValue("$custid", customerId);
        select.Parameters.AddWithValue("$since", since.ToUnixTimeMilliseconds());
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var receipts = new List<StoredReceipt>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            receipts.Add(ReadReceipt(reader));
        }

        return receipts;
    }

    public async Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var nowMs = now.ToUnixTimeMilliseconds();
        return await database.WriteAsync(Schema, async connection =>
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var purge = connection.CreateCommand();
            purge.Transaction = transaction;
            // Receipts of secrets that expired unread say so; then the ciphertexts and dead receipts are deleted for good.
            purge.CommandText = """
            UPDATE ots_receipts SET state = 'expired', updated = secret_expires
                WHERE state IN ('new', 'viewed') AND secret_expires <= $now;
            DELETE FROM ots_secrets WHERE expires <= $now;
            DELETE FROM ots_receipts WHERE expires <= $now;
            """;
            purge.Parameters.AddWithValue("$now", nowMs);
            var removed = await purge.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return removed;
        }, cancellationToken).ConfigureAwait(false);
    }

    public Task PingAsync(CancellationToken cancellationToken) =>
        database.ReadScalarAsync(Schema, "SELECT count(*) FROM ots_secrets WHERE 0", [], cancellationToken);

    private static void BindLookup(SqliteCommand command, StoreLookup lookup)
    {
        command.Parameters.AddWithValue("$id", lookup.Id);
        command.Parameters.AddWithValue("$legacy_key", lookup.LegacyKey ?? lookup.Id);
    }

    private static async Task<StoredSecret?> ReadSecretAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
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

    private static void BindReceipt(SqliteCommand command, StoredReceipt r)
    {
        command.Parameters.AddWithValue("$id", r.Id);
        command.Parameters.AddWithValue("$secret_id", r.SecretId);
        command.Parameters.AddWithValue("$secret_key_sealed", (object?)r.SealedSecretKey ?? DBNull.Value);
        command.Parameters.AddWithValue("$metadata_key_sealed", (object?)r.SealedMetadataKey ?? DBNull.Value);
        command.Parameters.AddWithValue("$custid", r.CustomerId);
        command.Parameters.AddWithValue("$state", r.State);
        command.Parameters.AddWithValue("$ttl", r.TtlSeconds);
        command.Parameters.AddWithValue("$created", r.Created.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$updated", r.Updated.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$received", (object?)r.Received?.ToUnixTimeMilliseconds() ?? DBNull.Value);
        command.Parameters.AddWithValue("$secret_expires", r.SecretExpiresAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$expires", r.ExpiresAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$recipients", JsonSerializer.Serialize(r.Recipients));
        command.Parameters.AddWithValue("$share_domain", r.ShareDomain);
        command.Parameters.AddWithValue("$passphrase_required", r.PassphraseRequired ? 1 : 0);
    }

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
