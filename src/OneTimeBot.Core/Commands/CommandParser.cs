using System.Globalization;
using OneTimeSecret.Client;

namespace OneTimeBot.Core.Commands;

/// <summary>
/// The command grammar shared by Slack's <c>/onetime</c>, DMs to the bot and the Teams chat:
/// <c>help</c> · <c>share</c> · <c>share &lt;secret&gt;</c> · <c>generate [ttl] [length]</c> · <c>config</c>.
/// Keywords are case-insensitive; a secret after <c>share</c> is kept exactly as typed.
/// </summary>
public static class CommandParser
{
    public const string Usage = "/onetime share · /onetime share <secret> · /onetime generate [expiry] [length] · /onetime help";

    public static BotCommand Parse(string? text)
    {
        var input = text ?? "";
        var trimmed = input.TrimStart();
        if (trimmed.Trim().Length == 0)
        {
            return new HelpCommand();
        }

        var keywordEnd = 0;
        while (keywordEnd < trimmed.Length && !char.IsWhiteSpace(trimmed[keywordEnd]))
        {
            keywordEnd++;
        }

        var keyword = trimmed[..keywordEnd].ToLowerInvariant();
        // Only the one whitespace character that ends the keyword is dropped: the rest may be part of the secret.
        var rest = keywordEnd < trimmed.Length ? trimmed[(keywordEnd + 1)..] : "";

        return keyword switch
        {
            "help" or "?" => new HelpCommand(),
            "share" => rest.Trim().Length == 0 ? new ShareCommand(null) : new ShareCommand(new SecretText(rest)),
            "generate" or "gen" => ParseGenerate(rest),
            "config" or "settings" => rest.Trim().Length == 0 ? new ConfigCommand() : new UnknownCommand("config takes nothing after it."),
            // Someone who forgot "share" may have typed a password here: only a near-miss of a command is echoed.
            _ => NearestKeyword(keyword) is { } meant
                ? new UnknownCommand($"I don't know \"{keyword}\". Did you mean {meant}?")
                : new UnknownCommand("That isn't a command I know."),
        };
    }

    private static readonly string[] Keywords = ["share", "generate", "help", "config"];

    private static string? NearestKeyword(string word) =>
        word.Length is > 0 and <= 10 && word.All(char.IsAsciiLetterLower)
            ? Keywords.FirstOrDefault(k => EditDistance(word, k) <= 2)
            : null;

    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }

    private static BotCommand ParseGenerate(string rest)
    {
        var words = rest.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return new GenerateCommand(null, null);
        }

        // "generate 24h 20" and "generate 1 hour 20": a trailing whole number after an expiry is the length.
        if (words.Length >= 2 && int.TryParse(words[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            return new GenerateCommand(string.Join(' ', words[..^1]), length);
        }

        if (words.Length >= 2 && words[^1].All(char.IsAsciiDigit))
        {
            return new UnknownCommand("The length must be a whole number from 4 to 128.");
        }

        return new GenerateCommand(string.Join(' ', words), null);
    }
}
