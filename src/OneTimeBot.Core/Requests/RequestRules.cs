using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Localization;
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
            return Invalid(PersonField, CoreStrings.Get("Error.Request.NoPerson.Message"), CoreStrings.Get("Error.Request.NoPerson.Hint"));
        }

        return string.Equals(asked.UserId, requester.UserId, StringComparison.OrdinalIgnoreCase)
            ? Invalid(PersonField, CoreStrings.Get("Error.Request.Self.Message"), CoreStrings.Get("Error.Request.Self.Hint"))
            : null;
    }

    public static SharingError? CheckNote(string? note)
    {
        var trimmed = note?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return Invalid(NoteField, CoreStrings.Get("Error.Request.NoNote.Message"), CoreStrings.Get("Error.Request.NoNote.Hint"));
        }

        return trimmed.Length > MaxNote
            ? Invalid(NoteField, CoreStrings.Format("Error.Request.NoteTooLong.Message", trimmed.Length, MaxNote), CoreStrings.Get("Error.Request.NoteTooLong.Hint"))
            : null;
    }

    public static SharingError NotFound => new(SharingErrorKind.NotFound,
        CoreStrings.Get("Error.Request.NotFound.Message"),
        CoreStrings.Get("Error.Request.NotFound.Hint"));

    public static SharingError NotAsked => new(SharingErrorKind.NotOwner,
        CoreStrings.Get("Error.Request.NotAsked.Message"),
        CoreStrings.Get("Error.Request.NotAsked.Hint"));

    public static SharingError AlreadyAnswered => new(SharingErrorKind.Closed,
        CoreStrings.Get("Error.Request.AlreadyAnswered.Message"),
        CoreStrings.Get("Error.Request.AlreadyAnswered.Hint"));

    public static SharingError AlreadyDeclined => new(SharingErrorKind.Closed,
        CoreStrings.Get("Error.Request.AlreadyDeclined.Message"),
        CoreStrings.Get("Error.Request.AlreadyDeclined.Hint"));

    public static SharingError Expired(SecretRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new SharingError(SharingErrorKind.Closed,
            CoreStrings.Get("Error.Request.Expired.Message"),
            CoreStrings.Format("Error.Request.Expired.Hint", ReaderTime.Duration(request.ExpiresAt - request.Created)));
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
        CoreStrings.Format("Error.Request.NotDelivered.Message", problem),
        CoreStrings.Get("Error.Request.NotDelivered.Hint"));

    private static SharingError Invalid(string field, string message, string hint) => new(SharingErrorKind.InvalidInput, message, hint, field);
}
