namespace OneTimeBot.Slack.Installations;

/// <summary>Installations by <see cref="SlackInstallation.Key"/>, in the bot's state store (SQLite or Redis).</summary>
public interface ISlackInstallationStore
{
    Task SaveAsync(SlackInstallation installation, CancellationToken cancellationToken);

    Task<SlackInstallation?> FindAsync(string key, CancellationToken cancellationToken);

    /// <summary>True when there was one to delete.</summary>
    Task<bool> DeleteAsync(string key, CancellationToken cancellationToken);
}
