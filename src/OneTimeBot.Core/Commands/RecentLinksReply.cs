using OneTimeBot.Core.Tracking;

namespace OneTimeBot.Core.Commands;

/// <summary>The person's recent links, each with what became of it, and Burn for those still waiting.</summary>
public sealed record RecentLinksReply(RecentLinkList List) : CommandReply;
