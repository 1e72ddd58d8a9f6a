using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Expiry;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Workspaces;

namespace OneTimeBot.Core.Requests;

/// <summary>
/// What a request must be, and the sentences that say why one is refused: each tied to its field, so a form shows it
/// beside the input and keeps what was typed.
/// </summary>
public static class RequestRules
{
    /// <summary>The form field of the person asked.</summary>
    public const string PersonField = "person";

    /// <summary>The form field of what the secret is for.</summary>
    public const string NoteField = "note";

    /// <summary>A note says what is wanted in a few words: "the staging DB password".</summary>
    public const int MaxNote = 200;

    public static SharingError? CheckPerson(Actor requester, Person? asked)
    {
        ArgumentNullException.ThrowIfNull(requester);
        if (asked is null || string.IsNullOrWhiteSpace(asked.UserId))
        {
            return Invalid(PersonField, "Say who to ask for the secret.", "Pick one person in the form, or name them right after request, e.g. request @bob the staging DB password.");
        }

        return string.Equals(asked.UserId, requester.UserId, StringComparison.OrdinalIgnoreCase)
            ? Invalid(PersonField, "You can't ask yourself for a secret.", "Pick the person who has it.")
            : null;
    }

    public static SharingError? CheckNote(string? note)
    {
        var trimmed = note?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return Invalid(NoteField, "Say what the secret is for.", "A few words tell them what to send, e.g. the staging DB password. Never the secret itself.");
        }

        return trimmed.Length > MaxNote
            ? Invalid(NoteField, $"The note is {trimmed.Length} characters long; the limit is {MaxNote}.", "Say in a few words what to send, e.g. the staging DB password. Never the secret itself.")
            : null;
    }

    public static readonly SharingError NotFound = new(SharingErrorKind.NotFound,
        "I can't find that request any more.",
        "It may have expired and been cleared away. If the secret is still needed, the person who asked can send a new request.");

    public static readonly SharingError NotAsked = new(SharingErrorKind.NotOwner,
        "This request was sent to someone else, so only they can answer it.",
        "Nothing was sent.");

    public static readonly SharingError AlreadyAnswered = new(SharingErrorKind.Closed,
        "You already sent a secret for this request.",
        "A request is answered once, so nothing more was sent. Its link went to the person who asked.");

    public static readonly SharingError AlreadyDeclined = new(SharingErrorKind.Closed,
        "You declined this request, so it can't be answered any more.",
        "Nothing was sent. If you do want to send the secret, ask the person who asked to send a new request.");

    public static SharingError Expired(SecretRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new SharingError(SharingErrorKind.Closed,
            "This request has expired, so nothing can be sent for it.",
            $"Requests can be answered for {Ttl.Format(request.ExpiresAt - request.Created)}. If the secret is still needed, the person who asked can send a new request.");
    }

    /// <summary>Why a request in this state, at this time, cannot be answered or declined; null when it can.</summary>
    public static SharingError? CheckOpen(SecretRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.State switch
        {
            RequestState.Answered => AlreadyAnswered,
            RequestState.Declined => AlreadyDeclined,
            _ when request.IsExpiredAt(now) => Expired(request),
            _ => null,
        };
    }

    public static SharingError NotDelivered(string problem) => new(SharingErrorKind.Unavailable,
        "I could not send your request: " + problem,
        "Nothing was asked. Ask them another way, or try again later.");

    private static SharingError Invalid(string field, string message, string hint) => new(SharingErrorKind.InvalidInput, message, hint, field);
}
