using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using OneTimeBot.Testing;

namespace OneTimeBot.Host.Tests.LoadBalanced;

/// <summary>
/// Debian's <c>haproxy</c>, run in the foreground with the operator's example, <c>deploy/haproxy.cfg</c>, in which only
/// the addresses on the lines it marks "address:" are changed: the front on a free loopback port, one server line per
/// replica given, the status page on a port of its own. It records the one log line per request the file asks for.
/// ./test.sh installs haproxy when it is missing.
/// </summary>
internal sealed partial class HaproxyBalancer : IAsyncDisposable
{
    private static readonly TimeSpan StartBudget = TimeSpan.FromSeconds(30);
    private readonly Process _process;
    private readonly string _folder;
    private readonly string _log;
    private readonly HttpClient _stats;

    private HaproxyBalancer(Process process, string folder, string log, int port, int statsPort, IReadOnlyList<string> servers)
    {
        _process = process;
        _folder = folder;
        _log = log;
        Servers = servers;
        BaseUri = new Uri($"http://127.0.0.1:{port}/");
        _stats = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{statsPort}/") };
    }

    /// <summary>Where clients reach the replicas: the proxy's front.</summary>
    public Uri BaseUri { get; }

    /// <summary>The server names of the config, in the order of the replicas given.</summary>
    public IReadOnlyList<string> Servers { get; }

    /// <summary>What haproxy printed: its own messages and one line per request.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            using var reader = new StreamReader(new FileStream(_log, FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
            var lines = new List<string>();
            while (reader.ReadLine() is { } line)
            {
                lines.Add(line);
            }

