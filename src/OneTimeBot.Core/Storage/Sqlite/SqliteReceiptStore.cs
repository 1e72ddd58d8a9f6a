using OneTimeBot.Core.Sharing;

namespace OneTimeBot.Core.Storage.Sqlite;

public sealed class SqliteReceiptStore(SqliteDatabase database, TimeProvider time) : IReceiptStore
{
    public async Task SaveAsync(ReceiptRecord receipt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        // Kept for the receipt's lifetime from now, by this host's clock, as Redis keeps it: its Created is the backend's
        // time, and a backend whose clock runs ahead (or that lies) must not keep the row past it.
        var keepUntil = time.GetUtcNow() + (receipt.KeepUntil - receipt.Created);
        await database.ExecuteAsync(SqliteStateSchema.Tables,
            "INSERT INTO bot_receipts (id, body, keep_until) VALUES ($id, $body, $keep_until)",
            [("$id", receipt.Id), ("$body", StateJson.Write(receipt, StateJsonContext.Default.ReceiptRecord)), ("$keep_until", keepUntil.ToUnixTimeMilliseconds())],
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<ReceiptRecord?> FindAsync(string receiptId, CancellationToken cancellationToken)
    {
        var body = await database.ReadScalarAsync(SqliteStateSchema.Tables,
            "SELECT body FROM bot_receipts WHERE id = $id", [("$id", receiptId)], cancellationToken).ConfigureAwait(false);
        return StateJson.Read(body as string, StateJsonContext.Default.ReceiptRecord);
    }

    public Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        database.DeleteInStepsAsync(SqliteStateSchema.Tables, "bot_receipts", "keep_until <= $now", [("$now", now.ToUnixTimeMilliseconds())], cancellationToken);
}
