namespace OneTimeBot.Core.Sharing;

/// <summary>What a receipt keeps sealed: the metadata key (which can burn the secret) and the link (which can reveal it).</summary>
public sealed record ReceiptKeys(string MetadataKey, Uri SecretLink)
{
    // Either key opens the secret to whoever holds it; a record's generated ToString would print both.
    public override string ToString() => "ReceiptKeys [redacted]";
}
