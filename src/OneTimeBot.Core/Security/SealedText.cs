namespace OneTimeBot.Core.Security;

/// <summary>A seal as stored: its version prefix, then its bytes in Base64, written as one string instead of two joined.</summary>
internal static class SealedText
{
    public static string Of(string prefix, byte[] sealedBytes) =>
        string.Create(prefix.Length + (((sealedBytes.Length + 2) / 3) * 4), (prefix, sealedBytes), static (chars, state) =>
        {
            state.prefix.CopyTo(chars);
            Convert.TryToBase64Chars(state.sealedBytes, chars[state.prefix.Length..], out _);
        });
}
