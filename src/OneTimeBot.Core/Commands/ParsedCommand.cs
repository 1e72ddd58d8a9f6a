using OneTimeBot.Core.Workspaces;
using OneTimeBot.Core.Messaging;

namespace OneTimeBot.Core.Commands;

/// <summary>
/// A typed line split into the command it names and everything after it (verbatim: it may be a secret), or, when
/// no command matched, why (never echoing what may be a pasted password).
/// </summary>
public sealed record ParsedCommand(CommandDefinition? Command, string Arguments, string? Problem)
{
    /// <summary>The person the command names first, for a command that <see cref="CommandDefinition.TakesPerson"/>.</summary>
    public Person? SendTo { get; init; }

    /// <summary>The command's name, or null when nothing matched: safe to log.</summary>
    public string? Name => Command?.Name;

    // The arguments may be a secret: a generated ToString would print them wherever the record is logged.
    public override string ToString() => $"ParsedCommand {{ Name = {Name ?? "(none)"}, Problem = {Problem} }}";
}
