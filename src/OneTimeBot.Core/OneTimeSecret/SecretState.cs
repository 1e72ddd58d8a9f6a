namespace OneTimeBot.Core.OneTimeSecret;

/// <summary>The life of a secret as its receipt reports it.</summary>
public enum SecretState
{
    /// <summary>A state this client does not know (a newer server); treat as "not viewed".</summary>
    Unknown = 0,
    New,
    Viewed,
    Received,
    Burned,
    Expired,
    Orphaned,
}
