using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace OneTimeBot.Core.Storage;

public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    private const string Prefix = StorageOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var provider = options.Provider?.Trim().ToLowerInvariant();
        if (provider is not (StorageOptions.Sqlite or StorageOptions.Redis))
        {
            return ValidateOptionsResult.Fail($"{Prefix}Provider must be 'sqlite' or 'redis' (got '{options.Provider}').");
        }

        if (options.IsRedis)
        {
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                return ValidateOptionsResult.Fail($"{Prefix}ConnectionString is required when {Prefix}Provider is 'redis' (e.g. 'localhost:6379').");
            }

            try
            {
                ConfigurationOptions.Parse(options.ConnectionString);
            }
            catch (ArgumentException ex)
            {
                return ValidateOptionsResult.Fail($"{Prefix}ConnectionString is not a Redis configuration: {ex.Message}");
            }

            return ValidateOptionsResult.Success;
        }

        try
        {
            var builder = new SqliteConnectionStringBuilder(options.SqliteConnectionString);
            return string.IsNullOrWhiteSpace(builder.DataSource)
                ? ValidateOptionsResult.Fail($"{Prefix}ConnectionString needs a 'Data Source=' file for SQLite.")
                : ValidateOptionsResult.Success;
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail($"{Prefix}ConnectionString is not a SQLite connection string: {ex.Message}");
        }
    }
}
