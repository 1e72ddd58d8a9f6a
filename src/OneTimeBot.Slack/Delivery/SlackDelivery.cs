using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneTimeBot.Core.Hosting;
using OneTimeBot.Core.Telemetry;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Slack.Configuration;
using OneTimeBot.Slack.Installations;
using OneTimeBot.Slack.WebApi;

namespace OneTimeBot.Slack.Delivery;

/// <summary>
/// Delivers replies that are not the HTTP response, and races slow work against Slack's 3 s: what finishes within
/// <see cref="SlackOptions.InlineWait"/> is answered inline, the rest is acked at once and delivered when done.
/// </summary>
public sealed partial class SlackDelivery(
    ResponseUrlClient responseUrls,
    ResponseUrlPolicy responseUrlPolicy,
    SlackApiClient api,
    SlackTokens tokens,
    FollowUps followUps,
    BotMetrics metrics,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackDelivery> logger)
{
    public TimeSpan FollowUpBudget => options.Value.FollowUpBudget;

    public TimeSpan ModalBudget => options.Value.ModalBudget;

    /// <summary>
    /// What <paramref name="work"/> answers, when it finishes in time; else null (the caller acks), and what it answers
    /// is laid out by <paramref name="render"/> and delivered to <paramref name="target"/> when done.
    /// </summary>
    public async Task<T?> InlineOrLaterAsync<T>(string what, Func<CancellationToken, Task<T>> work, ReplyTarget target, Func<T, SlackReply> render)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(render);
        // Off the request's thread, so that even work that blocks (SQLite waiting on a lock) cannot hold up the ack.
        var running = Task.Run(() => work(CancellationToken.None));
        try
        {
            // WaitAsync drops its timer once the work is done; a Task.Delay raced against it left a timer per command
            // running for the whole wait, and its firing, thousands a second under load, was work for nothing.
            return await running.WaitAsync(options.Value.InlineWait, time).ConfigureAwait(false);
        }
        catch (TimeoutException waited) when (!ReferenceEquals(waited, running.Exception?.InnerException))
        {
            // The wait ran out (not the work's own timeout, which is handled like any other failure of the work).
        }

        LogDeferred(what);
        Later(what, target, async ct => render(await running.WaitAsync(ct).ConfigureAwait(false)));
        return null;
    }

    /// <summary>Runs <paramref name="work"/> after the ack and delivers what it answers.</summary>
    public void Later(string what, ReplyTarget target, Func<CancellationToken, Task<SlackReply>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        followUps.Run(what, async ct => await DeliverAsync(target, await OrApologyAsync(what, () => work(ct)).ConfigureAwait(false), ct).ConfigureAwait(false));
    }

    /// <summary>The reply, or, when the work failed unexpectedly (a store down), a private apology rather than silence.</summary>
    public async Task<SlackReply> OrApologyAsync(string what, Func<Task<SlackReply>> work)
    {
        try
        {
            return await work().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The type only: an exception's message could quote what it was handling.
            LogFailed(what, ex.GetType().Name);
            return SlackMessages.Apology();
        }
    }

    public async Task<bool> DeliverAsync(ReplyTarget target, SlackReply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        // Checked again here, whatever the caller did: this is the last step before the link leaves the host.
        if (responseUrlPolicy.Permit(target.ResponseUrl) is { } url)
        {
            var posted = await responseUrls.PostAsync(url, reply, cancellationToken).ConfigureAwait(false);
            metrics.Delivered(BotTelemetry.Slack, "response_url", posted);
            return posted;
        }

        // Only into a DM: a card posted to a channel would be seen by everyone in it.
        if (target.Channel is { Length: > 1 } channel && channel[0] == 'D' &&
            await tokens.ForAsync(target.TeamId, target.EnterpriseId, cancellationToken).ConfigureAwait(false) is { } token)
        {
            var sent = (await api.PostMessageAsync(token, channel, reply, cancellationToken).ConfigureAwait(false)).Ok;
            metrics.Delivered(BotTelemetry.Slack, "dm", sent);
            return sent;
        }

        LogUndeliverable();
        metrics.Delivered(BotTelemetry.Slack, "none", succeeded: false);
        return false;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack '{What}' is slower than the inline wait: acked, finishing through response_url")]
    private partial void LogDeferred(string what);

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack '{What}' failed with {ExceptionType}; the user was told")]
    private partial void LogFailed(string what, string exceptionType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A Slack reply had nowhere to go: no response_url, and no DM with a usable token")]
    private partial void LogUndeliverable();
}
