namespace OneTimeBot.Testing;

/// <summary>What a value in the leak ledger is; the scan counts and names leaks by it.</summary>
public enum LedgerKind
{
    /// <summary>A shared secret: typed, sent to a secret service or revealed by one.</summary>
    Secret,

    Passphrase,

    /// <summary>A value a generate answer carries, the one secret no request does.</summary>
    Generated,

    SecretKey,

    MetadataKey,

    /// <summary>A one-time link or receipt link, as a host or a test built it.</summary>
    Link,

    /// <summary>
    /// The receipt id a card carries (a button's value, a modal's metadata): with the deployment's key it unseals the
    /// stored copy of a link, so logs name a receipt by the id it is stored under instead.
    /// </summary>
    ReceiptId,

    /// <summary>An API, bot, access or bearer token, signed ones (JWTs) included.</summary>
    Token,

    /// <summary>Any other credential: a signing or client secret, an app password, an encryption key.</summary>
    Credential,

    /// <summary>
    /// A word of the bot's own protocol (a command, an action) that a fuzz test may put where a secret goes. It is not
    /// a secret wherever it lands, and hosts print it as the word it is, so the scan looks for it nowhere.
    /// </summary>
    Vocabulary,
}

public static class LedgerKindNames
{
    /// <summary>The kind as the ledger's files and the scan's report spell it.</summary>
    public static string Name(this LedgerKind kind) => kind switch
    {
        LedgerKind.Secret => "secret",
        LedgerKind.Passphrase => "passphrase",
        LedgerKind.Generated => "generated",
        LedgerKind.SecretKey => "secret-key",
        LedgerKind.MetadataKey => "metadata-key",
        LedgerKind.Link => "link",
        LedgerKind.ReceiptId => "receipt-id",
        LedgerKind.Token => "token",
        LedgerKind.Credential => "credential",
        LedgerKind.Vocabulary => "vocabulary",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
