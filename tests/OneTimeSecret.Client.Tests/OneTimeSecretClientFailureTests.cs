using OneTimeBot.Testing;
using static OneTimeBot.Testing.RecordedShapes;

namespace OneTimeSecret.Client.Tests;

/// <summary>Every way a v1 server says no becomes a failure kind a caller can act on.</summary>
public sealed class OneTimeSecretClientFailureTests
{
    private static readonly ShareRequest AnySecret = new(new SecretText("s3cret"));

    [Fact]
    public async Task Unknown_expired_or_viewed_secrets_are_reported_as_not_found()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("POST", "/api/v1/secret/" + OldSecretKey, FakeResponse.OtsError("Unknown secret", secretKey: OldSecretKey));

        var result = await h.Client.RevealAsync(h.Anonymous, OldSecretKey, new SecretText("maybe-wrong"));

        Assert.Equal(OtsFailureKind.SecretNotFound, result.Error!.Kind);
        Assert.Equal(404, result.Error.HttpStatus);
    }

    [Fact]
    public async Task A_wrong_passphrase_on_burn_is_reported_as_such()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("POST", $"/api/v1/private/{OldMetadataKey}/burn", FakeResponse.OtsError("Incorrect passphrase"));

        var result = await h.Client.BurnAsync(h.Anonymous, OldMetadataKey, new SecretText("nope"));

        Assert.Equal(OtsFailureKind.WrongPassphrase, result.Error!.Kind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(401)]
    public async Task Refused_credentials_are_reported_as_not_authorized(int? intendedStatus)
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("GET", "/api/v1/authcheck", FakeResponse.OtsError("Not authorized", intendedStatus));

        var result = await h.Client.CheckAuthAsync(h.Account);

        Assert.Equal(OtsFailureKind.NotAuthorized, result.Error!.Kind);
        Assert.Contains("refused", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_v1_rate_limit_404_is_reported_as_rate_limited()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("POST", "/api/v1/share", FakeResponse.OtsError("Rate limit exceeded. Please try again later."));

        var result = await h.Client.ShareAsync(h.Anonymous, AnySecret);

        Assert.Equal(OtsFailureKind.RateLimited, result.Error!.Kind);
        Assert.Equal(1, h.Server.CountOf("POST", "/api/v1/share"));
    }

    [Theory]
    [InlineData(400)]
    [InlineData(null)]
    public async Task Rejected_input_carries_the_servers_own_message(int? intendedStatus)
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("POST", "/api/v1/share", FakeResponse.OtsError("You did not provide anything to share", intendedStatus));

        var result = await h.Client.ShareAsync(h.Anonymous, AnySecret);

        Assert.Equal(OtsFailureKind.Rejected, result.Error!.Kind);
        Assert.Equal("You did not provide anything to share", result.Error.Message);
    }

    [Fact]
    public async Task A_real_400_with_an_error_field_is_a_rejection_with_that_text()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("POST", "/api/v1/share", FakeResponse.Json("""{"error":"Secret is too long"}""", 400));

        var result = await h.Client.ShareAsync(h.Anonymous, AnySecret);

        Assert.Equal(OtsFailureKind.Rejected, result.Error!.Kind);
        Assert.Equal("Secret is too long", result.Error.Message);
    }

    [Fact]
    public async Task An_unknown_route_on_a_key_means_the_secret_is_not_there()
    {
        await using var h = await ClientHarness.StartAsync();

        var result = await h.Client.GetReceiptAsync(h.Anonymous, OldMetadataKey);

        Assert.Equal(OtsFailureKind.SecretNotFound, result.Error!.Kind);
    }

    [Fact]
    public async Task An_unknown_route_for_share_means_the_url_is_not_a_v1_api()
    {
        await using var h = await ClientHarness.StartAsync();

        var result = await h.Client.ShareAsync(h.Anonymous, AnySecret);

        Assert.Equal(OtsFailureKind.Unavailable, result.Error!.Kind);
        Assert.Contains("/api/v1/", result.Error.Message, StringComparison.Ordinal);
        Assert.Contains("Not Found", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_success_status_with_an_unreadable_body_is_reported_as_unavailable_not_thrown()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("POST", "/api/v1/share", new FakeResponse(200, "<html>captive portal</html>"));
        h.Server.On("POST", "/api/v1/generate", FakeResponse.Json("""{"status":"ok"}"""));

        var share = await h.Client.ShareAsync(h.Anonymous, AnySecret);
        var generate = await h.Client.GenerateAsync(h.Anonymous, new GenerateRequest());

        Assert.Equal(OtsFailureKind.Unavailable, share.Error!.Kind);
        Assert.Equal(OtsFailureKind.Unavailable, generate.Error!.Kind);
    }

    [Fact]
    public async Task A_server_that_is_not_listening_is_reported_as_unavailable()
    {
        await using var h = await ClientHarness.StartAsync();
        var closedPort = FreePort();
        var nowhere = new OneTimeSecretConnection(new Uri($"http://127.0.0.1:{closedPort}/"));

        var result = await h.Client.ShareAsync(nowhere, AnySecret);

        Assert.Equal(OtsFailureKind.Unavailable, result.Error!.Kind);
        Assert.Contains("could not be reached", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_crashing_server_is_reported_as_unavailable_after_retries_of_a_read()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Server.On("GET", "/api/v1/status", FakeResponse.ServerError());

        var result = await h.Client.GetStatusAsync(h.Anonymous);

        Assert.Equal(OtsFailureKind.Unavailable, result.Error!.Kind);
        Assert.Equal(500, result.Error.HttpStatus);
        Assert.Equal(3, h.Server.CountOf("GET", "/api/v1/status"));
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
