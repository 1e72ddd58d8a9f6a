using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Workspaces;

namespace OneTimeBot.Core.Commands;

/// <summary>One command to run: who typed it, what followed its name (verbatim), where, and how long a backend call may take.</summary>
public sealed record CommandRequest(Actor Actor, string Arguments, CommandSurface Surface, TimeSpan Budget)
{
    /// <summary>The person the command named first, whom the link goes to; null when it named nobody.</summary>
    public Person? SendTo { get; init; }

    // The arguments may be a secret: a generated ToString would print them wherever the request is logged.
    public override string ToString() => $"CommandRequest {{ Actor = {Actor}, Surface = {Surface}, Budget = {Budget} }}";
}
