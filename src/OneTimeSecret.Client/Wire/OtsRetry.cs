namespace OneTimeSecret.Client.Wire;

/// <summary>When a failed call may be sent again.</summary>
internal enum OtsRetry
{
    /// <summary>Never: a reveal destroys the secret before it answers, so a second attempt would find nothing.</summary>
    Never,

    /// <summary>
    /// Only when the server certainly did not act on it: the connection was never made, or it answered 429 or 503.
    /// A share or generate that timed out or got a 500 may have stored a secret; sending it again could store a second
    /// copy nobody has the link to.
    /// </summary>
    WhenNotActedOn,

    /// <summary>On any transient failure: reads, and calls whose repetition changes nothing.</summary>
    WhenTransient,
}
