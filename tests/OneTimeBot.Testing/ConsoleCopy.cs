using System.Collections.Immutable;
using System.Text;

namespace OneTimeBot.Testing;

/// <summary>
/// Copies every line written to this process's <see cref="Console.Out"/> and <see cref="Console.Error"/> into leak
/// ledgers, still writing it where it went before: hosts started in process print there (their console logger, a
/// start-up failure), and the ledger's own logger sees none of it. The host replaces <see cref="Console.Out"/> as it
/// starts (<c>ConsoleOutput.UseWholeLines</c>), so a host factory calls <see cref="KeepCopying"/> before its host's
/// console logger takes hold of the writer.
/// </summary>
public static class ConsoleCopy
{
    private static readonly Lock Gate = new();
    private static ImmutableArray<LedgerFolder> _ledgers = [];

    // The writers Console holds while they copy: anything else there was put in after them.
    private static TextWriter? _out;
    private static TextWriter? _error;

    /// <summary>Copies the console's lines into <paramref name="ledger"/> until the returned handle is disposed.</summary>
    public static IDisposable Into(LedgerFolder ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        lock (Gate)
        {
            _ledgers = _ledgers.Add(ledger);
            WrapWhatever();
        }

        return new Removal(ledger);
    }

    /// <summary>Puts the copy back in front of whatever writer replaced it since; nothing when no ledger is kept.</summary>
    public static void KeepCopying()
    {
        lock (Gate)
        {
            if (!_ledgers.IsEmpty)
            {
                WrapWhatever();
            }
        }
    }

    private static void WrapWhatever()
    {
        if (!ReferenceEquals(Console.Out, _out))
        {
            Console.SetOut(new LineCopyWriter(Console.Out, "console/out"));
            _out = Console.Out;
        }

        if (!ReferenceEquals(Console.Error, _error))
        {
            Console.SetError(new LineCopyWriter(Console.Error, "console/error"));
            _error = Console.Error;
        }
    }

    private sealed class Removal(LedgerFolder ledger) : IDisposable
    {
        public void Dispose()
        {
            lock (Gate)
            {
                _ledgers = _ledgers.Remove(ledger);
            }
        }
    }

    private sealed class LineCopyWriter(TextWriter inner, string source) : TextWriter
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
                foreach (var ledger in _ledgers)
                {
                    ledger.LogLine(source, line);
                }
            }
        }
    }
}
