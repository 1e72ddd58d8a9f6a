using System.Text;

namespace OneTimeBot.Testing;

/// <summary>
/// One folder of the leak ledger that <c>scripts/scan-test-logs.sh</c> reads: the values a test process used, one line
/// each as <c>kind TAB value</c> (<c>values-*.txt</c>), and every line its hosts wrote as <c>source TAB text</c>
/// (<c>logs-*.txt</c>). Each line is flushed as it is written, so a test runner that kills the process loses none.
/// </summary>
public sealed class LedgerFolder : IDisposable
{
    private static int _opened;
    private readonly Lock _gate = new();
    private readonly HashSet<(LedgerKind, string)> _noted = [];
    private readonly StreamWriter _values;
    private readonly StreamWriter _logs;

    public LedgerFolder(string folder)
    {
        Directory.CreateDirectory(folder);
        Folder = folder;
        // One pair of files per ledger object, so two ledgers of one process never share a file.
        var name = $"{AppDomain.CurrentDomain.FriendlyName}-{Environment.ProcessId}-{Interlocked.Increment(ref _opened)}";
        _values = Open(Path.Combine(folder, $"values-{name}.txt"));
        _logs = Open(Path.Combine(folder, $"logs-{name}.txt"));
    }

    public string Folder { get; }

    /// <summary>A value no log line may carry; each of its lines is looked for on its own.</summary>
    public void Note(LedgerKind kind, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        lock (_gate)
        {
            foreach (var line in value.ReplaceLineEndings("\n").Split('\n'))
            {
                if (!string.IsNullOrWhiteSpace(line) && _noted.Add((kind, line)))
                {
                    _values.WriteLine($"{kind.Name()}\t{line}");
                }
            }
        }
    }

    /// <summary>
    /// What a host wrote, each of its lines tagged with <paramref name="source"/> (e.g. <c>logger/Warning/Category</c>,
    /// <c>child/stderr</c>), which the scan's report names.
    /// </summary>
    public void LogLine(string source, string text)
    {
        lock (_gate)
        {
            foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
            {
                _logs.WriteLine($"{source}\t{line}");
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _values.Dispose();
            _logs.Dispose();
        }
    }

    private static StreamWriter Open(string path) => new(path, append: true, new UTF8Encoding(false)) { AutoFlush = true };
}
