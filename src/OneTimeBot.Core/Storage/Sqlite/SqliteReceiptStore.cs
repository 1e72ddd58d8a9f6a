using OneTimeBot.Core.Sharing;

namespace OneTimeBot.Core.Storage.Sqlite;

public sealed class SqliteReceiptStore(SqliteDatabase database) : IReceiptStore
{
    public async Task SaveAsync(ReceiptRecord receipt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        await database.EnsureSchemaAsync(SqliteStateSchema.Ddl, cancellationToken).ConfigureAwait(false);
        await database.WriteAsync(async connection =>
        {
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO bot_receipts (id, body, keep_until) VALUES ($id, $body, $keep_until)";
            insert.Parameters.AddWithValue("$id", receipt.Id);
            insert.Parameters.AddWithValue("$body", StateJson.Write(receipt));
            insert.Parameters.AddWithValue("$keep_until", receipt.KeepUntil.ToUnixTimeMilliseconds());
            return await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ReceiptRecord?> FindAsync(string receiptId, CancellationToken cancellationToken)
    {
        await database.EnsureSchemaAsync(SqliteStateSchema.Ddl, cancellationToken).ConfigureAwait(false);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT body FROM bot_receipts WHERE id = $id";
        select.Parameters.AddWithValue("$id", receiptId);
        return StateJson.Read<ReceiptRecord>(await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string);
    }

    public async Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await database.EnsureSchemaAsync(SqliteStateSchema.Ddl, cancellationToken).ConfigureAwait(false);
        return await database.WriteAsync(async connection =>
        {
            await using var purge = connection.CreateCommand();
            purge.CommandText = "DELETE FROM bot_receipts WHERE keep_until <= $now";
            purge.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            return await purge.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }
}
