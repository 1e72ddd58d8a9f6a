namespace OneTimeSecret.Client;

/// <summary>Secret and metadata keys are opaque base36 (31 characters on older servers, 62 on newer ones).</summary>
public static class OtsKeys
{
    /// <summary>The shortest text accepted as a key.</summary>
    public const int MinimumLength = 20;

    /// <summary>The longest text accepted as a key.</summary>
    public const int MaximumLength = 128;

    /// <summary>
    /// True when <paramref name="key"/> can be a key: ASCII letters and digits of a key's length. The client sends
    /// nothing else into a URL path, and answers anything else as <see cref="OtsFailureKind.SecretNotFound"/>.
    /// </summary>
    /// <param name="key">A secret or metadata key, e.g. from a link someone pasted.</param>
    /// <returns>Whether it is shaped like a key.</returns>
    public static bool IsWellFormed(string? key) =>
        key is { Length: >= MinimumLength and <= MaximumLength } && key.All(char.IsAsciiLetterOrDigit);
}
