using System.Buffers.Text;

namespace OneTimeBot.Testing;

/// <summary>Where a RESP2 reply ends, so a reader knows it has all of it: simple, error, integer, bulk and array replies.</summary>
public static class RespReply
{
    /// <summary>The index just past the reply that starts at <paramref name="start"/>; null while it is not all there yet.</summary>
    public static int? End(ReadOnlySpan<byte> data, int start)
    {
        if (LineEnd(data, start) is not { } lineEnd)
        {
            return null;
        }

        var afterLine = lineEnd + 2;
        switch (data[start])
        {
            case (byte)'+' or (byte)'-' or (byte)':':
                return afterLine;
            case (byte)'$':
                var length = Length(data[(start + 1)..lineEnd]);
                return length < 0 ? afterLine : afterLine + length + 2 <= data.Length ? afterLine + length + 2 : null;
            case (byte)'*':
                var count = Length(data[(start + 1)..lineEnd]);
                var next = afterLine;
                for (var i = 0; i < count; i++)
                {
                    if (End(data, next) is not { } end)
                    {
                        return null;
                    }

                    next = end;
                }

                return next;
            default:
                throw new InvalidDataException($"Not a RESP2 reply: it starts with '{(char)data[start]}'.");
        }
    }

    private static int? LineEnd(ReadOnlySpan<byte> data, int start)
    {
        if (start >= data.Length)
        {
            return null;
        }

        var at = data[start..].IndexOf("\r\n"u8);
        return at < 0 ? null : start + at;
    }

    private static int Length(ReadOnlySpan<byte> digits) =>
        Utf8Parser.TryParse(digits, out int value, out var used) && used == digits.Length
            ? value
            : throw new InvalidDataException("A RESP length that is not a number.");
}
