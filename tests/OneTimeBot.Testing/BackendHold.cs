namespace OneTimeBot.Testing;

/// <summary>
/// Holds a scripted answer back until the test releases it: a backend slower than any budget, without a clock. The test
/// sees when a request reaches the hold and when the caller gave up on it, so it waits for those events, not for time.
/// </summary>
public sealed class BackendHold
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _abandoned = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the first request reaches the hold.</summary>
    public Task Reached => _reached.Task;

    /// <summary>Completes when a held request was given up by its caller (the connection closed) before the release.</summary>
    public Task Abandoned => _abandoned.Task;

    public bool IsReleased => _released.Task.IsCompleted;

    /// <summary>Lets every held request, and every later one, be answered.</summary>
    public void Release() => _released.TrySetResult();

    /// <summary>Waits, as the fake server, until the release; false when the caller gave up first.</summary>
    internal async Task<bool> WaitAsync(CancellationToken callerGone)
    {
        _reached.TrySetResult();
        try
        {
            await _released.Task.WaitAsync(callerGone).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            _abandoned.TrySetResult();
            return false;
        }
    }
}
