using System.Diagnostics;
using System.Text;
using OneTimeBot.Testing;

namespace OneTimeBot.Host.Tests.Deployable;

/// <summary>
/// A command started as a service manager or a container runtime starts it: only the environment it is given (no
/// inherited variables), in its working directory, as the unprivileged user <c>nobody</c> when the test runs as root.
/// What it prints goes to the run's leak ledger.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal sealed class DeployedProcess : IAsyncDisposable
{
    public const int Nobody = 65534;
    private const string SystemPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private DeployedProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data, "child/stdout");
        process.ErrorDataReceived += (_, e) => Append(e.Data, "child/stderr");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public static bool RunningAsRoot => Environment.UserName == "root";

    public int Id => _process.Id;

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

    public bool HasExited => _process.HasExited;

    public static DeployedProcess Start(IReadOnlyList<string> command, IReadOnlyDictionary<string, string> environment, string workingDirectory)
    {
        TestRunLedger.Current.NoteSettings(environment);
        return new DeployedProcess(Process.Start(StartInfo(command, environment, workingDirectory)) ?? throw new InvalidOperationException($"{command[0]} did not start"));
    }

    /// <summary>Runs a short command (a health check) the same way and returns its exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> command, string workingDirectory)
    {
        using var process = Process.Start(StartInfo(command, new Dictionary<string, string>(), workingDirectory)) ?? throw new InvalidOperationException($"{command[0]} did not start");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }

    /// <summary>Hands a folder to the user the process runs as, readable and writable by it alone (mode 0700).</summary>
    public static async Task GiveToServiceUserAsync(string path, UnixFileMode mode)
    {
        File.SetUnixFileMode(path, mode);
        if (RunningAsRoot)
        {
            using var chown = Process.Start("chown", ["-R", $"{Nobody}:{Nobody}", path]);
            await chown.WaitForExitAsync();
            Assert.Equal(0, chown.ExitCode);
        }
    }

    /// <summary>The real user id the process runs as, from /proc.</summary>
    public int UserId() =>
        int.Parse(File.ReadAllLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("Uid:", StringComparison.Ordinal)).Split('\t', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static ProcessStartInfo StartInfo(IReadOnlyList<string> command, IReadOnlyDictionary<string, string> environment, string workingDirectory)
    {
        var info = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        IEnumerable<string> line = RunningAsRoot
            ? ["setpriv", $"--reuid={Nobody}", $"--regid={Nobody}", "--clear-groups", "--", .. command]
            : command;
        info.FileName = line.First();
        foreach (var arg in line.Skip(1))
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Clear();
        info.Environment["PATH"] = SystemPath;
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        return info;
    }

    private void Append(string? line, string source)
    {
        if (line is null)
        {
            return;
        }

        TestRunLedger.Current?.LogLine(source, line);
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
