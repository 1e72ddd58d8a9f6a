using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Workspaces;

namespace OneTimeBot.Core.Requests;

/// <summary>Where a request stands. It leaves <see cref="Open"/> once, for good.</summary>
public enum RequestState
{
    /// <summary>Waiting for the person asked.</summary>
    Open,

    /// <summary>The person asked sent a secret; its link went to the requester.</summary>
    Answered,

    /// <summary>The person asked said no.</summary>
    Declined,
}

/// <summary>
/// One person asking another, in the same workspace, for a secret: who asked (and how to message them later), who is
/// asked, what for (<see cref="Note"/>, typed by the requester), and until when it can be answered. It holds no secret
/// and never will: an answer becomes a one-time link that goes to the requester.
/// </summary>
public sealed record SecretRequest(
    string Id,
    WorkspaceId Workspace,
    string RequesterUserId,
    ChatReach? RequesterReach,
    Person Asked,
    string Note,
    DateTimeOffset Created,
    DateTimeOffset ExpiresAt,
    RequestState State)
{
    /// <summary>The requester, as the bot messages them.</summary>
    public Actor Requester => new(Workspace, RequesterUserId) { Reach = RequesterReach };

    /// <summary>The requester, as a message shows them.</summary>
    public Person From => new(RequesterUserId, RequesterReach?.Name);

    /// <summary>Kept as long again as it was open, so a late press is told it expired rather than that it never was.</summary>
    public DateTimeOffset KeepUntil => ExpiresAt + (ExpiresAt - Created);

    public bool IsExpiredAt(DateTimeOffset now) => now >= ExpiresAt;

    // The note is typed by a person and may say more than it should: a generated ToString would print it wherever a
    // request is logged.
    public override string ToString() =>
        $"SecretRequest {{ Id = {Id}, Workspace = {Workspace}, Requester = {RequesterUserId}, Asked = {Asked.UserId}, ExpiresAt = {ExpiresAt:O}, State = {State} }}";
}
