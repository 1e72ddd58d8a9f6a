using OneTimeBot.Core.Storage;

namespace OneTimeBot.Slack.Installations;

public sealed class RedisSlackInstallationStore(RedisConnection redis) : ISlackInstallationStore
{
    public async Task SaveAsync(SlackInstallation installation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(installation);
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        await db.StringSetAsync(Key(installation.Key), StateJson.Write(installation)).ConfigureAwait(false);
    }

    public async Task<SlackInstallation?> FindAsync(string key, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        return StateJson.Read<SlackInstallation>(await db.StringGetAsync(Key(key)).ConfigureAwait(false));
    }

    public async Task<bool> DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        return await db.KeyDeleteAsync(Key(key)).ConfigureAwait(false);
    }

    private string Key(string key) => redis.KeyPrefix + "slack-installation:" + key;
}
