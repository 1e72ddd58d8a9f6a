using OneTimeBot.Core.Workspaces;
using OneTimeBot.Core.Messaging;
using OneTimeSecret.Client;

namespace OneTimeBot.Core.Sharing;

/// <summary>
/// A share request as a user typed it; <see cref="Ttl"/> is text (<c>1h</c>, <c>7 days</c>, <c>3600</c>) or empty for
/// the default. <see cref="SendTo"/> is the person the bot sends the link to, in their private chat with it.
/// </summary>
public sealed record ShareInput(SecretText Secret, string? Ttl = null, SecretText? Passphrase = null, string? RecipientEmail = null, Person? SendTo = null);

/// <summary>A generate request; <see cref="Length"/> is the length as typed (checked by <see cref="SharingRules.CheckLength"/>), empty for 12 characters.</summary>
public sealed record GenerateInput(string? Ttl = null, string? Length = null, SecretText? Passphrase = null, Person? SendTo = null);
