using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Localization;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Workspaces;
using OneTimeSecret.Client;

namespace OneTimeBot.Core.Requests;

/// <summary>
/// Asking someone for a secret, for Slack and Teams alike. A requester names a person and what they need; the person
/// gets a message with Send it securely and Decline. Their answer is shared with their own workspace settings and only
/// its one-time link goes to the requester, so no chat ever holds the secret. A request is answered or declined once
/// (however many replicas race), and not after it expires.
/// </summary>
public sealed partial class SecretRequestService(
    SecretRequests requests,
    SharingService sharing,
    DirectMessengers messengers,
    LinkDelivery delivery,
    RequestLimiter limits,
    IOptions<RequestsOptions> options,
    TimeProvider time,
    ILogger<SecretRequestService> logger)
{
    private const string IdAlphabet = "0123456789abcdefghijklmnopqrstuvwxyz";
    private const int IdLength = 26;

    /// <summary>
    /// Asks <paramref name="asked"/> for a secret, for what <paramref name="note"/> says: checks what costs nothing first,
    /// then the limits, then keeps the request and messages them. When the message cannot reach them, the request is
    /// forgotten and the error says why.
    /// </summary>
    public async Task<Result<SecretRequest, SharingError>> CreateAsync(Actor requester, Person? asked, string? note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requester);
        if ((RequestRules.CheckPerson(requester, asked) ?? RequestRules.CheckNote(note)) is { } invalid)
        {
            return invalid;
        }

        if (await limits.CheckAsync(requester, cancellationToken).ConfigureAwait(false) is { } limited)
        {
            return limited;
        }

        var now = time.GetUtcNow();
        var request = new SecretRequest(
            RandomNumberGenerator.GetString(IdAlphabet, IdLength), requester.Workspace, requester.UserId, requester.Reach,
            asked!, note!.Trim(), now, now + options.Value.Ttl, RequestState.Open);
        // Kept before the message goes, so its buttons find it however quickly they are pressed.
        await requests.SaveAsync(request, cancellationToken).ConfigureAwait(false);

        var sent = await messengers.SendAsync(AskedActor(request), new SecretAsked(request.Id, request.From, request.Note, request.ExpiresAt), cancellationToken).ConfigureAwait(false);
        if (!sent.Sent)
        {
            await requests.DeleteAsync(request.Id, cancellationToken).ConfigureAwait(false);
            LogNotDelivered(request.Workspace.Key, request.Id);
            return RequestRules.NotDelivered(sent.Problem ?? CoreStrings.Get("Error.Delivery.NotSent"));
        }

        LogCreated(request.Workspace.Key, request.Id, (long)options.Value.Ttl.TotalSeconds);
        // A person picked by id alone (a Teams people picker) is named by the platform once reached, for the requester's reply.
        return Result<SecretRequest, SharingError>.Success(request.Asked.Name is null && sent.RecipientName is { Length: > 0 } name
            ? request with { Asked = request.Asked with { Name = name } }
            : request);
    }

    /// <summary>The request, for its answer form: only for the person asked, and only while it can be answered.</summary>
    public async Task<Result<SecretRequest, SharingError>> OpenAsync(Actor answerer, string? requestId, CancellationToken cancellationToken)
    {
        var found = await FindForAsync(answerer, requestId, cancellationToken).ConfigureAwait(false);
        return found.IsSuccess && RequestRules.CheckOpen(found.Value, time.GetUtcNow()) is { } closed ? closed : found;
    }

    /// <summary>
    /// Shares the answer with the answerer's workspace settings and closes the request. It is closed only once the secret
    /// exists, so a failed share leaves it open to try again; of two answers that race, the one that closes it first wins
    /// and the other's secret is burned at once, its link never shown to anyone. The link then goes to the requester
    /// with <see cref="SendAnswerAsync"/>, which a platform may call after it answered its own deadline.
    /// </summary>
    public async Task<Result<RequestAnswered, SharingError>> AnswerAsync(Actor answerer, string? requestId, RequestAnswer answer, TimeSpan? budget, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var opened = await OpenAsync(answerer, requestId, cancellationToken).ConfigureAwait(false);
        if (!opened.IsSuccess)
        {
            return opened.Error;
        }

        var request = opened.Value;
        // For the requester: the answerer's recent links and the message when it is opened say whom it was for.
        var shared = await sharing.ShareAsync(answerer, new ShareInput(answer.Secret, answer.Ttl, answer.Passphrase, SendTo: request.From), budget, cancellationToken).ConfigureAwait(false);
        if (!shared.IsSuccess)
        {
            return shared.Error;
        }

        if (!await requests.TryCloseAsync(request.Id, RequestState.Answered, time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            LogLostRace(request.Workspace.Key, request.Id);
            await BurnUnsentAsync(answerer, request.Id, shared.Value, answer.Passphrase, budget, cancellationToken).ConfigureAwait(false);
            return await WhyClosedAsync(request, cancellationToken).ConfigureAwait(false);
        }

        LogAnswered(request.Workspace.Key, request.Id);
        return Result<RequestAnswered, SharingError>.Success(new RequestAnswered(request with { State = RequestState.Answered }, shared.Value));
    }

    /// <summary>
    /// Sends the link of an answer to the requester, with what they asked for; the answerer's card then says whether it
    /// went, and if not, why, with the link to pass on themselves.
    /// </summary>
    public async Task<RequestAnswered> SendAnswerAsync(Actor answerer, RequestAnswered answered, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answerer);
        ArgumentNullException.ThrowIfNull(answered);
        var request = answered.Request;
        // The answerer and the requester share a workspace, so the requester is reached the way the answerer is; a
        // platform that did not say how falls back to how the requester was reached when they asked.
        var sender = answerer.Reach is null && request.RequesterReach is { } reach ? answerer with { Reach = reach with { ChannelUserId = null, Name = null, Locale = null } } : answerer;
        var card = await delivery.SendAsync(sender, request.From, request.RequesterReach?.Locale, answered.Card, request.Note, cancellationToken).ConfigureAwait(false);
        return answered with { Card = card };
    }

    /// <summary>Declines the request for the person asked, once, and tells the requester.</summary>
    public async Task<Result<SecretRequest, SharingError>> DeclineAsync(Actor decliner, string? requestId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decliner);
        var opened = await OpenAsync(decliner, requestId, cancellationToken).ConfigureAwait(false);
        if (!opened.IsSuccess)
        {
            return opened.Error;
        }

        var request = opened.Value;
        if (!await requests.TryCloseAsync(request.Id, RequestState.Declined, time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            return await WhyClosedAsync(request, cancellationToken).ConfigureAwait(false);
        }

        LogDeclined(request.Workspace.Key, request.Id);
        var by = new Person(decliner.UserId, decliner.Reach?.Name ?? request.Asked.Name);
        var told = await messengers.SendAsync(request.Requester, new RequestDeclined(by, request.Note), cancellationToken).ConfigureAwait(false);
        if (!told.Sent)
        {
            LogDeclineNotDelivered(request.Workspace.Key, request.Id);
        }

        return Result<SecretRequest, SharingError>.Success(request with { State = RequestState.Declined });
    }

    /// <summary>
    /// The person asked, reached within the requester's workspace the way the requester is, but not in the requester's
    /// language: theirs is unknown here, and the platform finds it.
    /// </summary>
    private static Actor AskedActor(SecretRequest request) =>
        new(request.Workspace, request.Asked.UserId) { Reach = request.RequesterReach is { } reach ? reach with { ChannelUserId = null, Name = request.Asked.Name, Locale = null } : null };

    private async Task<Result<SecretRequest, SharingError>> FindForAsync(Actor actor, string? requestId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var request = IsWellFormed(requestId) ? await requests.FindAsync(requestId!, cancellationToken).ConfigureAwait(false) : null;
        if (request is null || request.Workspace != actor.Workspace)
        {
            return RequestRules.NotFound;
        }

        if (!string.Equals(request.Asked.UserId, actor.UserId, StringComparison.OrdinalIgnoreCase))
        {
            LogNotAsked(actor.Workspace.Key, request.Id);
            return RequestRules.NotAsked;
        }

        return Result<SecretRequest, SharingError>.Success(request);
    }

    /// <summary>Why a request that was open a moment ago could not be closed: read again, as another replica left it.</summary>
    private async Task<SharingError> WhyClosedAsync(SecretRequest request, CancellationToken cancellationToken)
    {
        var now = await requests.FindAsync(request.Id, cancellationToken).ConfigureAwait(false);
        return now is null ? RequestRules.NotFound : RequestRules.CheckOpen(now, time.GetUtcNow()) ?? RequestRules.Expired(now);
    }

    /// <summary>A secret made for a request someone else closed first: its link exists only here, so it is destroyed.</summary>
    private async Task BurnUnsentAsync(Actor answerer, string requestId, SecretCard card, SecretText? passphrase, TimeSpan? budget, CancellationToken cancellationToken)
    {
        var burned = await sharing.BurnAsync(answerer, card.ReceiptId, passphrase, budget, cancellationToken).ConfigureAwait(false);
        if (!burned.IsSuccess)
        {
            // Its link was never shown, so nobody can open it; it expires as it was made to.
            LogBurnFailed(answerer.Workspace.Key, requestId, burned.Error.Kind);
        }
    }

    private static bool IsWellFormed(string? requestId) =>
        requestId is { Length: > 0 and <= 64 } && requestId.All(char.IsAsciiLetterOrDigit);

    [LoggerMessage(Level = LogLevel.Information, Message = "Asked for a secret in {Workspace}: request {RequestId}, open for {TtlSeconds} s")]
    private partial void LogCreated(string workspace, string requestId, long ttlSeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A secret request in {Workspace} could not reach the person asked; request {RequestId} was dropped and the requester told why")]
    private partial void LogNotDelivered(string workspace, string requestId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Secret request {RequestId} in {Workspace} was answered")]
    private partial void LogAnswered(string workspace, string requestId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Secret request {RequestId} in {Workspace} was declined")]
    private partial void LogDeclined(string workspace, string requestId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Secret request {RequestId} in {Workspace} was declined, but the requester could not be told")]
    private partial void LogDeclineNotDelivered(string workspace, string requestId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused to open secret request {RequestId} in {Workspace}: not the person asked")]
    private partial void LogNotAsked(string workspace, string requestId);

    [LoggerMessage(Level = LogLevel.Information, Message = "An answer to secret request {RequestId} in {Workspace} came after it was closed; its secret is burned")]
    private partial void LogLostRace(string workspace, string requestId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Burning the unsent secret made for request {RequestId} in {Workspace} failed: {FailureKind}; its link was never shown")]
    private partial void LogBurnFailed(string workspace, string requestId, SharingErrorKind failureKind);
}
