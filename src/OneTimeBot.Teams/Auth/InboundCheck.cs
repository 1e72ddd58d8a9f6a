namespace OneTimeBot.Teams.Auth;

/// <summary>
/// The outcome of checking a request's Bot Framework token: valid (with the claims the activity must then match), or
/// the reason it was refused, for the log. <see cref="Unauthenticated"/> is the local development mode.
/// </summary>
public sealed record InboundCheck(bool IsValid, string Reason, string? ServiceUrlClaim = null, IReadOnlyList<string>? Endorsements = null, bool Unauthenticated = false)
{
    public static InboundCheck Refused(string reason) => new(false, reason);

    /// <summary>Let in without a token, in the local development mode the operator turned on.</summary>
    public static InboundCheck LocalDevelopment() => new(true, "local development, unauthenticated", Unauthenticated: true);

    /// <summary>Whether the activity is the one the token was issued for: same service URL, and a channel the key is endorsed for.</summary>
    public string? MismatchWith(string? serviceUrl, string? channelId)
    {
        if (Unauthenticated)
        {
            // Without a token, replies may only go to an emulator on this machine.
            return Uri.TryCreate(serviceUrl, UriKind.Absolute, out var local) && local.IsLoopback ? null : "an unauthenticated activity names a serviceUrl off this machine";
        }

        if (ServiceUrlClaim is null || serviceUrl is null || !string.Equals(ServiceUrlClaim.TrimEnd('/'), serviceUrl.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
        {
            return "the serviceurl claim does not match the activity's serviceUrl";
        }

        return channelId is not null && Endorsements?.Contains(channelId, StringComparer.OrdinalIgnoreCase) == true
            ? null
            : "the signing key is not endorsed for the activity's channel";
    }
}
