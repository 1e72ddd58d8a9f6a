namespace OneTimeBot.Core.OneTimeSecret;

/// <summary>Secret and metadata keys are opaque base36 (31 chars on old servers, 62 on new ones).</summary>
public static class OtsKeys
{
    public const int MinimumLength = 20;
    public const int MaximumLength = 128;

    /// <summary>True when <paramref name="key"/> can be a key; anything else is never sent into a URL path.</summary>
    public static bool IsWellFormed(string? key) =>
        key is { Length: >= MinimumLength and <= MaximumLength } && key.All(char.IsAsciiLetterOrDigit);
}
