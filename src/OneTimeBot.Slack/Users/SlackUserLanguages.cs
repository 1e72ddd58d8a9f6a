using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneTimeBot.Slack.Configuration;
using OneTimeBot.Slack.Installations;
using OneTimeBot.Slack.WebApi;

namespace OneTimeBot.Slack.Users;

/// <summary>
/// Which language a Slack user reads, as Slack says: <c>users.info</c> with <c>include_locale=true</c> gives
/// <c>user.locale</c> (e.g. <c>sv-SE</c>), asked with the bot token of the user's workspace. Each answer is remembered
/// per team and user, in memory, for <see cref="Memory"/>, so a person's commands cost one call an hour, and concurrent
/// requests of one person share one call. A request waits at most <see cref="SlackOptions.LanguageWait"/> for it; a
/// failure, or a wait given up, means English and is remembered for <see cref="FailureMemory"/>, so a slow or failing
/// Slack delays nobody twice in a row.
/// </summary>
public sealed partial class SlackUserLanguages(
    SlackTokens tokens, SlackApiClient api, TimeProvider time, IOptions<SlackOptions> options, ILogger<SlackUserLanguages> logger)
{
    /// <summary>How long a language Slack gave is trusted: a person rarely changes theirs.</summary>
    public static readonly TimeSpan Memory = TimeSpan.FromHours(1);

    /// <summary>How long a failed or slow lookup answers English before Slack is asked again.</summary>
    public static readonly TimeSpan FailureMemory = TimeSpan.FromMinutes(1);

    /// <summary>The most people remembered at once; past it, expired answers go first, then all.</summary>
    public const int MaxRemembered = 100_000;

    private readonly ConcurrentDictionary<(string Team, string User), Lookup> _known = new();
    private readonly TimeSpan _wait = options.Value.LanguageWait;

    /// <summary>
    /// The language tag Slack gives for <paramref name="userId"/> of <paramref name="teamId"/>, or null when it is not
    /// known (in time): then the user is spoken to in English.
    /// </summary>
    public async Task<string?> LocaleAsync(string teamId, string? enterpriseId, string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(teamId);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var now = time.GetUtcNow();
        var lookup = Find((teamId, userId), enterpriseId, now);
        if (lookup.Answer.IsCompleted)
        {
            return (await lookup.Answer.ConfigureAwait(false)).Locale;
        }

        if (lookup.GivenUpUntil > now)
        {
            return null;
        }

        try
        {
            return (await lookup.Answer.WaitAsync(_wait, time, cancellationToken).ConfigureAwait(false)).Locale;
        }
        catch (TimeoutException)
        {
            // The lookup goes on, and its answer is kept for the next request; until then, nobody waits for it again.
            lookup.GiveUpUntil(now + FailureMemory);
            LogSlow(_wait.TotalMilliseconds);
            return null;
        }
    }

    /// <summary>
    /// The language tag known for the user right now, without waiting: for requests whose answer cannot spare
    /// <see cref="SlackOptions.LanguageWait"/> (a modal's answer is due within Slack's 3 s). When none is known (or it is past its
    /// hour), Slack is asked in the background for the next request; until then, the last answer, or null (English).
    /// </summary>
    public string? KnownOrLookUp(string teamId, string? enterpriseId, string userId)
    {
        ArgumentException.ThrowIfNullOrEmpty(teamId);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        // An answer past its hour is still the best guess while Slack is asked again.
        var stale = _known.TryGetValue((teamId, userId), out var known) && known.Answer.IsCompletedSuccessfully ? known.Answer.Result.Locale : null;
        var lookup = Find((teamId, userId), enterpriseId, time.GetUtcNow());
        return lookup.Answer.IsCompletedSuccessfully ? lookup.Answer.Result.Locale : stale;
    }

    /// <summary>The language tag already known for the user, without asking Slack; null when none is.</summary>
    public string? Known(string teamId, string userId) =>
        _known.TryGetValue((teamId, userId), out var known) && known.Answer.IsCompletedSuccessfully && !known.IsExpired(time.GetUtcNow())
            ? known.Answer.Result.Locale
            : null;

    /// <summary>The lookup in force for the user: a remembered one, one under way, or a new one.</summary>
    private Lookup Find((string Team, string User) key, string? enterpriseId, DateTimeOffset now)
    {
        if (_known.TryGetValue(key, out var known) && !known.IsExpired(now))
        {
            return known;
        }

        if (_known.Count >= MaxRemembered)
        {
            Forget(now);
        }

        var fresh = new Lookup();
        var winner = known is null ? _known.GetOrAdd(key, fresh) : _known.TryUpdate(key, fresh, known) ? fresh : _known.GetOrAdd(key, fresh);
        if (ReferenceEquals(winner, fresh))
        {
            fresh.Run(AskAsync(key.Team, enterpriseId, key.User));
        }

        return winner;
    }

    private void Forget(DateTimeOffset now)
    {
        foreach (var (key, lookup) in _known)
        {
            if (lookup.IsExpired(now))
            {
                _known.TryRemove(KeyValuePair.Create(key, lookup));
            }
        }

        if (_known.Count >= MaxRemembered)
        {
            _known.Clear();
        }
    }

    /// <summary>Asks Slack; never throws, and is never cancelled by one request: others may be waiting for it too.</summary>
    private async Task<Answer> AskAsync(string teamId, string? enterpriseId, string userId)
    {
        try
        {
            if (await tokens.ForAsync(teamId, enterpriseId, CancellationToken.None).ConfigureAwait(false) is not { } token)
            {
                return Failed();
            }

            var info = await api.UserInfoAsync(token, userId, CancellationToken.None).ConfigureAwait(false);
            if (!info.Ok)
            {
                return Failed();
            }

            var locale = info.Body["user"]?["locale"] is JsonValue value && value.TryGetValue<string>(out var tag) && IsTag(tag) ? tag : null;
            return new Answer(locale, time.GetUtcNow() + Memory);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The installation store may be down: English for now, and the request goes on to meet that itself.
            LogFailed(ex.GetType().Name);
            return Failed();
        }

        Answer Failed() => new(null, time.GetUtcNow() + FailureMemory);
    }

    /// <summary>A language tag as Slack writes them (<c>sv-SE</c>, <c>en-US</c>): letters, digits and hyphens, short. It is stored with links and requests.</summary>
    private static bool IsTag(string tag) =>
        tag.Length is >= 2 and <= 35 && char.IsAsciiLetter(tag[0]) && tag.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack did not say a user's language within {Milliseconds} ms: English until it does")]
    private partial void LogSlow(double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking up a Slack user's language failed with {ExceptionType}: English for now")]
    private partial void LogFailed(string exceptionType);

    private sealed record Answer(string? Locale, DateTimeOffset Until);

    /// <summary>One person's lookup: its answer once Slack gave it, and until when no request waits for it any more.</summary>
    private sealed class Lookup
    {
        private readonly TaskCompletionSource<Answer> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long _givenUpUntilTicks;

        public Task<Answer> Answer => _answer.Task;

        public DateTimeOffset GivenUpUntil => new(Interlocked.Read(ref _givenUpUntilTicks), TimeSpan.Zero);

        public void GiveUpUntil(DateTimeOffset until) => Interlocked.Exchange(ref _givenUpUntilTicks, until.UtcTicks);

        public bool IsExpired(DateTimeOffset now) => Answer.IsCompletedSuccessfully && Answer.Result.Until <= now;

        public void Run(Task<Answer> asking) =>
            asking.ContinueWith(t => _answer.TrySetResult(t.Result), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}
