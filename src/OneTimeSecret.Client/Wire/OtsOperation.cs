namespace OneTimeSecret.Client.Wire;

/// <summary>One v1 endpoint as the client calls it: a name for logs, whether it names a key, when it may be sent again.</summary>
internal sealed record OtsOperation(string Name, bool TargetsKey, OtsRetry Retry)
{
    public static readonly OtsOperation Status = new("status", TargetsKey: false, OtsRetry.WhenTransient);
    public static readonly OtsOperation AuthCheck = new("authcheck", TargetsKey: false, OtsRetry.WhenTransient);
    public static readonly OtsOperation Share = new("share", TargetsKey: false, OtsRetry.WhenNotActedOn);
    public static readonly OtsOperation Generate = new("generate", TargetsKey: false, OtsRetry.WhenNotActedOn);
    public static readonly OtsOperation Reveal = new("reveal", TargetsKey: true, OtsRetry.Never);
    public static readonly OtsOperation Receipt = new("receipt", TargetsKey: true, OtsRetry.WhenTransient);
    public static readonly OtsOperation Burn = new("burn", TargetsKey: true, OtsRetry.WhenTransient);
    public static readonly OtsOperation Recent = new("recent", TargetsKey: false, OtsRetry.WhenTransient);
}
