using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Localization;
using OneTimeSecret.Client;

namespace OneTimeBot.Core.Sharing;

/// <summary>Turns a Onetime Secret failure into what the user reads: what happened, at which service, what to do.</summary>
public static class BackendErrors
{
    /// <param name="quoteServer">Whether the server's own words may be shown: only for a backend the operator
    /// configured; a server a workspace admin chose could put anything in front of that workspace's users.</param>
    public static SharingError From(OtsFailure failure, string host, bool quoteServer = true)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return failure.Kind switch
        {
            OtsFailureKind.NotAuthorized => new(SharingErrorKind.NotAuthorized,
                CoreStrings.Format("Error.Backend.NotAuthorized.Message", host),
                CoreStrings.Get("Error.Backend.NotAuthorized.Hint")),
            OtsFailureKind.RateLimited => new(SharingErrorKind.RateLimited,
                CoreStrings.Format("Error.Backend.RateLimited.Message", host),
                failure.RetryAfter is { } wait
                    ? CoreStrings.Format("Error.Backend.RateLimited.HintWait", ReaderTime.Seconds(Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds))))
                    : CoreStrings.Get("Error.Backend.RateLimited.Hint")),
            OtsFailureKind.Rejected when !quoteServer => new(SharingErrorKind.Rejected,
                CoreStrings.Format("Error.Backend.Rejected.Message", host),
                CoreStrings.Get("Error.Backend.Rejected.Hint")),
            OtsFailureKind.Rejected => new(SharingErrorKind.Rejected,
                CoreStrings.Format("Error.Backend.RejectedQuoted.Message", host, failure.Message),
                CoreStrings.Get("Error.Backend.RejectedQuoted.Hint")),
            OtsFailureKind.SecretNotFound => new(SharingErrorKind.NotFound,
                CoreStrings.Get("Error.Backend.SecretNotFound.Message"),
                CoreStrings.Get("Error.Backend.SecretNotFound.Hint")),
            OtsFailureKind.AddressRefused => new(SharingErrorKind.NotConfigured,
                CoreStrings.Format("Error.Backend.AddressRefused.Message", host),
                CoreStrings.Get("Error.Backend.AddressRefused.Hint")),
            OtsFailureKind.WrongPassphrase => new(SharingErrorKind.InvalidInput,
                CoreStrings.Get("Error.Passphrase.Wrong.Message"),
                CoreStrings.Get("Error.Passphrase.Wrong.Hint"),
                SharingError.PassphraseField),
            _ => new(SharingErrorKind.Unavailable,
                CoreStrings.Format("Error.Backend.Unavailable.Message", host),
                CoreStrings.Get("Error.Backend.Unavailable.Hint")),
        };
    }

    /// <summary>A burn the backend refused for its passphrase: none was given, or not the right one.</summary>
    public static SharingError BurnPassphrase(bool given) => new(SharingErrorKind.InvalidInput,
        given ? CoreStrings.Get("Error.Passphrase.Wrong.Message") : CoreStrings.Get("Error.Passphrase.NeededToBurn.Message"),
        CoreStrings.Get("Error.Passphrase.Wrong.Hint"),
        SharingError.PassphraseField);
}
