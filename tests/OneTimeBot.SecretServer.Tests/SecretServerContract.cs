using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneTimeBot.Core.Storage;
using OneTimeBot.Testing;

namespace OneTimeBot.SecretServer.Tests;

/// <summary>
/// The embedded secret service's behaviour, written once and run against every store (see the derived classes).
/// </summary>
public abstract partial class SecretServerContract
{
    // The v1 error messages as Onetime Secret publishes them: clients match on these words, so they are written out here.
    private protected const string UnknownSecretMessage = "Unknown secret";
    private protected const string RateLimitedMessage = "Rate limit exceeded. Please try again later.";

    private protected abstract Task<SecretServerHost> StartAsync(IDictionary<string, string?>? overrides = null);

    /// <summary>Starts a host under <paramref name="serverKey"/> whose store already holds <paramref name="secrets"/> and <paramref name="counters"/> the old way.</summary>
    private protected abstract Task<SecretServerHost> StartWithLegacyRecordsAsync(byte[] serverKey, IReadOnlyList<LegacySecret> secrets, IReadOnlyList<LegacyCounter>? counters = null);

    private protected static Dictionary<string, string?> WithServerKey(byte[] serverKey) =>
        new() { ["SecretServer:EncryptionKey"] = Convert.ToBase64String(serverKey) };

    private protected static async Task<JsonElement> JsonOf(HttpResponseMessage response)
    {
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private protected static async Task AssertV1ErrorAsync(HttpResponseMessage response, int intendedStatus, string message)
    {
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(intendedStatus.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers.GetValues("X-OTS-Intended-Status").Single());
        var body = await JsonOf(response);
        Assert.Contains(message, body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private protected static Dictionary<string, string> Form(params (string Key, string Value)[] fields) =>
        fields.ToDictionary(f => f.Key, f => f.Value);
}

public sealed class SqliteSecretServerTests : SecretServerContract
{
    private protected override Task<SecretServerHost> StartAsync(IDictionary<string, string?>? overrides = null) =>
        SecretServerHost.StartAsync(null, overrides);

    // The file an old host left behind, with the old schema, opened by a new host.
    private protected override Task<SecretServerHost> StartWithLegacyRecordsAsync(byte[] serverKey, IReadOnlyList<LegacySecret> secrets, IReadOnlyList<LegacyCounter>? counters = null) =>
        SecretServerHost.StartAsync(null, WithServerKey(serverKey), directory => LegacyStore.WriteSqlite(Path.Combine(directory, "data", "onetimebot.db"), serverKey, secrets, counters ?? []));
}

public sealed class RedisSecretServerTests(RedisFixture redis) : SecretServerContract, IClassFixture<RedisFixture>
{
    private protected override Task<SecretServerHost> StartAsync(IDictionary<string, string?>? overrides = null) =>
        SecretServerHost.StartAsync(redis.Server.ConnectionString, overrides);

    private protected override async Task<SecretServerHost> StartWithLegacyRecordsAsync(byte[] serverKey, IReadOnlyList<LegacySecret> secrets, IReadOnlyList<LegacyCounter>? counters = null)
    {
        var host = await SecretServerHost.StartAsync(redis.Server.ConnectionString, WithServerKey(serverKey));
        var prefix = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value.RedisKeyPrefix;
        await LegacyStore.WriteRedisAsync(redis.Server, prefix, serverKey, secrets, counters ?? []);
        return host;
    }
}
