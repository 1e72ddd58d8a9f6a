using OneTimeBot.Core.Sharing;

namespace OneTimeBot.Core.Commands;

/// <summary><c>generate [expiry] [length]</c>: both are left as typed, for the sharing rules to check and explain.</summary>
public static class GenerateArguments
{
    public static GenerateInput Read(string arguments)
    {
        var words = arguments.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return new GenerateInput();
        }

        // "generate 24h 20" and "generate 1 hour 20": a trailing number after an expiry is the length.
        return words.Length >= 2 && words[^1].All(char.IsAsciiDigit)
            ? new GenerateInput(string.Join(' ', words[..^1]), words[^1])
            : new GenerateInput(string.Join(' ', words));
    }
}
