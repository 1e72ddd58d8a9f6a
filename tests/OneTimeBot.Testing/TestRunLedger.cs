namespace OneTimeBot.Testing;

/// <summary>
/// The whole test run's leak ledger, for the scan that <c>./test.sh</c> runs after every test project has finished:
/// every line any host wrote (its logger at every level, the test process's console, a host started as a child
/// process) and every secret, passphrase, generated value, key, link, token and credential a test used. Each test
/// process writes its own files into the folder <c>ONETIMEBOT_TEST_LEDGER</c> names; without it nothing is written.
/// </summary>
public static class TestRunLedger
{
    public const string FolderVariable = "ONETIMEBOT_TEST_LEDGER";

    private static readonly Lazy<LedgerFolder?> Run = new(Open);

    /// <summary>This process's ledger, or null when the run keeps none.</summary>
    public static LedgerFolder? Current => Run.Value;

    public static void Note(LedgerKind kind, string? value) => Current?.Note(kind, value);

    public static void Secret(string? value) => Note(LedgerKind.Secret, value);

    /// <summary>What follows <c>share</c> in a command or message a test types, whether or not it reaches a service.</summary>
    public static void TypedCommand(string? text)
    {
        if (text?.TrimStart() is { } typed && typed.StartsWith("share ", StringComparison.OrdinalIgnoreCase))
        {
            var secret = typed[6..].Trim();
            Secret(secret);
            // share <@U123|ada> <secret>: what follows the person is the secret.
            if (secret.StartsWith("<@", StringComparison.Ordinal) && secret.IndexOf('>', StringComparison.Ordinal) is var end and > 0)
            {
                Secret(secret[(end + 1)..].Trim());
            }
        }
    }

    private static LedgerFolder? Open()
    {
        if (Environment.GetEnvironmentVariable(FolderVariable) is not { Length: > 0 } folder)
        {
            return null;
        }

        // Never closed: every line is already flushed, and a host may still write while the process exits.
        var ledger = new LedgerFolder(folder);
        ConsoleCopy.Into(ledger);
        return ledger;
    }
}
