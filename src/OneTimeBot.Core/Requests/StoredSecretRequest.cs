using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Workspaces;

namespace OneTimeBot.Core.Requests;

/// <summary>
/// A <see cref="SecretRequest"/> as a store keeps it: the note sealed with Data Protection (<see cref="ProtectedNote"/>),
/// everything else as it is. <see cref="SecretRequests"/> seals and opens it.
/// </summary>
public sealed record StoredSecretRequest(
    string Id,
    WorkspaceId Workspace,
    string RequesterUserId,
    ChatReach? RequesterReach,
    Person Asked,
    string ProtectedNote,
    DateTimeOffset Created,
    DateTimeOffset ExpiresAt,
    RequestState State)
{
    /// <summary>See <see cref="SecretRequest.KeepUntil"/>.</summary>
    public DateTimeOffset KeepUntil => ExpiresAt + (ExpiresAt - Created);
}
