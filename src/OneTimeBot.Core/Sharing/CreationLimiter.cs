using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Localization;
using OneTimeBot.Core.RateLimits;
using OneTimeBot.Core.Workspaces;

namespace OneTimeBot.Core.Sharing;

/// <summary>
/// Stops one person (a runaway script, a stuck key) or one workspace from flooding the secret service: fixed
/// one-minute windows, counted in the shared store so every replica sees the same totals.
/// </summary>
public sealed partial class CreationLimiter(
    IRateCounter counter, IOptions<CreationLimitsOptions> options, TimeProvider time, Telemetry.BotMetrics metrics, ILogger<CreationLimiter> logger)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>Counts this creation; null when it may go ahead, else the error to show.</summary>
    public async Task<SharingError?> CheckAsync(Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var o = options.Value;
        var window = FixedWindow.At(time.GetUtcNow(), Window);

        // One round trip counts both; a creation the user's limit refused is not counted against the workspace's.
        var over = await counter.CountInTurnAsync(
            [($"rate:create:user:{actor.Workspace.Key}:{actor.UserId}", o.PerUserPerMinute),
             ($"rate:create:workspace:{actor.Workspace.Key}", o.PerWorkspacePerMinute)],
            window, cancellationToken).ConfigureAwait(false);

        if (over == 0)
        {
            LogLimited("user", actor.Workspace.Key);
            metrics.RateLimited("user");
            return new SharingError(SharingErrorKind.RateLimited,
                CoreStrings.Format("Error.Limit.Create.User.Message", o.PerUserPerMinute),
                CoreStrings.Format("Error.Limit.Create.Hint", ReaderTime.Seconds(window.RemainingSeconds)));
        }

        if (over == 1)
        {
            LogLimited("workspace", actor.Workspace.Key);
            metrics.RateLimited("workspace");
            return new SharingError(SharingErrorKind.RateLimited,
                CoreStrings.Get("Error.Limit.Create.Workspace.Message"),
                CoreStrings.Format("Error.Limit.Create.Hint", ReaderTime.Seconds(window.RemainingSeconds)));
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Creation refused by the per-{Scope} limit in {Workspace}")]
    private partial void LogLimited(string scope, string workspace);
}
