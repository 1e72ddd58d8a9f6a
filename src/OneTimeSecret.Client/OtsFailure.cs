namespace OneTimeSecret.Client;

/// <summary>
/// A failed Onetime Secret call. <see cref="Message"/> is a sentence fit for a log or, for
/// <see cref="OtsFailureKind.Rejected"/>, the server's own reason; it never carries a secret, passphrase or key.
/// </summary>
/// <param name="Kind">What went wrong, in the terms a caller acts on.</param>
/// <param name="Message">One sentence that says what went wrong, naming the server's host.</param>
/// <param name="HttpStatus">The HTTP status the server answered with, when it answered.</param>
/// <param name="RetryAfter">How long the server asked to wait before trying again, when it said.</param>
public sealed record OtsFailure(OtsFailureKind Kind, string Message, int? HttpStatus = null, TimeSpan? RetryAfter = null);
