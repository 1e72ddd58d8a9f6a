using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace OneTimeBot.Slack.Payloads;

/// <summary>
/// The fields of a form-encoded body (<c>application/x-www-form-urlencoded</c>), read straight from its bytes: only the
/// fields asked for are decoded, and no string of the whole body or table of its fields is made. Each field reads as
/// <c>QueryHelpers.ParseQuery</c> reads it from the same bytes decoded as UTF-8: a leading '?' is skipped; pairs split
/// at '&amp;' and their first '='; a pair without '=' is a name with an empty value; names match ignoring case; '+' is a
/// space, and %XX escapes are undone as <see cref="Uri.UnescapeDataString(string)"/> undoes them, so an escape that is
/// malformed, or whose bytes are no UTF-8, stays as sent.
/// </summary>
internal readonly struct SlackForm(ReadOnlyMemory<byte> body)
{
    /// <summary>How many names one <see cref="Read"/> can look for.</summary>
    public const int MaxNames = 16;

    private const int Missing = -1;
    private const int Repeated = -2;

    // Escapes of a value this long are undone on the stack; a longer one (an interaction's payload) in a pooled buffer.
    private const int StackBytes = 256;

    /// <summary>
    /// The value of each of <paramref name="names"/> (ASCII) given exactly once, in the same place of
    /// <paramref name="values"/>; null for a name missing or given more than once, as a caller of <c>ParseQuery</c>
    /// that wants one value sees it.
    /// </summary>
    public void Read(ReadOnlySpan<string> names, Span<string?> values)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(names.Length, MaxNames);
        ArgumentOutOfRangeException.ThrowIfLessThan(values.Length, names.Length);
        Span<int> starts = stackalloc int[names.Length];
        Span<int> lengths = stackalloc int[names.Length];
        starts.Fill(Missing);

        var bytes = body.Span;
        var at = Start(bytes);
        while (NextPair(bytes, ref at, out var name, out var value))
        {
            if (IndexOf(name, names) is var i and >= 0)
            {
                (starts[i], lengths[i]) = (starts[i] == Missing ? value.Start : Repeated, value.Length);
            }
        }

        for (var i = 0; i < names.Length; i++)
        {
            values[i] = starts[i] >= 0 ? Decode(bytes.Slice(starts[i], lengths[i])) : null;
        }
    }

    /// <summary>The value of <paramref name="name"/> (ASCII) when it is given exactly once; else null.</summary>
    public string? Single(string name)
    {
        string? value = null;
        Read(new ReadOnlySpan<string>(in name), new Span<string?>(ref value));
        return value;
    }

    /// <summary>Whether <paramref name="name"/> (ASCII) is given at all, once or more.</summary>
    public bool Contains(string name)
    {
        var bytes = body.Span;
        var at = Start(bytes);
        while (NextPair(bytes, ref at, out var encodedName, out _))
        {
            if (IndexOf(encodedName, new ReadOnlySpan<string>(in name)) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static int Start(ReadOnlySpan<byte> bytes) => !bytes.IsEmpty && bytes[0] == (byte)'?' ? 1 : 0;

    /// <summary>
    /// The pair that starts at or after <paramref name="at"/>, which is moved past it: its name, and where its value lies
    /// in the body. An empty pair ("&amp;&amp;") is no field; "=" alone is one, with an empty name.
    /// </summary>
    private static bool NextPair(ReadOnlySpan<byte> bytes, ref int at, out ReadOnlySpan<byte> name, out (int Start, int Length) value)
    {
        while (at < bytes.Length)
        {
            var start = at;
            var pair = bytes[start..];
            var end = pair.IndexOf((byte)'&');
            if (end >= 0)
            {
                pair = pair[..end];
            }

            at = start + pair.Length + 1;
            if (pair.IsEmpty)
            {
                continue;
            }

            var equals = pair.IndexOf((byte)'=');
            name = equals >= 0 ? pair[..equals] : pair;
            value = equals >= 0 ? (start + equals + 1, pair.Length - equals - 1) : (start + pair.Length, 0);
            return true;
        }

        name = default;
        value = default;
        return false;
    }

    private static int IndexOf(ReadOnlySpan<byte> encodedName, ReadOnlySpan<string> names)
    {
        // A plain ASCII name (every name Slack sends) is compared as it stands; only an escaped or non-ASCII one is decoded.
        if (!encodedName.ContainsAny((byte)'%', (byte)'+') && Ascii.IsValid(encodedName))
        {
            for (var i = 0; i < names.Length; i++)
            {
                if (Ascii.EqualsIgnoreCase(encodedName, names[i]))
                {
                    return i;
                }
            }

            return -1;
        }

        var decoded = Decode(encodedName);
        for (var i = 0; i < names.Length; i++)
        {
            if (string.Equals(decoded, names[i], StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Decode(ReadOnlySpan<byte> encoded)
    {
        if (!encoded.ContainsAny((byte)'%', (byte)'+'))
        {
            // What ParseQuery sees here is these bytes decoded, bad bytes as U+FFFD: the same whether the body is decoded
            // whole or by field, since no ASCII byte ever belongs to a bad sequence.
            return Encoding.UTF8.GetString(encoded);
        }

        return TryUnescape(encoded) ?? Uri.UnescapeDataString(Encoding.UTF8.GetString(encoded).Replace('+', ' '));
    }

    /// <summary>
    /// The value with its escapes undone over the bytes, when that is sure to be what <see cref="Uri.UnescapeDataString(string)"/>
    /// makes of it: the value as sent is UTF-8, every '%' starts a well-formed escape, and what they decode to is UTF-8
    /// too. Anything else (null) takes the string path, which leaves what it cannot undo as sent.
    /// </summary>
    private static string? TryUnescape(ReadOnlySpan<byte> encoded)
    {
        if (!Utf8.IsValid(encoded))
        {
            return null;
        }

        byte[]? rented = null;
        Span<byte> decoded = encoded.Length <= StackBytes ? stackalloc byte[StackBytes] : (rented = ArrayPool<byte>.Shared.Rent(encoded.Length));
        try
        {
            var length = 0;
            for (var i = 0; i < encoded.Length; i++)
            {
                var b = encoded[i];
                if (b == (byte)'+')
                {
                    b = (byte)' ';
                }
                else if (b == (byte)'%')
                {
                    if (i + 2 >= encoded.Length || HexValue(encoded[i + 1]) is not (var high and >= 0) || HexValue(encoded[i + 2]) is not (var low and >= 0))
                    {
                        return null;
                    }

                    b = (byte)((high << 4) | low);
                    i += 2;
                }

                decoded[length++] = b;
            }

            return Utf8.IsValid(decoded[..length]) ? Encoding.UTF8.GetString(decoded[..length]) : null;
        }
        finally
        {
            // A value may be a secret (a modal's payload, a /onetime share): none is left behind in memory used again.
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented, clearArray: true);
            }
            else
            {
                decoded.Clear();
            }
        }
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
