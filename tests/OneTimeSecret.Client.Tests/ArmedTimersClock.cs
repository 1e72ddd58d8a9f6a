using Microsoft.Extensions.Time.Testing;

namespace OneTimeSecret.Client.Tests;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that keeps the due time of every timer the code under test arms, so a test moves the
/// clock exactly when the client is waiting and can tell which waits it started. A timer counts as armed when it is
/// created with a due time or re-armed later: the timeouts re-arm pooled cancellation sources' timers with CancelAfter.
/// </summary>
internal sealed class ArmedTimersClock() : FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 12, 0, 0, TimeSpan.Zero))
{
    /// <summary>How long a test waits, in real time, for the client to reach a step; only a failing test waits that long.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _armed = [];
    private readonly List<(Func<IReadOnlyList<TimeSpan>, bool> Done, TaskCompletionSource Reached)> _waiters = [];

    /// <summary>The due times of the timers armed so far, in the order they were armed.</summary>
    public IReadOnlyList<TimeSpan> Armed
    {
        get
        {
            lock (_gate)
            {
                return [.. _armed];
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new WatchedTimer(base.CreateTimer(callback, state, dueTime, period), this);
        Note(dueTime);
        return timer;
    }

    /// <summary>Completes once <paramref name="count"/> timers due after <paramref name="dueTime"/> were armed in all.</summary>
    public Task ArmedAsync(TimeSpan dueTime, int count = 1) =>
        WhenAsync(armed => armed.Count(d => d == dueTime) >= count, $"{count} timer(s) of {dueTime}");

    /// <summary>Completes once <paramref name="count"/> timers were armed in all, whatever their due times.</summary>
    public Task AnyArmedAsync(int count) => WhenAsync(armed => armed.Count >= count, $"{count} timer(s)");

    private async Task WhenAsync(Func<IReadOnlyList<TimeSpan>, bool> done, string what)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (done(_armed))
            {
                return;
            }

            _waiters.Add((done, reached));
        }

        try
        {
            await reached.Task.WaitAsync(Patience).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The client did not arm {what} on the fake clock within {Patience} of real time; it armed [{string.Join(", ", Armed)}].");
        }
    }

    private void Note(TimeSpan dueTime)
    {
        if (dueTime == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        lock (_gate)
        {
            _armed.Add(dueTime);
            foreach (var waiter in _waiters.Where(w => w.Done(_armed)).ToList())
            {
                waiter.Reached.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }

    private sealed class WatchedTimer(ITimer inner, ArmedTimersClock clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = inner.Change(dueTime, period);
            clock.Note(dueTime);
            return changed;
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
