using System.Security.Cryptography;
using OneTimeSecret.Client;

namespace OneTimeBot.SecretServer.Crypto;

/// <summary>
/// Generated passwords as Onetime Secret makes them: upper, lower, digits and symbols, at least one of each,
/// without the look-alikes i l o 1 I O 0, every character from the OS CSPRNG.
/// </summary>
public static class PasswordGenerator
{
    public const int DefaultLength = 12;
    public const int MinLength = 4;
    public const int MaxLength = 128;

    internal const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    internal const string Lower = "abcdefghjkmnpqrstuvwxyz";
    internal const string Digits = "23456789";
    // Symbols that survive chat, shells and URLs without quoting surprises.
    internal const string Symbols = "!#$%&*+-=?@^_";
    private const string All = Upper + Lower + Digits + Symbols;

    public static SecretText Generate(int length)
    {
        length = Math.Clamp(length, MinLength, MaxLength);
        var chars = new char[length];
        chars[0] = Pick(Upper);
        chars[1] = Pick(Lower);
        chars[2] = Pick(Digits);
        chars[3] = Pick(Symbols);
        for (var i = 4; i < length; i++)
        {
            chars[i] = Pick(All);
        }

        // Fisher-Yates, so the guaranteed characters are not always in front.
        for (var i = length - 1; i > 0; i--)
        {
            var j = RandomNumberGenerator.GetInt32(i + 1);
            (chars[i], chars[j]) = (chars[j], chars[i]);
        }

        var value = new SecretText(new string(chars));
        Array.Clear(chars);
        return value;
    }

    private static char Pick(string set) => set[RandomNumberGenerator.GetInt32(set.Length)];
}
