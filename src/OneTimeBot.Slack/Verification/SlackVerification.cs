namespace OneTimeBot.Slack.Verification;

/// <summary>The outcome of checking an inbound Slack request; anything but <see cref="Valid"/> is answered 401 and not read further.</summary>
public enum SlackVerification
{
    Valid,

    /// <summary><c>X-Slack-Request-Timestamp</c> or <c>X-Slack-Signature</c> is missing.</summary>
    MissingHeaders,

    /// <summary>The timestamp is not a whole number of seconds.</summary>
    MalformedTimestamp,

    /// <summary>The timestamp is more than five minutes from now, either way.</summary>
    Stale,

    /// <summary>The signature is not a <c>v0=</c> signature.</summary>
    UnsupportedVersion,

    /// <summary>The signature does not match the body: forged, altered, or signed with another secret.</summary>
    Forged,

    /// <summary>This exact signed request was already accepted once.</summary>
    Replayed,
}
