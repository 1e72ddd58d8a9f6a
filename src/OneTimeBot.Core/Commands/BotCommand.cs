using OneTimeSecret.Client;

namespace OneTimeBot.Core.Commands;

/// <summary>What a user asked for in <c>/onetime …</c> or a message to the bot, before any platform decides how to answer.</summary>
public abstract record BotCommand;

/// <summary><c>help</c>, or nothing at all.</summary>
public sealed record HelpCommand : BotCommand;

/// <summary><c>share</c> alone (open the form) or <c>share &lt;secret&gt;</c>, the secret verbatim.</summary>
public sealed record ShareCommand(SecretText? Secret) : BotCommand;

/// <summary><c>generate [ttl] [length]</c>; both left to the sharing rules to check.</summary>
public sealed record GenerateCommand(string? Ttl, int? Length) : BotCommand;

/// <summary><c>config</c>: the workspace settings, for admins.</summary>
public sealed record ConfigCommand : BotCommand;

/// <summary>Anything else, with what was not understood (never echoing a possible secret) and why.</summary>
public sealed record UnknownCommand(string Problem) : BotCommand;
