using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Requests;
using OneTimeSecret.Client;

namespace OneTimeBot.Core.Commands;

/// <summary>A request for a secret that was just sent to the person asked, or why it was not.</summary>
public sealed record RequestReply(Result<SecretRequest, SharingError> Result) : CommandReply;
