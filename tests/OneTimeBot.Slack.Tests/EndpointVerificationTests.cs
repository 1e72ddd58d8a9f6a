using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OneTimeBot.Slack.Hosting;
using OneTimeBot.Testing;
using OneTimeBot.Testing.Slack;

namespace OneTimeBot.Slack.Tests;

/// <summary>Every Slack endpoint checks the signature on the raw body before acting; nothing reaches the secret service otherwise.</summary>
public sealed class EndpointVerificationTests : IAsyncLifetime
{
    private FakeOnetimeSecretServer _backend = null!;
    private SlackApp _app = null!;

    public async Task InitializeAsync()
    {
        _backend = await FakeOnetimeSecretServer.StartAsync();
        _backend.On("POST", "/api/v1/share", FakeResponse.Json(OtsAnswers.Receipt("new", DateTimeOffset.UtcNow, 3600)));
        _app = await SlackApp.StartAsync(new Dictionary<string, string?> { ["OneTimeSecret:Backend"] = _backend.BaseUri.ToString() });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _backend.DisposeAsync();
    }

    public static TheoryData<string> Paths => new() { "/slack/commands", "/slack/interactivity", "/slack/events" };

    private static string BodyFor(string path) => path switch
    {
        "/slack/commands" => SlackRequests.CommandBody("share forged-secret-0001", new Uri("http://127.0.0.1:9/response/x")),
        "/slack/interactivity" => SlackRequests.Form(new Dictionary<string, string> { ["payload"] = SlackRequests.BlockAction("receipt_burn", "r1", null).ToJsonString() }),
        _ => SlackRequests.MessageEvent("Ev0FORGED", "generate").ToJsonString(),
    };

    private static string TypeFor(string path) => path == "/slack/events" ? "application/json" : "application/x-www-form-urlencoded";

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task An_unsigned_request_is_refused_with_401(string path)
    {
        var response = await _app.Requests.PostAsync(path, BodyFor(path), TypeFor(path), sign: false);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingHappenedAsync();
    }

    [Fact]
    public async Task Every_post_endpoint_the_host_maps_under_slack_carries_the_signature_check_and_refuses_an_unsigned_request()
    {
        var posts = _app.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/slack", StringComparison.OrdinalIgnoreCase) == true &&
                        e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .ToList();

        Assert.NotEmpty(posts);
        foreach (var endpoint in posts)
        {
            var path = endpoint.RoutePattern.RawText!;
            Assert.True(endpoint.Metadata.GetMetadata<SignedSlackEndpoint>() is not null, $"POST {path} has no {nameof(SignedSlackEndpoint)} metadata.");
            // The metadata alone proves nothing if the route sits outside the group that runs the filter.
            var response = await _app.Requests.PostAsync(path, "team_id=T0ALPHA", "application/x-www-form-urlencoded", sign: false);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"An unsigned POST {path} got {(int)response.StatusCode}, not 401.");
        }

        await AssertNothingHappenedAsync();
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task A_request_signed_with_another_secret_is_refused_with_401(string path)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var forged = SlackSigning.Signature("not-the-apps-signing-secret-0000", now, Encoding.UTF8.GetBytes(BodyFor(path)));

        var response = await _app.Requests.PostAsync(path, BodyFor(path), TypeFor(path), timestamp: now, signature: forged);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingHappenedAsync();
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task A_correctly_signed_request_older_than_five_minutes_is_refused_with_401(string path)
    {
        var response = await _app.Requests.PostAsync(path, BodyFor(path), TypeFor(path), timestamp: DateTimeOffset.UtcNow.AddMinutes(-6).ToUnixTimeSeconds());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingHappenedAsync();
    }

    [Fact]
    public async Task A_captured_signature_replayed_with_a_new_body_is_refused_and_an_exact_replay_too()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var original = SlackRequests.CommandBody("help", null);
        var signature = SlackSigning.Signature(SlackApp.SigningSecret, now, Encoding.UTF8.GetBytes(original));

        var genuine = await _app.Requests.PostAsync("/slack/commands", original, TypeFor("/slack/commands"), timestamp: now, signature: signature);
        // The genuine help asked Slack for its sender's language; the replays may not ask Slack anything.
        var callsOfTheGenuine = _app.Slack.Calls.Count;
        var newBody = await _app.Requests.PostAsync("/slack/commands", SlackRequests.CommandBody("share replayed-secret-0002", null), TypeFor("/slack/commands"), timestamp: now, signature: signature);
        var exact = await _app.Requests.PostAsync("/slack/commands", original, TypeFor("/slack/commands"), timestamp: now, signature: signature);

        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, newBody.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, exact.StatusCode);
        await _app.Host.Services.FollowUpsFinishedAsync();
        Assert.Empty(_backend.Requests);
        Assert.Equal(callsOfTheGenuine, _app.Slack.Calls.Count);
        Assert.Empty(_app.Slack.ResponseUrlPosts);
    }

    [Theory]
    [InlineData("abc", "v0=00")]
    [InlineData("", "")]
    [InlineData("1531420618", "v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    public async Task Malformed_signature_headers_are_refused_with_401(string timestamp, string signature)
    {
        var body = BodyFor("/slack/commands");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/slack/commands") { Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded") };
        request.Headers.TryAddWithoutValidation(SlackSigning.TimestampHeader, timestamp);
        request.Headers.TryAddWithoutValidation(SlackSigning.SignatureHeader, signature);

        var response = await _app.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingHappenedAsync();
    }

    [Fact]
    public async Task Slacks_unsigned_ssl_check_is_answered_200_and_does_nothing_else()
    {
        var response = await _app.Requests.PostAsync("/slack/commands", "ssl_check=1&token=gIkuvaNzQIHg97ATvDxqgjtO", "application/x-www-form-urlencoded", sign: false);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        await AssertNothingHappenedAsync();
    }

    [Theory]
    [InlineData("/slack/commands", "team_id=T0ALPHA&text=share+x", "application/x-www-form-urlencoded")]
    [InlineData("/slack/interactivity", "payload=%7Bnot-json", "application/x-www-form-urlencoded")]
    [InlineData("/slack/interactivity", "nothing=here", "application/x-www-form-urlencoded")]
    [InlineData("/slack/events", "[1,2,3]", "application/json")]
    [InlineData("/slack/events", "{\"type\":\"event_callback\"}", "application/json")]
    [InlineData("/slack/events", "\u0000\u0001garbage", "application/json")]
    public async Task Signed_but_malformed_payloads_get_400_never_500(string path, string body, string contentType)
    {
        var response = await _app.Requests.PostAsync(path, body, contentType);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertNothingHappenedAsync();
    }

    [Fact]
    public async Task A_body_larger_than_any_slack_payload_is_refused_without_reading_it_all()
    {
        var huge = SlackRequests.CommandBody("share " + new string('x', 300_000), null);

        var response = await _app.Requests.PostAsync("/slack/commands", huge, "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertNothingHappenedAsync();
    }

    [Fact]
    public async Task A_genuine_request_does_reach_the_secret_service_so_the_refusals_above_mean_something()
    {
        var reply = await _app.AnswerAsync("share genuine-secret-0003");

        Assert.Equal(_backend.BaseUri.Port, SlackApp.LinkOn(reply).Port);
        Assert.Equal(1, _backend.CountOf("POST", "/api/v1/share"));
    }

    private async Task AssertNothingHappenedAsync()
    {
        await _app.Host.Services.FollowUpsFinishedAsync();
        Assert.Empty(_backend.Requests);
        Assert.Empty(_app.Slack.Calls);
        Assert.Empty(_app.Slack.ResponseUrlPosts);
    }
}
