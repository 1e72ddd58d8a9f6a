using System.Net;
using System.Text.Json;
using OneTimeBot.Testing;

namespace OneTimeBot.Host.Tests;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Healthz_says_the_process_is_alive_without_asking_any_backend()
    {
        await using var host = new HostFactory(new Dictionary<string, string?> { ["OneTimeSecret:Backend"] = "http://127.0.0.1:9/" });

        using var response = await host.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", (await Json(response)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Readyz_is_ready_when_the_default_backend_answers_nominal()
    {
        await using var backend = await FakeOnetimeSecretServer.StartAsync();
        backend.On("GET", "/api/v1/status", FakeResponse.Json("""{"status":"nominal","locale":"en"}"""));
        await using var host = new HostFactory(new Dictionary<string, string?> { ["OneTimeSecret:Backend"] = backend.BaseUri.ToString() });

        using var response = await host.CreateClient().GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var check = Check(await Json(response), "onetimesecret-backend");
        Assert.Equal("onetimesecret-backend", check.GetProperty("name").GetString());
        Assert.Equal("Healthy", check.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Readyz_is_not_ready_and_says_why_when_the_backend_is_down()
    {
        await using var host = new HostFactory(new Dictionary<string, string?> { ["OneTimeSecret:Backend"] = "http://127.0.0.1:9/" });

        using var response = await host.CreateClient().GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var description = Check(await Json(response), "onetimesecret-backend").GetProperty("description").GetString();
        Assert.Contains("127.0.0.1:9", description, StringComparison.Ordinal);
        Assert.Contains("could not be reached", description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readyz_of_a_host_serving_the_embedded_secret_service_does_not_wait_for_its_public_url_which_a_balancer_opens_only_to_ready_replicas()
    {
        // Nothing answers the public URL, as when every replica behind a balancer starts at once and none is in rotation.
        await using var host = new HostFactory(new Dictionary<string, string?> { ["Host:PublicUrl"] = "http://127.0.0.1:9" });

        using var response = await host.CreateClient().GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", Check(await Json(response), "onetimesecret-backend").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Readyz_checks_the_configured_account_and_reports_refused_credentials_without_the_token()
    {
        await using var backend = await FakeOnetimeSecretServer.StartAsync();
        backend.On("GET", "/api/v1/authcheck", FakeResponse.OtsError("Not authorized", 401));
        await using var host = new HostFactory(new Dictionary<string, string?>
        {
            ["OneTimeSecret:Backend"] = backend.BaseUri.ToString(),
            ["OneTimeSecret:Username"] = "ops@example.com",
            ["OneTimeSecret:ApiToken"] = "tok_never_print_me",
        });

        using var response = await host.CreateClient().GetAsync(new Uri("/readyz", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("refused the username or API token", body, StringComparison.Ordinal);
        Assert.Equal("ops@example.com:tok_never_print_me", Assert.Single(backend.Requests).BasicCredentials);
        Assert.DoesNotContain("tok_never_print_me", body, StringComparison.Ordinal);
        Assert.DoesNotContain("tok_never_print_me", host.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readyz_is_not_ready_and_names_the_secret_store_when_its_sqlite_file_is_broken()
    {
        await using var backend = await NominalBackendAsync();
        await using var host = new HostFactory(new Dictionary<string, string?> { ["OneTimeSecret:Backend"] = backend.BaseUri.ToString() });
        using var client = host.CreateClient();
        using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

        // What a full or failing disk leaves behind: a file SQLite no longer recognises as a database. A new file in its
        // place, not the old one overwritten: the host's open connections keep the old one, and its background
        // checkpointer may copy pages from the old WAL into it at any moment, page 1 included, mending what was broken.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var database = Path.Combine(host.DataDirectory, "onetimebot.db");
        File.Delete(database);
        await File.WriteAllBytesAsync(database, Enumerable.Repeat((byte)0x5A, 64 * 1024).ToArray());
        foreach (var journal in Directory.GetFiles(host.DataDirectory, "onetimebot.db-*"))
        {
            File.Delete(journal);
        }

        using var broken = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, broken.StatusCode);
        var store = Check(await Json(broken), "secret-store");
        Assert.Equal("Unhealthy", store.GetProperty("status").GetString());
        Assert.Contains("does not answer", store.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readyz_is_not_ready_and_names_the_secret_store_when_redis_stops()
    {
        await using var backend = await NominalBackendAsync();
        await using var redis = await RedisServer.StartAsync();
        await using var host = new HostFactory(new Dictionary<string, string?>
        {
            ["OneTimeSecret:Backend"] = backend.BaseUri.ToString(),
            ["Storage:Provider"] = "redis",
            ["Storage:ConnectionString"] = redis.ConnectionString,
            ["Storage:RedisKeyPrefix"] = "readyz:",
        });
        using var client = host.CreateClient();
        using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

        await redis.StopAsync();
        using var stopped = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, stopped.StatusCode);
        var store = Check(await Json(stopped), "secret-store");
        Assert.Equal("Unhealthy", store.GetProperty("status").GetString());
        Assert.Contains("does not answer", store.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("Healthy", Check(await Json(stopped), "onetimesecret-backend").GetProperty("status").GetString());
    }

    private static async Task<FakeOnetimeSecretServer> NominalBackendAsync()
    {
        var backend = await FakeOnetimeSecretServer.StartAsync();
        backend.On("GET", "/api/v1/status", FakeResponse.Json("""{"status":"nominal","locale":"en"}"""));
        return backend;
    }

    private static JsonElement Check(JsonElement health, string name) =>
        health.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
