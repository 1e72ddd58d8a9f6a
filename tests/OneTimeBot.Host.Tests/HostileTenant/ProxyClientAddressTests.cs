using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace OneTimeBot.Host.Tests.HostileTenant;

/// <summary>
/// Scenario 5, the proxy part: the client address that anonymous rate limits count by. A caller cannot pick its own
/// bucket with an <c>X-Forwarded-For</c> header; behind a proxy the operator lists, each client behind it gets its own.
/// Real Kestrel, so the connection's address is real (loopback).
/// </summary>
public sealed class ProxyClientAddressTests
{
    private const string First = "203.0.113.7";
    private const string Second = "198.51.100.23";

    [Fact]
    public async Task Without_listed_proxies_a_forged_forwarded_for_header_does_not_escape_the_callers_rate_limit()
    {
        await using var host = StartHost(new Dictionary<string, string?>());
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{host.Port}/") };

        var first = await ShareFromAsync(client, First);
        var second = await ShareFromAsync(client, First);
        var forged = await ShareFromAsync(client, Second);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], [first, second]);
        Assert.Equal(HttpStatusCode.TooManyRequests, forged);
    }

    [Fact]
    public async Task Behind_a_listed_proxy_each_forwarded_client_has_its_own_rate_limit()
    {
        await using var host = StartHost(new Dictionary<string, string?> { ["Host:KnownProxies:0"] = "127.0.0.1" });
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{host.Port}/") };

        var first = await ShareFromAsync(client, First);
        var second = await ShareFromAsync(client, First);
        var thirdFromFirst = await ShareFromAsync(client, First);
        var fromSecond = await ShareFromAsync(client, Second);
        // The proxy appends the address it saw; whatever the client claimed before that is not believed.
        var spoofedBehindProxy = await ShareFromAsync(client, $"{Second}, {First}");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], [first, second]);
        Assert.Equal(HttpStatusCode.TooManyRequests, thirdFromFirst);
        Assert.Equal(HttpStatusCode.OK, fromSecond);
        Assert.Equal(HttpStatusCode.TooManyRequests, spoofedBehindProxy);
    }

    [Fact]
    public async Task A_listed_network_is_trusted_like_a_listed_proxy()
    {
        await using var host = StartHost(new Dictionary<string, string?> { ["Host:KnownNetworks:0"] = "127.0.0.0/8" });
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{host.Port}/") };

        await ShareFromAsync(client, First);
        await ShareFromAsync(client, First);
        var fromSecond = await ShareFromAsync(client, Second);

        Assert.Equal(HttpStatusCode.OK, fromSecond);
    }

    private static HostFactory StartHost(Dictionary<string, string?> settings)
    {
        settings["SecretServer:AnonymousCreatesPerMinute"] = "2";
        // A fixed clock: the per-minute window cannot roll over in the middle of a test.
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 12, 0, 10, TimeSpan.Zero));
        var host = new HostFactory(settings, kestrel: true) { TestServices = services => services.AddSingleton<TimeProvider>(clock) };
        host.StartServer();
        return host;
    }

    /// <summary>An anonymous share claiming to come from <paramref name="forwardedFor"/>; the status v1 intended (it answers errors as 404).</summary>
    private static async Task<HttpStatusCode> ShareFromAsync(HttpClient client, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/share")
        {
            Content = new FormUrlEncodedContent([new("secret", "proxy test secret 0501"), new("ttl", "3600")]),
        };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request);
        return response.Headers.TryGetValues("X-OTS-Intended-Status", out var intended) ? (HttpStatusCode)int.Parse(intended.Single(), System.Globalization.CultureInfo.InvariantCulture) : response.StatusCode;
    }
}
