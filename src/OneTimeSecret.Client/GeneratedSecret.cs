namespace OneTimeSecret.Client;

/// <summary>The receipt of a generated secret and the generated value, which only its creator sees, once.</summary>
/// <param name="Receipt">The secret's receipt, with the link to send.</param>
/// <param name="Value">The generated password.</param>
public sealed record GeneratedSecret(SecretReceipt Receipt, SecretText Value);
