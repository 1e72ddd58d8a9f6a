namespace OneTimeBot.Host.Tests.LoadBalanced;

/// <summary>
/// A card a user was shown through the proxy: which secret, its one-time link, the Slack receipt behind its Check
/// status button (Teams' card in a compose box has none), and what a reveal during the traffic found.
/// </summary>
internal sealed record ShareCard(string Platform, string User, string Secret, Uri Link, string? ReceiptId)
{
    public RevealDuringTraffic Reveal { get; set; }
}

/// <summary>What a reveal during the traffic found; one cut off by the kill may or may not have burned the link.</summary>
internal enum RevealDuringTraffic
{
    NotTried,
    Revealed,
    AlreadyGone,
    CutOff,
}
