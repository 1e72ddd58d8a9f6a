namespace OneTimeBot.Testing;

/// <summary>
/// A ledger in a folder of its own, read back once it is closed and then deleted: for tests of what the ledger itself
/// learns and copies, apart from the run's ledger.
/// </summary>
public static class TemporaryLedger
{
    /// <summary>What the ledger holds after <paramref name="use"/>: its values and its log lines, as on disk.</summary>
    public static async Task<(string[] Values, string[] Logs)> RecordAsync(Func<LedgerFolder, Task> use)
    {
        ArgumentNullException.ThrowIfNull(use);
        var folder = Directory.CreateTempSubdirectory("onetimebot-ledger-").FullName;
        try
        {
            using (var ledger = new LedgerFolder(folder))
            {
                await use(ledger).ConfigureAwait(false);
            }

            return (File.ReadAllLines(Directory.GetFiles(folder, "values-*.txt").Single()), File.ReadAllLines(Directory.GetFiles(folder, "logs-*.txt").Single()));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public static Task<(string[] Values, string[] Logs)> RecordAsync(Action<LedgerFolder> use) =>
        RecordAsync(ledger =>
        {
            use(ledger);
            return Task.CompletedTask;
        });
}
