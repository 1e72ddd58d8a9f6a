using System.Text;

namespace OneTimeBot.Testing;

/// <summary>
/// Copies every line written to this process's <see cref="Console.Out"/> and <see cref="Console.Error"/> into a leak
/// ledger, still writing it where it went before: hosts started in process print there (their console logger, a
/// start-up failure), and the ledger's own logger sees none of it.
/// </summary>
public static class ConsoleCopy
{
    public static void Install(LedgerFolder ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        Console.SetOut(new LineCopyWriter(Console.Out, ledger, "console/out"));
        Console.SetError(new LineCopyWriter(Console.Error, ledger, "console/error"));
    }

    private sealed class LineCopyWriter(TextWriter inner, LedgerFolder ledger, string source) : TextWriter
    {
        private readonly StringBuilder _line = new();

        public override Encoding Encoding => inner.Encoding;

        public override void Write(char value)
        {
            inner.Write(value);
            Keep([value]);
        }

        public override void Write(char[] buffer, int index, int count)
        {
            inner.Write(buffer, index, count);
            Keep(buffer.AsSpan(index, count));
        }

        public override void Write(ReadOnlySpan<char> buffer)
        {
            inner.Write(buffer);
            Keep(buffer);
        }

        public override void Write(string? value)
        {
            inner.Write(value);
            Keep(value);
        }

        public override void WriteLine(string? value)
        {
            inner.WriteLine(value);
            Keep(value + "\n");
        }

        public override void Flush() => inner.Flush();

        private void Keep(ReadOnlySpan<char> text)
        {
            List<string>? complete = null;
            lock (_line)
            {
                foreach (var c in text)
                {
                    if (c == '\n')
                    {
                        (complete ??= []).Add(_line.ToString().TrimEnd('\r'));
                        _line.Clear();
                    }
                    else
                    {
                        _line.Append(c);
                    }
                }
            }

            foreach (var line in complete ?? [])
            {
                ledger.LogLine(source, line);
            }
        }
    }
}
