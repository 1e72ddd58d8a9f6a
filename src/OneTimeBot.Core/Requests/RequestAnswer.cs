using OneTimeBot.Core.Sharing;
using OneTimeSecret.Client;

namespace OneTimeBot.Core.Requests;

/// <summary>
/// What the person asked typed to answer a request: the secret, its expiry as text (empty for their workspace's
/// default) and an optional passphrase. The secret goes to the secret service and nowhere else.
/// </summary>
public sealed record RequestAnswer(SecretText Secret, string? Ttl = null, SecretText? Passphrase = null);

/// <summary>
/// An answered request, and the answerer's card for the link it made; once sent on, the card says whether it reached
/// the requester, or why not.
/// </summary>
public sealed record RequestAnswered(SecretRequest Request, SecretCard Card);
