using System.Net;
using System.Text.Json;
using OneTimeBot.Testing;

namespace OneTimeBot.SecretServer.Tests;

/// <summary>
/// The embedded secret service's behaviour, written once and run against every store (see the derived classes).
/// </summary>
public abstract partial class SecretServerContract
{
    private protected abstract Task<SecretServerHost> StartAsync(IDictionary<string, string?>? overrides = null);

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
}

public sealed class RedisSecretServerTests(RedisFixture redis) : SecretServerContract, IClassFixture<RedisFixture>
{
    private protected override Task<SecretServerHost> StartAsync(IDictionary<string, string?>? overrides = null) =>
        SecretServerHost.StartAsync(redis.Server.ConnectionString, overrides);
}
