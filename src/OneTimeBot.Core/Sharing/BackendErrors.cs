using System.Globalization;
using OneTimeBot.Core.Errors;
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
                $"The secret service at {host} refused this workspace's Onetime Secret account.",
                "An admin can check the username and API token with /onetime config."),
            OtsFailureKind.RateLimited => new(SharingErrorKind.RateLimited,
                $"The secret service at {host} is limiting requests right now. Nothing was shared.",
                failure.RetryAfter is { } wait
                    ? $"Try again in {Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture)} seconds."
                    : "Try again in a minute."),
            OtsFailureKind.Rejected when !quoteServer => new(SharingErrorKind.Rejected,
                $"The secret service at {host} refused the request.",
                "Check what you entered and try again; if it keeps happening, an admin can check the secret service with /onetime config."),
            OtsFailureKind.Rejected => new(SharingErrorKind.Rejected,
                $"The secret service at {host} refused the request: {failure.Message}",
                "Check what you entered and try again."),
            OtsFailureKind.SecretNotFound => new(SharingErrorKind.NotFound,
                "That secret no longer exists on the secret service.",
                "It was viewed, burned or has expired."),
            OtsFailureKind.AddressRefused => new(SharingErrorKind.NotConfigured,
                $"The secret service at {host} is not on the public internet, so OneTimeBot does not connect to it.",
                "An admin can choose another secret service with /onetime config."),
            OtsFailureKind.WrongPassphrase => new(SharingErrorKind.InvalidInput,
                "That passphrase is not right.",
                "Enter the passphrase the secret was shared with.",
                SharingError.PassphraseField),
            _ => new(SharingErrorKind.Unavailable,
                $"The secret service at {host} is not answering right now. Nothing was shared.",
                "Try again in a minute; if it keeps happening, tell whoever runs OneTimeBot."),
        };
    }

    /// <summary>A burn the backend refused for its passphrase: none was given, or not the right one.</summary>
    public static SharingError BurnPassphrase(bool given) => new(SharingErrorKind.InvalidInput,
        given ? "That passphrase is not right." : "This secret has a passphrase, so burning it needs the passphrase too.",
        "Enter the passphrase the secret was shared with.",
        SharingError.PassphraseField);
}
