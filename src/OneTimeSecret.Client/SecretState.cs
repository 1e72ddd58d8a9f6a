namespace OneTimeSecret.Client;

/// <summary>The life of a secret as its receipt reports it.</summary>
public enum SecretState
{
    /// <summary>A state this client does not know (a newer server); treat as "not viewed".</summary>
    Unknown = 0,

    /// <summary>Stored and not yet revealed.</summary>
    New,

    /// <summary>The receipt page was viewed by its owner; the secret itself is still there.</summary>
    Viewed,

    /// <summary>Revealed to its recipient, and so gone from the server.</summary>
    Received,

    /// <summary>Destroyed by its owner before anyone revealed it.</summary>
    Burned,

    /// <summary>Its time ran out before anyone revealed it.</summary>
    Expired,

    /// <summary>The receipt outlived its secret, which is gone for a reason the server did not record.</summary>
    Orphaned,
}
