using System.Net;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OneTimeBot.Testing;

namespace OneTimeBot.Teams.Tests;

/// <summary>Every request's Bot Framework token is checked before anything else; a refused one reaches no secret service.</summary>
public sealed class InboundAuthTests : IAsyncLifetime
{
    private FakeOnetimeSecretServer _backend = null!;
    private TeamsApp _app = null!;

    public async Task InitializeAsync()
    {
        _backend = await FakeOnetimeSecretServer.StartAsync();
        _backend.On("POST", "/api/v1/share", FakeResponse.Json(OtsAnswers.Receipt("new", DateTimeOffset.UtcNow, 3600)));
        _app = await TeamsApp.StartAsync(new Dictionary<string, string?>
        {
            ["OneTimeSecret:Backend"] = _backend.BaseUri.ToString(),
            ["Teams:SigningKeyRefreshInterval"] = "00:00:01",
        });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _backend.DisposeAsync();
    }

    private JsonObject Submit() => _app.Invoke("composeExtension/submitAction", "shareSecret", new JsonObject { ["secret"] = "auth-test-secret", ["ttl"] = "1h", ["action"] = "share" });

    [Fact]
    public async Task A_valid_token_is_accepted_so_the_refusals_below_mean_something()
    {
        var answer = await TeamsApp.JsonAsync(await _app.SendAsync(Submit()));

        Assert.Equal("result", answer["composeExtension"]!["type"]!.GetValue<string>());
        Assert.Equal(1, _backend.CountOf("POST", "/api/v1/share"));
    }

    public static TheoryData<string> WrongTokens => new()
    {
        "wrong issuer", "wrong audience", "expired", "not yet valid", "unknown key", "HS256", "none", "RS256 by a key not published",
        "garbage", "no header",
    };

    [Theory]
    [MemberData(nameof(WrongTokens))]
    public async Task A_wrong_token_is_refused_with_401_and_no_backend_call(string wrong)
    {
        var bf = _app.BotFramework;
        var token = wrong switch
        {
            "wrong issuer" => bf.Token(TeamsApp.AppId, issuer: "https://sts.windows.net/evil/"),
            "wrong audience" => bf.Token("11111111-2222-4333-8444-555555555555"),
            "expired" => bf.Token(TeamsApp.AppId, expires: DateTime.UtcNow.AddMinutes(-10), notBefore: DateTime.UtcNow.AddMinutes(-70)),
            "not yet valid" => bf.Token(TeamsApp.AppId, notBefore: DateTime.UtcNow.AddMinutes(20), expires: DateTime.UtcNow.AddMinutes(80)),
            "unknown key" => bf.Token(TeamsApp.AppId, key: FakeBotFramework.NewKey("key-nobody-published")),
            "HS256" => bf.Token(TeamsApp.AppId, key: new SymmetricSecurityKey(new byte[64]) { KeyId = "key-1" }, algorithm: SecurityAlgorithms.HmacSha256),
            "none" => Unsigned(),
            "RS256 by a key not published" => bf.Token(TeamsApp.AppId, key: FakeBotFramework.NewKey("key-1")),
            "garbage" => "not.a.jwt",
            _ => null,
        };

        var response = await _app.SendAsync(Submit(), token, authorize: token is not null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_backend.Requests);
    }

    [Fact]
    public async Task A_token_for_another_service_url_is_refused()
    {
        var token = _app.BotFramework.Token(TeamsApp.AppId, serviceUrl: "https://smba.trafficmanager.net/evil/");

        var response = await _app.SendAsync(Submit(), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_backend.Requests);
        Assert.Contains("serviceurl claim does not match", _app.Host.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_not_endorsed_for_the_activitys_channel_is_refused()
    {
        var key = FakeBotFramework.NewKey("key-webchat-only");
        _app.BotFramework.Publish(key, "key-webchat-only", ["webchat"]);

        var response = await _app.SendAsync(Submit(), _app.BotFramework.Token(TeamsApp.AppId, key: key));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_backend.Requests);
        Assert.Contains("not endorsed", _app.Host.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_published_after_the_keys_were_cached_is_found_by_refreshing_them()
    {
        await TeamsApp.JsonAsync(await _app.SendAsync(_app.Invoke("composeExtension/fetchTask", "shareSecret"))); // keys fetched and cached
        await Task.Delay(1100); // past the least time between refreshes
        var rotated = FakeBotFramework.NewKey("key-2");
        _app.BotFramework.Publish(rotated, "key-2", [FakeBotFramework.Channel]);

        var answer = await TeamsApp.JsonAsync(await _app.SendAsync(Submit(), _app.BotFramework.Token(TeamsApp.AppId, key: rotated)));

        Assert.Equal("result", answer["composeExtension"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_the_development_switch_a_request_without_a_token_from_this_machine_is_still_refused()
    {
        var response = await _app.SendAsync(_app.Activity("message", "generate"), authorize: false);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await _app.Host.Services.FollowUpsFinishedAsync();
        Assert.Empty(_app.BotFramework.Calls);
    }

    private static string Unsigned()
    {
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var payload = Base64UrlEncoder.Encode($$"""{"iss":"https://api.botframework.com","aud":"{{TeamsApp.AppId}}","nbf":{{now - 60}},"exp":{{now + 600}},"serviceurl":"x"}""");
        return header + "." + payload + ".";
    }
}
