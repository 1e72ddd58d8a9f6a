namespace OneTimeBot.Core.Errors;

public enum SharingErrorKind
{
    /// <summary>The user's input broke a rule; <see cref="SharingError.Field"/> names the input.</summary>
    InvalidInput,

    /// <summary>Someone other than the sender asked about or tried to burn a secret.</summary>
    NotOwner,

    /// <summary>No such receipt (or not in this workspace).</summary>
    NotFound,

    /// <summary>The workspace has no usable Onetime Secret account and anonymous use is off.</summary>
    NotConfigured,

    /// <summary>The backend refused the workspace's credentials.</summary>
    NotAuthorized,

    /// <summary>The backend is limiting requests.</summary>
    RateLimited,

    /// <summary>The backend refused the input for its own reasons.</summary>
    Rejected,

    /// <summary>The backend could not be reached, failed or was too slow; nothing was shared.</summary>
    Unavailable,

    /// <summary>What was acted on can be acted on once, and was (a request answered or declined), or its time ran out.</summary>
    Closed,
}

/// <summary>
/// A failure as a person reads it: what went wrong (<see cref="Message"/>), what to do about it (<see cref="Hint"/>),
/// and for bad input the field it concerns, so a form can show the message beside it and keep what was typed.
/// </summary>
public sealed record SharingError(SharingErrorKind Kind, string Message, string Hint, string? Field = null)
{
    public const string SecretField = "secret";
    public const string TtlField = "ttl";
    public const string PassphraseField = "passphrase";
    public const string RecipientField = "recipient";
    public const string LengthField = "length";
}
