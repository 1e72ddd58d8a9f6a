using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Localization;
using OneTimeBot.Core.RateLimits;
using OneTimeBot.Core.Workspaces;

namespace OneTimeBot.Core.Requests;

/// <summary>
/// Every request messages someone: this stops one person (a runaway script) or one workspace from flooding people with
/// them. Fixed one-minute windows, counted in the shared store so every replica sees the same totals.
/// </summary>
public sealed partial class RequestLimiter(IRateCounter counter, IOptions<RequestsOptions> options, TimeProvider time, ILogger<RequestLimiter> logger)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>Counts this request; null when it may go ahead, else the error to show.</summary>
    public async Task<SharingError?> CheckAsync(Actor requester, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requester);
        var o = options.Value;
        var window = FixedWindow.At(time.GetUtcNow(), Window);

        // One round trip counts both; a request the user's limit refused is not counted against the workspace's.
        var over = await counter.CountInTurnAsync(
            [($"rate:request:user:{requester.Workspace.Key}:{requester.UserId}", o.PerUserPerMinute),
             ($"rate:request:workspace:{requester.Workspace.Key}", o.PerWorkspacePerMinute)],
            window, cancellationToken).ConfigureAwait(false);

        if (over == 0)
        {
            LogLimited("user", requester.Workspace.Key);
            return new SharingError(SharingErrorKind.RateLimited,
                CoreStrings.Format("Error.Limit.Request.User.Message", o.PerUserPerMinute),
                CoreStrings.Format("Error.Limit.Request.Hint", ReaderTime.Seconds(window.RemainingSeconds)));
        }

        if (over == 1)
        {
            LogLimited("workspace", requester.Workspace.Key);
            return new SharingError(SharingErrorKind.RateLimited,
                CoreStrings.Get("Error.Limit.Request.Workspace.Message"),
                CoreStrings.Format("Error.Limit.Request.Hint", ReaderTime.Seconds(window.RemainingSeconds)));
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Secret request refused by the per-{Scope} limit in {Workspace}")]
    private partial void LogLimited(string scope, string workspace);
}
