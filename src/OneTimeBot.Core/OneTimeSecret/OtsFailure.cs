namespace OneTimeBot.Core.OneTimeSecret;

/// <summary>
/// A failed Onetime Secret call. <see cref="Message"/> is a sentence fit for an operator's log or, for
/// <see cref="OtsFailureKind.Rejected"/>, the server's own reason; it never carries a secret.
/// </summary>
public sealed record OtsFailure(OtsFailureKind Kind, string Message, int? HttpStatus = null, TimeSpan? RetryAfter = null);
