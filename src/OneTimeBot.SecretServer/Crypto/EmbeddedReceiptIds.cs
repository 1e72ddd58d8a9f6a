using OneTimeBot.Core.Tracking;

namespace OneTimeBot.SecretServer.Crypto;

/// <summary>The service's receipt ids as the bot's link tracking needs them: what its reveal and burn events name.</summary>
public sealed class EmbeddedReceiptIds(LookupIds ids) : IEmbeddedReceiptIds
{
    public string ReceiptIdOf(string metadataKey) => ids.ReceiptId(metadataKey);
}
