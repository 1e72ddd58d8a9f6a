namespace OneTimeBot.Core.Storage;

/// <summary>
/// Section <c>Storage</c>: where all state lives. <c>sqlite</c> (the default: one file under <c>./data</c>, no server)
/// or <c>redis</c> (shared by several replicas; <see cref="ConnectionString"/> is a StackExchange.Redis configuration).
/// </summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";
    public const string Sqlite = "sqlite";
    public const string Redis = "redis";
    public const string DefaultSqliteConnectionString = "Data Source=./data/onetimebot.db";

    public string Provider { get; set; } = Sqlite;

    public string? ConnectionString { get; set; }

    /// <summary>Prefix of every Redis key, so several deployments can share one Redis.</summary>
    public string RedisKeyPrefix { get; set; } = "onetimebot:";

    public bool IsRedis => string.Equals(Provider?.Trim(), Redis, StringComparison.OrdinalIgnoreCase);

    public string SqliteConnectionString =>
        string.IsNullOrWhiteSpace(ConnectionString) ? DefaultSqliteConnectionString : ConnectionString;
}
