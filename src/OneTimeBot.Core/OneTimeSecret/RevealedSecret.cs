using OneTimeBot.Core.Security;

namespace OneTimeBot.Core.OneTimeSecret;

/// <summary>The answer of a reveal: the value (gone from the server now), its key and the share domain.</summary>
public sealed record RevealedSecret(SecretText Value, string SecretKey, string? ShareDomain);
