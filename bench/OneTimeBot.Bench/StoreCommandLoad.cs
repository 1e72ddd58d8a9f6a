using System.Diagnostics;

namespace OneTimeBot.Bench;

/// <summary>
/// A fixed number of commands' store work at a fixed concurrency: each worker runs one command's steps one after the
/// other, as a request does, then takes the next command. Every step and every whole command is timed.
/// </summary>
internal static class StoreCommandLoad
{
    public static async Task<StoreLoadFigures> RunAsync(StoreUnderTest store, StoreShareCommand command, int commands, int workers)
    {
        var steps = command.Steps;
        var stepTicks = steps.Select(_ => new long[commands]).ToArray();
        var commandTicks = new long[commands];
        var serverCpu = await store.ServerCpuAsync();
        var processCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < commands)
            {
                var started = Stopwatch.GetTimestamp();
                var stepStarted = started;
                for (var s = 0; s < steps.Count; s++)
                {
                    await steps[s].RunAsync(i);
                    var now = Stopwatch.GetTimestamp();
                    stepTicks[s][i] = now - stepStarted;
                    stepStarted = now;
                }

                commandTicks[i] = stepStarted - started;
            }
        })));
        var elapsed = clock.Elapsed;
        processCpu = Process.GetCurrentProcess().TotalProcessorTime - processCpu;
        serverCpu = await store.ServerCpuAsync() - serverCpu;
        return new StoreLoadFigures(
            commands / elapsed.TotalSeconds,
            StoreLatencies.Of(commandTicks),
            steps.Select((step, s) => (step.Name, StoreLatencies.Of(stepTicks[s]))).ToArray(),
            processCpu / commands,
            serverCpu / commands);
    }
}

internal sealed record StoreLoadFigures(
    double CommandsPerSecond,
    StoreLatencies Command,
    IReadOnlyList<(string Step, StoreLatencies Latencies)> Steps,
    TimeSpan ProcessCpuPerCommand,
    TimeSpan ServerCpuPerCommand)
{
    public StoreLatencies Step(string name) => Steps.FirstOrDefault(s => s.Step == name).Latencies;
}
