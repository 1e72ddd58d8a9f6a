using OneTimeBot.Core.Security;

namespace OneTimeBot.Core.OneTimeSecret;

/// <summary>HTTP Basic credentials of a Onetime Secret account: the account email or customer id and its API token.</summary>
public sealed record OneTimeSecretCredentials(string Username, SecretText ApiToken);
