using System.Security.Cryptography;

namespace OneTimeBot.SecretServer.Crypto;

/// <summary>Secret and metadata keys: 62 characters of base36 from the OS CSPRNG (about 320 bits).</summary>
public static class SecretKeys
{
    public const int Length = 62;
    private const string Base36 = "0123456789abcdefghijklmnopqrstuvwxyz";

    public static string New() => RandomNumberGenerator.GetString(Base36, Length);
}
