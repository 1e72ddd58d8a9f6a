using System.Globalization;

namespace OneTimeBot.Bench;

/// <summary>
/// The Slack and Teams benchmarks' command line after the benchmark's name: a request count, then
/// <c>--store sqlite|redis|both</c>, <c>--backend standin|embedded</c> (Slack only) and <c>--prefill N</c>.
/// </summary>
internal sealed record BenchArguments(int Requests, IReadOnlyList<string> Stores, bool EmbeddedBackend, int Prefill)
{
    public const int DefaultPrefill = 1_000_000;

    public static BenchArguments Parse(IReadOnlyList<string> args, int defaultRequests, bool backendChoice)
    {
        var requests = defaultRequests;
        var stores = new[] { HostState.Sqlite, HostState.Redis };
        var embedded = false;
        var prefill = DefaultPrefill;
        for (var i = 0; i < args.Count; i++)
        {
            var (name, value) = args[i].StartsWith("--", StringComparison.Ordinal)
                ? args[i].Split('=', 2) is [var n, var v] ? (n, v) : (args[i], i + 1 < args.Count ? args[++i] : throw Usage($"{args[i]} needs a value"))
                : ("", args[i]);
            switch (name)
            {
                case "":
                    requests = Count(value, "the request count");
                    break;
                case "--store":
                    stores = value switch
                    {
                        "both" => [HostState.Sqlite, HostState.Redis],
                        HostState.Sqlite or HostState.Redis => [value],
                        _ => throw Usage($"--store is sqlite, redis or both, not '{value}'"),
                    };
                    break;
                case "--backend" when backendChoice:
                    embedded = value switch
                    {
                        "standin" => false,
                        "embedded" => true,
                        _ => throw Usage($"--backend is standin or embedded, not '{value}'"),
                    };
                    break;
                case "--prefill":
                    prefill = Count(value, "--prefill");
                    break;
                default:
                    throw Usage($"unknown option {name}");
            }
        }

        return new BenchArguments(requests, stores, embedded, prefill);
    }

    private static int Count(string value, string what) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : throw Usage($"{what} is a whole number, not '{value}'");

    private static ArgumentException Usage(string problem) =>
        new($"{problem}. Usage: slack|teams [requests] [--store sqlite|redis|both] [--prefill N] (slack only: [--backend standin|embedded])");
}
