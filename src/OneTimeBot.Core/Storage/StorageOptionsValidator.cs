using Microsoft.Data.Sqlite;
using OneTimeBot.Core.Configuration;
using StackExchange.Redis;

namespace OneTimeBot.Core.Storage;

public sealed class StorageOptionsValidator() : SectionValidator<StorageOptions>(StorageOptions.SectionName)
{
    protected override void Check(StorageOptions options, ICollection<string> errors)
    {
        var provider = options.Provider?.Trim().ToLowerInvariant();
        if (provider is not (StorageOptions.Sqlite or StorageOptions.Redis))
        {
            errors.Add($"{Prefix}Provider must be 'sqlite' or 'redis' (got '{options.Provider}').");
        }
        else if (options.IsRedis)
        {
            CheckRedis(options.ConnectionString, errors);
        }
        else
        {
            CheckSqlite(options.SqliteConnectionString, errors);
        }
    }

    private void CheckRedis(string? connectionString, ICollection<string> errors)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            errors.Add($"{Prefix}ConnectionString is required when {Prefix}Provider is 'redis' (e.g. 'localhost:6379').");
            return;
        }

        try
        {
            ConfigurationOptions.Parse(connectionString);
        }
        catch (ArgumentException ex)
        {
            errors.Add($"{Prefix}ConnectionString is not a Redis configuration: {ex.Message}");
        }
    }

    private void CheckSqlite(string connectionString, ICollection<string> errors)
    {
        try
        {
            if (string.IsNullOrWhiteSpace(new SqliteConnectionStringBuilder(connectionString).DataSource))
            {
                errors.Add($"{Prefix}ConnectionString needs a 'Data Source=' file for SQLite.");
            }
        }
        catch (ArgumentException ex)
        {
            errors.Add($"{Prefix}ConnectionString is not a SQLite connection string: {ex.Message}");
        }
    }
}
