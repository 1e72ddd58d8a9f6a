namespace OneTimeSecret.Client;

/// <summary>What went wrong, in the terms a caller acts on.</summary>
public enum OtsFailureKind
{
    /// <summary>Unknown, expired or already viewed; on reveal also a wrong passphrase (v1 does not tell them apart).</summary>
    SecretNotFound,

    /// <summary>Burn with a wrong passphrase.</summary>
    WrongPassphrase,

    /// <summary>The credentials were refused, or the call needs an account.</summary>
    NotAuthorized,

    /// <summary>Too many requests; <see cref="OtsFailure.RetryAfter"/> says when to try again, when known.</summary>
    RateLimited,

    /// <summary>The server refused the input; <see cref="OtsFailure.Message"/> is its reason.</summary>
    Rejected,

    /// <summary>
    /// A <see cref="OneTimeSecretConnection.PublicOnly"/> server resolves to an address that is not on the public
    /// internet, so it was not connected to.
    /// </summary>
    AddressRefused,

    /// <summary>Unreachable, too slow, failing, or not a Onetime Secret v1 API at all.</summary>
    Unavailable,
}
