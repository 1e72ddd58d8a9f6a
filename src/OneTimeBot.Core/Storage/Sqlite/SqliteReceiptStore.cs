using OneTimeBot.Core.Sharing;

namespace OneTimeBot.Core.Storage.Sqlite;

public sealed class SqliteReceiptStore(SqliteDatabase database) : IReceiptStore
{
    public async Task SaveAsync(ReceiptRecord receipt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        await database.ExecuteAsync(SqliteStateSchema.Tables,
            "INSERT INTO bot_receipts (id, body, keep_until) VALUES ($id, $body, $keep_until)",
            [("$id", receipt.Id), ("$body", StateJson.Write(receipt)), ("$keep_until", receipt.KeepUntil.ToUnixTimeMilliseconds())],
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<ReceiptRecord?> FindAsync(string receiptId, CancellationToken cancellationToken)
    {
        var body = await database.ReadScalarAsync(SqliteStateSchema.Tables,
            "SELECT body FROM bot_receipts WHERE id = $id", [("$id", receiptId)], cancellationToken).ConfigureAwait(false);
        return StateJson.Read<ReceiptRecord>(body as string);
    }

    public Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        database.DeleteInStepsAsync(SqliteStateSchema.Tables, "bot_receipts", "keep_until <= $now", [("$now", now.ToUnixTimeMilliseconds())], cancellationToken);
}
