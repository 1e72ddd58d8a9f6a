using System.Diagnostics;
using System.Globalization;

namespace OneTimeBot.Bench;

/// <summary>What a prefill put into a store, how long it took (and how much of the benchmark's CPU), and the store's size after it.</summary>
internal sealed record PrefillReport(int Records, TimeSpan Took, TimeSpan Cpu, string Size)
{
    /// <summary>Starts timing a prefill: wall clock and this process's CPU.</summary>
    public static (Stopwatch Clock, TimeSpan Cpu) Start() => (Stopwatch.StartNew(), Process.GetCurrentProcess().TotalProcessorTime);

    public static PrefillReport Finish((Stopwatch Clock, TimeSpan Cpu) started, int records, string size) =>
        new(records, started.Clock.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - started.Cpu, size);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Records:N0} receipts and {Records:N0} replay records in {Took.TotalSeconds:F1} s ({Cpu.TotalSeconds:F1} s of the benchmark's CPU); {Size}");
}
