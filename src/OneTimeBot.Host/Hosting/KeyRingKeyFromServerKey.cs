using OneTimeBot.Core.Security;
using OneTimeBot.SecretServer.Configuration;

namespace OneTimeBot.Host.Hosting;

/// <summary>The key ring's key, derived from <c>SecretServer:EncryptionKey</c>, which lives in configuration, not in the store.</summary>
public sealed class KeyRingKeyFromServerKey(ServerKey serverKey) : IKeyRingKey
{
    private readonly Lazy<byte[]> _key = new(() => serverKey.Derive("OneTimeBot Data Protection key ring v1"));

    public byte[] Key => _key.Value;
}
