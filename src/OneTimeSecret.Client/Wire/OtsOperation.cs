namespace OneTimeSecret.Client.Wire;

/// <summary>One v1 endpoint as the client calls it: a name for logs, whether it names a key, when it may be sent again.</summary>
internal sealed record OtsOperation(string Name, bool TargetsKey, OtsRetry Retry)
{
    /// <summary>How many endpoints have a <see cref="FixedPath"/>: the size of a connection's cache of their Uris.</summary>
    public const int FixedPaths = 5;

    public static readonly OtsOperation Status = new("status", TargetsKey: false, OtsRetry.WhenTransient) { FixedPath = "status", FixedSlot = 0 };
    public static readonly OtsOperation AuthCheck = new("authcheck", TargetsKey: false, OtsRetry.WhenTransient) { FixedPath = "authcheck", FixedSlot = 1 };
    public static readonly OtsOperation Share = new("share", TargetsKey: false, OtsRetry.WhenNotActedOn) { FixedPath = "share", FixedSlot = 2 };
    public static readonly OtsOperation Generate = new("generate", TargetsKey: false, OtsRetry.WhenNotActedOn) { FixedPath = "generate", FixedSlot = 3 };
    public static readonly OtsOperation Reveal = new("reveal", TargetsKey: true, OtsRetry.Never);
    public static readonly OtsOperation Receipt = new("receipt", TargetsKey: true, OtsRetry.WhenTransient);
    public static readonly OtsOperation Burn = new("burn", TargetsKey: true, OtsRetry.WhenTransient);
    public static readonly OtsOperation Recent = new("recent", TargetsKey: false, OtsRetry.WhenTransient) { FixedPath = "private/recent", FixedSlot = 4 };

    /// <summary>The path under <c>api/v1/</c> when it is the same for every call; null when it holds a key.</summary>
    public string? FixedPath { get; private init; }

    /// <summary>Where a connection keeps the Uri of <see cref="FixedPath"/>; -1 when there is none.</summary>
    public int FixedSlot { get; private init; } = -1;
}
