using OneTimeBot.Core.Security;

namespace OneTimeBot.Core.OneTimeSecret;

/// <summary>The receipt of a generated secret and the generated value, which only its creator sees, once.</summary>
public sealed record GeneratedSecret(SecretReceipt Receipt, SecretText Value);
