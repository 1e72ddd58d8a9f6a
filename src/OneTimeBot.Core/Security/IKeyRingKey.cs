namespace OneTimeBot.Core.Security;

/// <summary>
/// The 256-bit key that encrypts the Data Protection key ring, and from which the keys that seal the bot's receipts are
/// derived. It must come from outside the store the ring lives in (configuration, shared by every replica), or the ring
/// would protect nothing from whoever can read the store.
/// </summary>
public interface IKeyRingKey
{
    /// <summary>The current key: everything new is sealed under it.</summary>
    byte[] Key { get; }

    /// <summary>
    /// During a key rotation, the keys that were current before, newest first: they only open what was sealed under
    /// them. Empty otherwise.
    /// </summary>
    IReadOnlyList<byte[]> PreviousKeys => [];

    /// <summary>The current key, then the previous ones: the order in which to try to open something.</summary>
    IEnumerable<byte[]> AllKeys => [Key, .. PreviousKeys];
}
