namespace OneTimeBot.Core.Commands;

/// <summary>"Did you mean …": the command a mistyped word was probably meant to be.</summary>
internal static class NearestName
{
    // Someone who forgot "share" may have typed a password here: only a short lower-case word is ever echoed.
    public static string? For(string word, IEnumerable<string> names) =>
        word.Length is > 0 and <= 10 && word.All(char.IsAsciiLetterLower)
            ? names.FirstOrDefault(name => EditDistance(word, name) <= 2)
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
}
