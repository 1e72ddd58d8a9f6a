namespace OneTimeSecret.Client;

/// <summary>HTTP Basic credentials of a Onetime Secret account: the account email or customer id and its API token.</summary>
/// <param name="Username">The account's email address (or customer id).</param>
/// <param name="ApiToken">The account's API token, from the account page of the server.</param>
public sealed record OneTimeSecretCredentials(string Username, SecretText ApiToken);
