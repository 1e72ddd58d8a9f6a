using System.Text;
using System.Text.Json;

namespace OneTimeBot.Testing;

/// <summary>
/// The whole test run's record for the leak scan that <c>./test.sh</c> runs after every test project has finished:
/// every log line any host wrote, and every secret, passphrase and generated value that reached a secret service
/// (the fake one or the embedded one). Each test process appends to its own two files in the folder
/// <c>ONETIMEBOT_TEST_LEDGER</c> names; without it nothing is written.
/// </summary>
public static class TestRunLedger
{
    public const string FolderVariable = "ONETIMEBOT_TEST_LEDGER";

    private static readonly Lazy<Writers?> Files = new(Open);

    /// <summary>A secret, passphrase or generated value, each of its lines on a line of its own.</summary>
    public static void Secret(string? value)
    {
        if (string.IsNullOrEmpty(value) || Files.Value is not { } files)
        {
            return;
        }

        files.Write(files.Secrets, value.ReplaceLineEndings("\n"));
    }

    /// <summary>What follows <c>share</c> in a command or message a test types, whether or not it reaches a service.</summary>
    public static void TypedCommand(string? text)
    {
        if (text?.TrimStart() is { } typed && typed.StartsWith("share ", StringComparison.OrdinalIgnoreCase))
        {
            Secret(typed[6..].Trim());
        }
    }

    /// <summary>The <c>value</c> of a generate answer, the one secret no request carries.</summary>
    public static void GeneratedIn(string json)
    {
        if (Files.Value is null)
        {
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Object &&
                document.RootElement.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String)
            {
                Secret(value.GetString());
            }
        }
        catch (JsonException)
        {
        }
    }

    public static void LogLine(string text)
    {
        if (Files.Value is { } files)
        {
            files.Write(files.Logs, text);
        }
    }

    private static Writers? Open()
    {
        if (Environment.GetEnvironmentVariable(FolderVariable) is not { Length: > 0 } folder)
        {
            return null;
        }

        Directory.CreateDirectory(folder);
        var name = $"{AppDomain.CurrentDomain.FriendlyName}-{Environment.ProcessId}";
        var writers = new Writers(
            new StreamWriter(Path.Combine(folder, $"secrets-{name}.txt"), append: true, new UTF8Encoding(false)),
            new StreamWriter(Path.Combine(folder, $"logs-{name}.txt"), append: true, new UTF8Encoding(false)));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => writers.Close();
        return writers;
    }

    private sealed class Writers(StreamWriter secrets, StreamWriter logs)
    {
        private readonly Lock _gate = new();

        public StreamWriter Secrets { get; } = secrets;

        public StreamWriter Logs { get; } = logs;

        public void Write(StreamWriter file, string text)
        {
            lock (_gate)
            {
                file.WriteLine(text);
            }
        }

        public void Close()
        {
            lock (_gate)
            {
                Secrets.Dispose();
                Logs.Dispose();
            }
        }
    }
}
