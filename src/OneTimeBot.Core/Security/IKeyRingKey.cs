namespace OneTimeBot.Core.Security;

/// <summary>
/// The 256-bit key that encrypts the Data Protection key ring, and from which the keys that seal the bot's receipts are
/// derived. It must come from outside the store the ring lives in (configuration, shared by every replica), or the ring
/// would protect nothing from whoever can read the store.
/// </summary>
public interface IKeyRingKey
{
    byte[] Key { get; }
}
