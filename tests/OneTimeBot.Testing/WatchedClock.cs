using Microsoft.Extensions.Time.Testing;

namespace OneTimeBot.Testing;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also tells the test when the code under test starts a timer, so that the test
/// moves time on exactly when the code is waiting, instead of guessing with a sleep.
/// </summary>
public sealed class WatchedClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _started = [];
    private readonly List<(TimeSpan DueTime, int Count, TaskCompletionSource Reached)> _waiters = [];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        lock (_gate)
        {
            _started.Add(dueTime);
            foreach (var waiter in _waiters.Where(w => w.DueTime == dueTime && Count(dueTime) >= w.Count).ToList())
            {
                waiter.Reached.TrySetResult();
                _waiters.Remove(waiter);
            }
        }

        return timer;
    }

    /// <summary>How many timers due after <paramref name="dueTime"/> were started so far.</summary>
    public int TimersStarted(TimeSpan dueTime)
    {
        lock (_gate)
        {
            return Count(dueTime);
        }
    }

    /// <summary>
    /// Completes once <paramref name="count"/> timers due after <paramref name="dueTime"/> have been started in all;
    /// fails when that has not happened within <paramref name="patience"/> of real time.
    /// </summary>
    public async Task TimersStartedAsync(TimeSpan dueTime, int count, TimeSpan patience)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (Count(dueTime) >= count)
            {
                return;
            }

            _waiters.Add((dueTime, count, reached));
        }

        try
        {
            await reached.Task.WaitAsync(patience).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The code started fewer than {count} timers of {dueTime} on the fake clock within {patience} of real time.");
        }
    }

    private int Count(TimeSpan dueTime) => _started.Count(d => d == dueTime);
}
