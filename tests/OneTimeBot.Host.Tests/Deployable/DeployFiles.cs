using System.Text.Json;
using System.Text.RegularExpressions;
using OneTimeBot.Testing;

namespace OneTimeBot.Host.Tests.Deployable;

/// <summary>
/// How <c>deploy/Dockerfile</c> and <c>deploy/systemd/onetimebot.service</c> start the host, read from the files
/// themselves so a test of them cannot drift from what an operator deploys.
/// </summary>
internal sealed record LaunchSpec(
    IReadOnlyList<string> Command,
    IReadOnlyDictionary<string, string> Environment,
    string WorkingDirectory,
    string StateDirectory,
    IReadOnlyList<string> Credentials,
    IReadOnlyList<string>? HealthCheck);

internal static partial class DeployFiles
{
    public static string Folder => RepositoryRoot.Combine("deploy");

    /// <summary>The runtime stage of the Dockerfile: ENTRYPOINT, ENV, WORKDIR, VOLUME and HEALTHCHECK's exec form.</summary>
    public static LaunchSpec Dockerfile()
    {
        var lines = LogicalLines(File.ReadAllText(Path.Combine(Folder, "Dockerfile")), '\\');
        var runtime = lines.SkipWhile(l => !l.StartsWith("FROM ", StringComparison.Ordinal) || !l.Contains(" AS runtime", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(runtime);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var env in Instructions(runtime, "ENV"))
        {
            foreach (Match pair in EnvPair().Matches(env))
            {
                environment[pair.Groups["key"].Value] = Unquote(pair.Groups["value"].Value);
            }
        }

        var healthCheck = Instructions(runtime, "HEALTHCHECK").Single();
        return new LaunchSpec(
            JsonArray(Instructions(runtime, "ENTRYPOINT").Single()),
            environment,
            Instructions(runtime, "WORKDIR").Last(),
            Instructions(runtime, "VOLUME").Single(),
            [],
            JsonArray(healthCheck[(healthCheck.IndexOf("CMD ", StringComparison.Ordinal) + 4)..]));
    }

    /// <summary>The unit's ExecStart, Environment=, WorkingDirectory, StateDirectory (under /var/lib) and LoadCredential names.</summary>
    public static LaunchSpec SystemdUnit()
    {
        var lines = LogicalLines(File.ReadAllText(Path.Combine(Folder, "systemd", "onetimebot.service")), '\\');
        var settings = lines.Where(l => !l.StartsWith('#') && l.Contains('=', StringComparison.Ordinal))
            .Select(l => (Key: l[..l.IndexOf('=', StringComparison.Ordinal)], Value: l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..]))
            .ToList();
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (_, value) in settings.Where(s => s.Key == "Environment"))
        {
            var assignment = Unquote(value);
            environment[assignment[..assignment.IndexOf('=', StringComparison.Ordinal)]] = assignment[(assignment.IndexOf('=', StringComparison.Ordinal) + 1)..];
        }

        string Single(string key) => settings.Single(s => s.Key == key).Value;
        return new LaunchSpec(
            Single("ExecStart").Split(' ', StringSplitOptions.RemoveEmptyEntries),
            environment,
            Single("WorkingDirectory"),
            "/var/lib/" + Single("StateDirectory"),
            settings.Where(s => s.Key == "LoadCredential").Select(s => s.Value[..s.Value.IndexOf(':', StringComparison.Ordinal)]).ToArray(),
            null);
    }

    /// <summary>Lines joined across trailing continuation characters, trimmed, blank lines and comments kept out.</summary>
    private static List<string> LogicalLines(string text, char continuation)
    {
        var result = new List<string>();
        var current = "";
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd();
            if (current.Length == 0 && (line.Length == 0 || line.TrimStart().StartsWith('#')))
            {
                continue;
            }

            if (line.EndsWith(continuation))
            {
                current += line[..^1].Trim() + " ";
                continue;
            }

            result.Add((current + line.Trim()).Trim());
            current = "";
        }

        return result;
    }

    private static IEnumerable<string> Instructions(IEnumerable<string> lines, string instruction) =>
        lines.Where(l => l.StartsWith(instruction + " ", StringComparison.Ordinal)).Select(l => l[(instruction.Length + 1)..].Trim());

    private static string[] JsonArray(string text) => JsonSerializer.Deserialize<string[]>(text.Trim()) ?? [];

    private static string Unquote(string value) => value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1] : value;

    [GeneratedRegex("""(?<key>[A-Za-z_][A-Za-z0-9_]*)=(?<value>"[^"]*"|\S+)""")]
    private static partial Regex EnvPair();
}
