using System.Diagnostics;
using System.Text;
using OneTimeBot.Testing;

namespace OneTimeBot.Host.Tests;

/// <summary>
/// Runs the built host as its own process, the way an operator starts it, and collects what it prints. Every line it
/// prints and the secret settings it is given go to a leak ledger: the run's, unless one is given.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly LedgerFolder? _ledger;
    private readonly StringBuilder _output = new();

    private HostProcess(Process process, LedgerFolder? ledger)
    {
        _process = process;
        _ledger = ledger;
        process.OutputDataReceived += (_, e) => Append(e.Data, "child/stdout");
        process.ErrorDataReceived += (_, e) => Append(e.Data, "child/stderr");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>The operating system's id of the host's process.</summary>
    public int Id => _process.Id;

    public static HostProcess Start(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        Start(TestRunLedger.Current, environment, args);

    public static HostProcess Start(LedgerFolder? ledger, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        ledger.NoteSettings(environment);
        var dll = Path.Combine(AppContext.BaseDirectory, "OneTimeBot.Host.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment.Remove("ASPNETCORE_URLS");
        // Every level on the console, whatever the categories' levels say: a secret in a debug line is still a leak,
        // and the leak scan reads what the process prints.
        info.Environment["Logging__Console__LogLevel__Default"] = "Trace";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        return new HostProcess(Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start"), ledger);
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    /// <summary>Ends the process at once, as <c>kill -9</c> does: no shutdown, nothing flushed, and waits until it is gone.</summary>
    public async Task KillAsync(TimeSpan timeout)
    {
        if (!_process.HasExited)
        {
            // The host is this one process: looking for children first would only delay the signal.
            _process.Kill();
        }

        await WaitForExitAsync(timeout);
    }

    /// <summary>
    /// Asks the process to stop as a service manager or <c>docker stop</c> does (SIGTERM), and returns its exit code
    /// once it has shut down.
    /// </summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        await TerminateAsync();
        return await WaitForExitAsync(timeout);
    }

    /// <summary>Sends SIGTERM and returns at once: the host begins its stop, and may serve for a while yet.</summary>
    public async Task TerminateAsync()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Append(string? line, string source)
    {
        if (line is null)
        {
            return;
        }

        _ledger?.LogLine(source, line);
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
