using System.Globalization;
using System.Net;
using System.Text.Json;

namespace OneTimeSecret.Client.Wire;

/// <summary>
/// Maps a non-success v1 answer to an <see cref="OtsFailure"/>. v1 reports nearly every error as HTTP 404 with
/// <c>{"message"}</c> (newer servers add <c>X-OTS-Intended-Status</c>), unknown routes as <c>{"error":"Not Found"}</c>,
/// so the message text decides as much as the status.
/// </summary>
internal static class OtsErrorClassifier
{
    public const string IntendedStatusHeader = "X-OTS-Intended-Status";
    private const int MaxServerMessageLength = 300;

    public static OtsFailure Classify(HttpResponseMessage response, string body, OtsOperation operation, OneTimeSecretConnection connection, DateTimeOffset now)
    {
        var status = (int)response.StatusCode;
        var intended = IntendedStatus(response) ?? status;
        var (message, error) = ReadErrorBody(body);
        var retryAfter = RetryAfter(response, now);

        if (intended == (int)HttpStatusCode.TooManyRequests || Contains(message, "rate limit"))
        {
            return new OtsFailure(OtsFailureKind.RateLimited, "The Onetime Secret server is rate limiting these requests.", status, retryAfter);
        }

        if (intended is 401 or 403 || Contains(message, "not authorized"))
        {
            return new OtsFailure(OtsFailureKind.NotAuthorized,
                connection.IsAnonymous
                    ? "The Onetime Secret server needs an account (username and API token) for this."
                    : "The Onetime Secret server refused the username or API token.",
                status);
        }

        if (Contains(message, "incorrect passphrase"))
        {
            return new OtsFailure(OtsFailureKind.WrongPassphrase, "The passphrase is not correct.", status);
        }

        if (StartsWith(message, "unknown secret") || StartsWith(message, "unknown metadata") || StartsWith(message, "unknown receipt"))
        {
            return new OtsFailure(OtsFailureKind.SecretNotFound, "The secret is unknown, has expired, or was already viewed.", status);
        }

        if (status >= 500 || status == (int)HttpStatusCode.RequestTimeout)
        {
            return new OtsFailure(OtsFailureKind.Unavailable, $"The Onetime Secret server failed (HTTP {status}).", status, retryAfter);
        }

        if (status == (int)HttpStatusCode.NotFound && message is null)
        {
            // A route the server does not have: for a key it is simply not there, otherwise the URL is not a v1 API.
            return operation.TargetsKey
                ? new OtsFailure(OtsFailureKind.SecretNotFound, "The secret is unknown, has expired, or was already viewed.", status)
                : new OtsFailure(OtsFailureKind.Unavailable,
                    $"{connection.ApiUri.GetLeftPart(UriPartial.Path)} does not answer like a Onetime Secret v1 API ({error ?? "Not Found"}).",
                    status);
        }

        if ((message ?? error) is { } reason && status is >= 400 and < 500)
        {
            return new OtsFailure(OtsFailureKind.Rejected, Clean(reason), intended);
        }

        return new OtsFailure(OtsFailureKind.Unavailable, $"The Onetime Secret server answered HTTP {status} unexpectedly.", status);
    }

    private static int? IntendedStatus(HttpResponseMessage response) =>
        response.Headers.TryGetValues(IntendedStatusHeader, out var values) &&
        int.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var intended) && intended is >= 100 and <= 599
            ? intended
            : null;

    /// <summary>How long a <c>Retry-After</c> header asks to wait, seconds or a date, as of <paramref name="now"/>.</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? date - now is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero : null;
    }

    private static (string? Message, string? Error) ReadErrorBody(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null);
        }

        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            return (NonEmpty(LenientJson.String(doc.RootElement, "message")), NonEmpty(LenientJson.String(doc.RootElement, "error")));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static bool Contains(string? message, string fragment) =>
        message?.Contains(fragment, StringComparison.OrdinalIgnoreCase) == true;

    private static bool StartsWith(string? message, string prefix) =>
        message?.TrimStart().StartsWith(prefix, StringComparison.OrdinalIgnoreCase) == true;

    // The server's sentence is shown to people: one line, bounded, no control characters.
    private static string Clean(string message)
    {
        var chars = message.Select(c => char.IsControl(c) ? ' ' : c).ToArray();
        var text = new string(chars).Trim();
        return text.Length <= MaxServerMessageLength ? text : text[..MaxServerMessageLength] + "…";
    }
}
