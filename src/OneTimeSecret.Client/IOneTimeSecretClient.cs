namespace OneTimeSecret.Client;

/// <summary>
/// The Onetime Secret REST API v1, one method per endpoint. Every call names the server and credentials it uses in
/// its <see cref="OneTimeSecretConnection"/>, so one client serves any number of servers and accounts. Expected
/// failures (an unknown secret, refused credentials, a rate limit, an unreachable server) come back as an
/// <see cref="OtsFailure"/> in the <see cref="Result{TValue, TError}"/>; only the caller's own cancellation throws.
/// </summary>
public interface IOneTimeSecretClient
{
    /// <summary>Asks the server whether it is working (<c>GET /api/v1/status</c>); needs no account.</summary>
    /// <param name="connection">The server to ask.</param>
    /// <param name="cancellationToken">Cancels the call; cancelling throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The server's status, or why it could not be had.</returns>
    Task<Result<ServiceStatus, OtsFailure>> GetStatusAsync(OneTimeSecretConnection connection, CancellationToken cancellationToken = default);

    /// <summary>
    /// Checks the connection's credentials (<c>GET /api/v1/authcheck</c>). Refused credentials, or none, fail as
    /// <see cref="OtsFailureKind.NotAuthorized"/>.
    /// </summary>
    /// <param name="connection">The server and the account to check.</param>
    /// <param name="cancellationToken">Cancels the call; cancelling throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The server's status when the credentials are good, or why they are not.</returns>
    Task<Result<ServiceStatus, OtsFailure>> CheckAuthAsync(OneTimeSecretConnection connection, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a secret (<c>POST /api/v1/share</c>) and returns its receipt, whose <see cref="SecretReceipt.SecretLink"/> is
    /// the one-time link to send. The secret travels only in the form body, never in a URL.
    /// </summary>
    /// <param name="connection">The server to store the secret on; anonymous or with an account.</param>
    /// <param name="request">The secret and how it is kept.</param>
    /// <param name="cancellationToken">Cancels the call; cancelling throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The receipt, or why the secret was not stored.</returns>
    Task<Result<SecretReceipt, OtsFailure>> ShareAsync(OneTimeSecretConnection connection, ShareRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Has the server generate a random password and store it as a secret (<c>POST /api/v1/generate</c>). The
    /// generated value is in the answer, for the caller alone; the link reveals it once to whoever opens it.
    /// </summary>
    /// <param name="connection">The server to generate on; anonymous or with an account.</param>
    /// <param name="request">How long the password is and how the secret is kept.</param>
    /// <param name="cancellationToken">Cancels the call; cancelling throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The receipt and the generated value, or why nothing was generated.</returns>
    Task<Result<GeneratedSecret, OtsFailure>> GenerateAsync(OneTimeSecretConnection connection, GenerateRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reveals a secret (<c>POST /api/v1/secret/KEY</c>) and thereby destroys it on the server. Never retried: a second
    /// attempt could only find it gone. An unknown, expired or already revealed secret, and on most servers a wrong
    /// passphrase too, fail as <see cref="OtsFailureKind.SecretNotFound"/>.
    /// </summary>
    /// <param name="connection">The server that holds the secret.</param>
    /// <param name="secretKey">The secret key: the last segment of the secret link.</param>
    /// <param name="passphrase">The passphrase the secret was shared with, if any.</param>
    /// <param name="cancellationToken">Cancels the call; cancelling throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The secret's value, or why it could not be revealed.</returns>
    Task<Result<RevealedSecret, OtsFailure>> RevealAsync(OneTimeSecretConnection connection, string secretKey, SecretText? passphrase = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads a secret's receipt (<c>GET /api/v1/private/KEY</c>): whether it was received, burned or has expired. Does not
    /// reveal the secret.
    /// </summary>
    /// <param name="connection">The server that holds the secret.</param>
    /// <param name="metadataKey">The receipt's metadata key, from <see cref="SecretReceipt.MetadataKey"/>.</param>
    /// <param name="cancellationToken">Cancels the call; cancelling throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The receipt as it stands now, or why it could not be read.</returns>
    Task<Result<SecretReceipt, OtsFailure>> GetReceiptAsync(OneTimeSecretConnection connection, string metadataKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// Destroys a secret before anyone reveals it (<c>POST /api/v1/private/KEY/burn</c>). A wrong passphrase fails as
    /// <see cref="OtsFailureKind.WrongPassphrase"/>; a secret that is already gone as <see cref="OtsFailureKind.SecretNotFound"/>.
    /// </summary>
    /// <param name="connection">The server that holds the secret.</param>
    /// <param name="metadataKey">The receipt's metadata key, from <see cref="SecretReceipt.MetadataKey"/>.</param>
    /// <param name="passphrase">The passphrase the secret was shared with, if any.</param>
    /// <param name="cancellationToken">Cancels the call; cancelling throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The receipt of the burned secret, or why it could not be burned.</returns>
    Task<Result<SecretReceipt, OtsFailure>> BurnAsync(OneTimeSecretConnection connection, string metadataKey, SecretText? passphrase = null, CancellationToken cancellationToken = default);

    /// <summary>Lists the receipts of the account's recent secrets (<c>GET /api/v1/private/recent</c>); needs an account.</summary>
    /// <param name="connection">The server and the account whose secrets to list.</param>
    /// <param name="cancellationToken">Cancels the call; cancelling throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The receipts, in the order the server lists them, or why they could not be listed.</returns>
    Task<Result<IReadOnlyList<SecretReceipt>, OtsFailure>> GetRecentAsync(OneTimeSecretConnection connection, CancellationToken cancellationToken = default);
}
