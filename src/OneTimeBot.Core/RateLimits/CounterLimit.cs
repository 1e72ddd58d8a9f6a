namespace OneTimeBot.Core.RateLimits;

/// <summary>A counter's key and the count it may reach; one more is over the limit.</summary>
public readonly record struct CounterLimit(string Key, long Limit);
