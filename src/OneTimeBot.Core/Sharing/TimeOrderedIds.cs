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

    private const int RandomDigits = Length - TimeDigits;

    // A byte below 252 (7 × 36) picks each character with the same chance; the 1 in 64 above it is skipped.
    private const int FairBelow = 252;

    // Room for the skipped bytes, so one draw nearly always covers every id asked for (another follows if not).
    private const int Spare = 16;

    public static string New(DateTimeOffset now)
    {
        Span<char> id = stackalloc char[Length];
        Write(now, id);
        return new string(id);
    }

    /// <summary>Two ids made at <paramref name="now"/> from one draw of random bytes instead of two.</summary>
    public static (string First, string Second) NewPair(DateTimeOffset now)
    {
        Span<char> ids = stackalloc char[2 * Length];
        Write(now, ids);
        return (new string(ids[..Length]), new string(ids[Length..]));
    }

    private static void Write(DateTimeOffset now, Span<char> ids)
    {
        // 36^9 ms is about 3,200 years: the prefix keeps its width (and its order) long past any link's lifetime.
        var millis = Math.Max(0L, now.ToUnixTimeMilliseconds());
        var count = ids.Length / Length;
        Span<byte> random = stackalloc byte[(count * RandomDigits) + Spare];
        RandomNumberGenerator.Fill(random);
        var next = 0;
        for (var n = 0; n < count; n++)
        {
            var id = ids.Slice(n * Length, Length);
            var time = millis;
            for (var i = TimeDigits - 1; i >= 0; i--)
            {
                id[i] = Alphabet[(int)(time % 36)];
                time /= 36;
            }

            for (var i = TimeDigits; i < Length; i++)
            {
                int value;
                do
                {
                    if (next == random.Length)
                    {
                        RandomNumberGenerator.Fill(random);
                        next = 0;
                    }

                    value = random[next++];
                }
                while (value >= FairBelow);
                id[i] = Alphabet[value % Alphabet.Length];
            }
        }
    }
}
