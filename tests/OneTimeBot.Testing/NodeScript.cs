using System.Diagnostics;

namespace OneTimeBot.Testing;

/// <summary>Runs a script from tests/interop with Node.js (its npm packages installed by ./test.sh) and returns what it printed.</summary>
public static class NodeScript
{
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string script, params string[] arguments)
    {
        var folder = RepositoryRoot.Combine("tests", "interop");
        if (!Directory.Exists(Path.Combine(folder, "node_modules")))
        {
            throw new InvalidOperationException("tests/interop has no node_modules: ./test.sh runs 'npm ci' there, or run it yourself.");
        }

        var info = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var node = Process.Start(info)!;
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await node.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        return (node.ExitCode, await output.ConfigureAwait(false), await errors.ConfigureAwait(false));
    }
}
