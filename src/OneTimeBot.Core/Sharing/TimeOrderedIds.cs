using System.Security.Cryptography;

namespace OneTimeBot.Core.Sharing;

/// <summary>
/// The ids of receipts and tracked links: 26 lowercase base36 characters, as before, of which the first 9 are the time
/// the id was made (Unix milliseconds, fixed width, so ids sort by time) and the other 17 random (88 bits). On SQLite
/// each new row then lands at the end of its id index instead of on a random page of it: one B-tree page fewer to
/// rewrite per row, in a file where each random page costs a 4 KiB WAL frame and its checkpoint. A tracked link's id
/// names it to its owner (Burn buttons, the recent list) and opens nothing; a receipt's is what opens its keys
/// (<see cref="ReceiptVault"/>), and 88 random bits are as far beyond guessing as the 134 before.
/// </summary>
public static class TimeOrderedIds
{
    public const int Length = 26;

    /// <summary>How many leading characters are the time.</summary>
    public const int TimeDigits = 9;

    private const string Alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";

    public static string New(DateTimeOffset now)
    {
        // 36^9 ms is about 3,200 years: the prefix keeps its width (and its order) long past any link's lifetime.
        var millis = Math.Max(0L, now.ToUnixTimeMilliseconds());
        return string.Create(Length, millis, static (id, millis) =>
        {
            for (var i = TimeDigits - 1; i >= 0; i--)
            {
                id[i] = Alphabet[(int)(millis % 36)];
                millis /= 36;
            }

            RandomNumberGenerator.GetItems(Alphabet, id[TimeDigits..]);
        });
    }
}
