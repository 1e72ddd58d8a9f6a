using OneTimeBot.Core.Security;
using OneTimeBot.SecretServer.Configuration;

namespace OneTimeBot.Host.Hosting;

/// <summary>
/// The key ring's key, derived from <c>SecretServer:EncryptionKey</c>, which lives in configuration, not in the store;
/// during a rotation, also from each of <c>SecretServer:PreviousEncryptionKeys</c>.
/// </summary>
public sealed class KeyRingKeyFromServerKey(ServerKey serverKey) : IKeyRingKey
{
    private const string Purpose = "OneTimeBot Data Protection key ring v1";
    private readonly Lazy<IReadOnlyList<byte[]>> _keys = new(() => serverKey.DeriveAll(Purpose));

    public byte[] Key => _keys.Value[0];

    public IReadOnlyList<byte[]> PreviousKeys => _keys.Value.Skip(1).ToArray();
}
