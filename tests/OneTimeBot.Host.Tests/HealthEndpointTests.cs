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

    private static JsonElement Check(JsonElement health, string name) =>
        health.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
