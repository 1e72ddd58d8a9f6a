namespace OneTimeBot.Core.OneTimeSecret;

/// <summary>
/// The Onetime Secret REST API v1, one method per endpoint. Every call names the backend and credentials it uses,
/// so one client serves every workspace. Expected failures come back as <see cref="OtsFailure"/>; only the caller's
/// own cancellation throws.
/// </summary>
public interface IOneTimeSecretClient
{
    Task<Result<ServiceStatus, OtsFailure>> GetStatusAsync(OneTimeSecretConnection connection, CancellationToken cancellationToken = default);

    Task<Result<ServiceStatus, OtsFailure>> CheckAuthAsync(OneTimeSecretConnection connection, CancellationToken cancellationToken = default);

    Task<Result<SecretReceipt, OtsFailure>> ShareAsync(OneTimeSecretConnection connection, ShareRequest request, CancellationToken cancellationToken = default);

    Task<Result<GeneratedSecret, OtsFailure>> GenerateAsync(OneTimeSecretConnection connection, GenerateRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reveals and thereby destroys the secret. Never retried: a second attempt could only find it gone.</summary>
    Task<Result<RevealedSecret, OtsFailure>> RevealAsync(OneTimeSecretConnection connection, string secretKey, Security.SecretText? passphrase = null, CancellationToken cancellationToken = default);

    Task<Result<SecretReceipt, OtsFailure>> GetReceiptAsync(OneTimeSecretConnection connection, string metadataKey, CancellationToken cancellationToken = default);

    Task<Result<SecretReceipt, OtsFailure>> BurnAsync(OneTimeSecretConnection connection, string metadataKey, Security.SecretText? passphrase = null, CancellationToken cancellationToken = default);

    Task<Result<IReadOnlyList<SecretReceipt>, OtsFailure>> GetRecentAsync(OneTimeSecretConnection connection, CancellationToken cancellationToken = default);
}
