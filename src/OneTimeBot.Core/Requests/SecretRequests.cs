using Microsoft.AspNetCore.DataProtection;

namespace OneTimeBot.Core.Requests;

/// <summary>
/// The requests in the store, with their notes sealed: a note is typed by a person and may say more than it should
/// ("the root password of db-7, the old one was hunter2"), so the store, its backups and a copy of it hold it only
/// under Data Protection, whose key ring is itself encrypted with the deployment's key.
/// </summary>
public sealed class SecretRequests(ISecretRequestStore store, IDataProtectionProvider dataProtection)
{
    private readonly IDataProtector _notes = dataProtection.CreateProtector("OneTimeBot.Requests.Note.v1");

    public Task SaveAsync(SecretRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return store.SaveAsync(new StoredSecretRequest(
            request.Id, request.Workspace, request.RequesterUserId, request.RequesterReach, request.Asked,
            _notes.Protect(request.Note), request.Created, request.ExpiresAt, request.State), cancellationToken);
    }

    public async Task<SecretRequest?> FindAsync(string requestId, CancellationToken cancellationToken)
    {
        var stored = await store.FindAsync(requestId, cancellationToken).ConfigureAwait(false);
        return stored is null ? null : new SecretRequest(
            stored.Id, stored.Workspace, stored.RequesterUserId, stored.RequesterReach, stored.Asked,
            _notes.Unprotect(stored.ProtectedNote), stored.Created, stored.ExpiresAt, stored.State);
    }

    /// <inheritdoc cref="ISecretRequestStore.TryCloseAsync"/>
    public Task<bool> TryCloseAsync(string requestId, RequestState to, DateTimeOffset now, CancellationToken cancellationToken) =>
        store.TryCloseAsync(requestId, to, now, cancellationToken);

    public Task DeleteAsync(string requestId, CancellationToken cancellationToken) => store.DeleteAsync(requestId, cancellationToken);
}
