namespace OneTimeBot.SecretServer.Model;

/// <summary>
/// A receipt as its holder sees it: the stored record with the metadata key the holder presented (or the recent list
/// unsealed) and the secret key unsealed with it. <see cref="SecretKey"/> is null where it is not needed (recent).
/// </summary>
public sealed record Receipt(string MetadataKey, string? SecretKey, StoredReceipt Record)
{
    public override string ToString() => $"Receipt {{ State = {Record.State} }}";
}