            return lines;
        }
    }

    /// <summary>Starts haproxy in front of <paramref name="replicas"/>, its front on <paramref name="port"/>.</summary>
    public static async Task<HaproxyBalancer> StartAsync(IReadOnlyList<Uri> replicas, int port)
    {
        var executable = new[] { "/usr/sbin/haproxy", "/usr/bin/haproxy", "/usr/local/sbin/haproxy" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("haproxy is not installed; run ./test.sh, which installs it, or apt-get install haproxy.");
        var folder = Directory.CreateTempSubdirectory("onetimebot-haproxy-").FullName;
        var statsPort = FreePort.Next();
        var (config, servers) = ConfigFor(File.ReadAllLines(RepositoryRoot.Combine("deploy", "haproxy.cfg")), port, statsPort, replicas);
        var file = Path.Combine(folder, "haproxy.cfg");
        await File.WriteAllLinesAsync(file, config);

        // Its output into a file: haproxy drops a log line rather than wait when a pipe is full, and a test process
        // busy killing a replica reads its pipe late, just when the lines that matter are written.
        var log = Path.Combine(folder, "haproxy.log");
        var info = new ProcessStartInfo("/bin/sh") { WorkingDirectory = folder };
        foreach (var arg in new[] { "-c", "exec \"$0\" -db -f \"$1\" >\"$2\" 2>&1", executable, file, log })
        {
            info.ArgumentList.Add(arg);
        }

        var balancer = new HaproxyBalancer(Process.Start(info) ?? throw new InvalidOperationException("haproxy did not start"), folder, log, port, statsPort, servers);
        await balancer.WaitForStatsPageAsync();
        return balancer;
    }

    /// <summary>
    /// The example with its marked addresses changed: the front's bind, the status page's bind, and the server lines,
    /// one per replica (the example must have as many). Every other line is the operator's, as written.
    /// </summary>
    public static (IReadOnlyList<string> Config, IReadOnlyList<string> Servers) ConfigFor(IReadOnlyList<string> example, int port, int statsPort, IReadOnlyList<Uri> replicas)
    {
        var config = new List<string>();
        var servers = new List<string>();
        var section = "";
        var addresses = false;
        foreach (var line in example)
        {
            var trimmed = line.Trim();
            if (line.Length > 0 && !char.IsWhiteSpace(line[0]))
            {
                section = trimmed;
            }

            if (trimmed.StartsWith("# address:", StringComparison.Ordinal))
            {
                addresses = true;
                config.Add(line);
                continue;
            }

            if (trimmed.Length == 0 || (trimmed.StartsWith('#') && !addresses))
            {
                addresses = false;
            }

            if (addresses && BindLine().Match(line) is { Success: true } bind)
            {
                var own = section == "frontend stats" ? statsPort : port;
                config.Add(bind.Groups["indent"].Value + "bind 127.0.0.1:" + own.ToString(CultureInfo.InvariantCulture));
            }
            else if (addresses && ServerLine().Match(line) is { Success: true } server)
            {
                if (servers.Count >= replicas.Count)
                {
                    throw new InvalidOperationException("deploy/haproxy.cfg lists more servers than the test starts replicas.");
                }

                var replica = replicas[servers.Count];
                servers.Add(server.Groups["name"].Value);
                config.Add($"{server.Groups["indent"].Value}server {server.Groups["name"].Value} 127.0.0.1:{replica.Port.ToString(CultureInfo.InvariantCulture)}{server.Groups["rest"].Value}");
            }
            else
            {
                config.Add(line);
            }
        }

        return servers.Count == replicas.Count
            ? (config, servers)
            : throw new InvalidOperationException($"deploy/haproxy.cfg lists {servers.Count} servers; the test starts {replicas.Count} replicas.");
    }

    /// <summary>Each server's state on the status page: UP, DOWN, or a transition such as "UP 1/2".</summary>
    public async Task<IReadOnlyDictionary<string, string>> ServerStatesAsync()
    {
        var csv = await _stats.GetStringAsync(new Uri("stats;csv", UriKind.Relative));
        var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = rows[0].TrimStart('#', ' ').Split(',');
        int Column(string name) => Array.IndexOf(header, name);
        var (proxy, server, status) = (Column("pxname"), Column("svname"), Column("status"));
        return rows.Skip(1).Select(r => r.Split(','))
            .Where(r => r[proxy] == "replicas" && Servers.Contains(r[server]))
            .ToDictionary(r => r[server], r => r[status], StringComparer.Ordinal);
    }

    /// <summary>
    /// What the status page counts for <paramref name="server"/>: requests under way on it now (scur) and ever sent to
    /// it (stot), requests it failed to answer (eresp) or aborted mid-answer (srv_abrt), connections refused (econ), and
    /// retries and redispatches away from it (wretr, wredis).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, long>> CountersAsync(string server)
    {
        var csv = await _stats.GetStringAsync(new Uri("stats;csv", UriKind.Relative));
        var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = rows[0].TrimStart('#', ' ').Split(',');
        var row = rows.Skip(1).Select(r => r.Split(',')).Single(r => r[0] == "replicas" && r[1] == server);
        return new[] { "scur", "stot", "eresp", "srv_abrt", "econ", "wretr", "wredis" }
            .ToDictionary(c => c, c => long.TryParse(row[Array.IndexOf(header, c)], CultureInfo.InvariantCulture, out var n) ? n : 0, StringComparer.Ordinal);
    }

    /// <summary>Waits until every server's state is as wanted; false if not within <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForStatesAsync(Func<IReadOnlyDictionary<string, string>, bool> wanted, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (wanted(await ServerStatesAsync()))
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }

    /// <summary>The server the request with this <c>X-Request-ID</c> was sent to, from its log line; null if none is logged.</summary>
    public string? ServerOf(string requestId) => ServersByRequestId().GetValueOrDefault(requestId);

    /// <summary>For every request logged so far, by its <c>X-Request-ID</c>: the server it was sent to.</summary>
    public IReadOnlyDictionary<string, string> ServersByRequestId() =>
        Lines.Select(l => RequestLine().Match(l)).Where(m => m.Success)
            .GroupBy(m => m.Groups["id"].Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Groups["server"].Value, StringComparer.Ordinal);

    /// <summary>
    /// The ids of the requests <paramref name="server"/> never finished answering: cut off by the server (termination
    /// state S…) or answered by haproxy with a 502, 503 or 504 in its place.
    /// </summary>
    public IReadOnlyList<string> CutOffOn(string server) =>
        [.. Lines.Select(l => RequestLine().Match(l))
            .Where(m => m.Success && m.Groups["server"].Value == server && (m.Groups["state"].Value.StartsWith('S') || m.Groups["status"].Value is "502" or "503" or "504"))
            .Select(m => m.Groups["id"].Value)];

    public async ValueTask DisposeAsync()
    {
        _stats.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        // The format logs no URL, so no key: the leak scan reads these lines as it reads the hosts'.
        foreach (var line in Lines)
        {
            TestRunLedger.Current?.LogLine("haproxy", line);
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task WaitForStatsPageAsync()
    {
        var deadline = DateTime.UtcNow + StartBudget;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"haproxy exited with {_process.ExitCode}: {string.Join('\n', Lines)}");
            }

            try
            {
                await ServerStatesAsync();
                return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"haproxy's status page did not answer within {StartBudget.TotalSeconds} s.");
    }

    [GeneratedRegex(@"^(?<indent>\s+)bind\s+\S+\s*$")]
    private static partial Regex BindLine();

    [GeneratedRegex(@"^(?<indent>\s+)server\s+(?<name>\S+)\s+\S+(?<rest>.*)$")]
    private static partial Regex ServerLine();

    // "127.0.0.1:40312 [30/Nov/2026:22:10:05.123] onetimebot replicas/replica2 0/0/0/5/5 200 512 ---- 6/6/5/2/0 0/0 POST id=7F0000019C..."
    [GeneratedRegex(@" replicas/(?<server>\S+) \S+ (?<status>-?\d+) \S+ (?<state>\S+) .* id=(?<id>\S+)$")]
    private static partial Regex RequestLine();
}
