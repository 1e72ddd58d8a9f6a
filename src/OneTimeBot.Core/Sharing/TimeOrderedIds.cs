using System.Security.Cryptography;

namespace OneTimeBot.Core.Sharing;

/// <summary>
/// A tracked link's id: 26 lowercase base36 characters, as before, of which the first 9 are the time it was made (Unix
/// milliseconds, fixed width, so ids sort by time) and the other 17 random (88 bits). On SQLite each new id then lands
/// at the end of the id index instead of on a random page of it: one B-tree page fewer to rewrite per link made, in a
/// file where each random page costs a 4 KiB WAL frame and its checkpoint. The id names a link to its owner (Burn
/// buttons, the recent list); it opens nothing, and what is done with it checks that its owner asks.
/// </summary>
public static class TrackedIds
{
    public const int Length = 26;

    private const string Alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";
    private const int TimeDigits = 9;

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
