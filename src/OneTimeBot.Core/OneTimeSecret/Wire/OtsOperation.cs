namespace OneTimeBot.Core.OneTimeSecret.Wire;

/// <summary>One v1 endpoint as the client calls it: a name for logs, whether it names a key, whether it may be retried.</summary>
internal sealed record OtsOperation(string Name, bool TargetsKey, bool Retryable)
{
    public static readonly OtsOperation Status = new("status", TargetsKey: false, Retryable: true);
    public static readonly OtsOperation AuthCheck = new("authcheck", TargetsKey: false, Retryable: true);
    public static readonly OtsOperation Share = new("share", TargetsKey: false, Retryable: true);
    public static readonly OtsOperation Generate = new("generate", TargetsKey: false, Retryable: true);
    public static readonly OtsOperation Reveal = new("reveal", TargetsKey: true, Retryable: false);
    public static readonly OtsOperation Receipt = new("receipt", TargetsKey: true, Retryable: true);
    public static readonly OtsOperation Burn = new("burn", TargetsKey: true, Retryable: true);
    public static readonly OtsOperation Recent = new("recent", TargetsKey: false, Retryable: true);
}
