namespace OneTimeBot.SecretServer.Service;

/// <summary>Why a request was refused: the status v1 means (sent as <c>X-OTS-Intended-Status</c>) and a message for people.</summary>
public sealed record ServiceError(int IntendedStatus, string Message, string? SecretKey = null, TimeSpan? RetryAfter = null)
{
    public const string UnknownSecretMessage = "Unknown secret";
    public const string NotAuthorizedMessage = "Not authorized";
    public const string RateLimitedMessage = "Rate limit exceeded. Please try again later.";

    public static ServiceError UnknownSecret(string? key) => new(404, UnknownSecretMessage, key);

    public static ServiceError NotAuthorized() => new(401, NotAuthorizedMessage);

    public static ServiceError Invalid(string message) => new(400, message);

    public static ServiceError RateLimited(TimeSpan retryAfter) => new(429, RateLimitedMessage, RetryAfter: retryAfter);

    public bool IsRateLimited => IntendedStatus == 429;

    // The key is echoed to the caller who sent it, as v1 does; a generated ToString would print it anywhere else.
    public override string ToString() => $"ServiceError {{ IntendedStatus = {IntendedStatus}, Message = {Message} }}";
}
