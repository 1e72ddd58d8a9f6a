namespace OneTimeBot.Core.Commands;

/// <summary>A short message as a person reads it: what happened, and what to do about it.</summary>
public sealed record Notice(string Message, string Hint);
