namespace OneTimeBot.Core.Configuration;

/// <summary>What every chat platform's section has: a switch, and the time work finished after the platform was answered may take.</summary>
public interface IPlatformOptions
{
    /// <summary>False turns the platform off; its other settings then go unchecked.</summary>
    bool Enabled { get; }

    TimeSpan FollowUpBudget { get; }
}
