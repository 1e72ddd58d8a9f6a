using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Slack.Tests;
using OneTimeBot.Testing;
using OneTimeSecret.Client.Network;

namespace OneTimeBot.Host.Tests.HostileTenant;

/// <summary>
/// Scenario 1 of the trust-boundaries review: a workspace admin (in multi-workspace mode, anyone) points the workspace
/// at a server of their own, so that the next share sends them the secret and the operator's account, which reads
/// every other workspace's receipts. Each step of it is tried here through Slack, as the attacker would, and fails.
/// </summary>
public sealed class BackendTakeoverTests : IAsyncLifetime, IDisposable
{
    private const string OperatorAccount = "operator@example.com:tok_operator_6f0e9d8c7b";
    private FakeOnetimeSecretServer _operators = null!;
    private FakeOnetimeSecretServer _attackers = null!;
    private readonly SimulatedInternet _internet = new();
    private readonly ConnectionCounter _internal = new();

    public async Task InitializeAsync()
    {
        _operators = await FakeOnetimeSecretServer.StartAsync();
        _operators.RequiredBasicCredentials = OperatorAccount;
        _operators.On("POST", "/api/v1/share", FakeResponse.Json(OtsAnswers.Receipt("new", DateTimeOffset.UtcNow, 3600)));
        _attackers = await FakeOnetimeSecretServer.StartAsync(_internet.Certificate);
        _internet.Route("partner.example", _attackers.BaseUri);
    }

    public async Task DisposeAsync()
    {
        await _operators.DisposeAsync();
        await _attackers.DisposeAsync();
    }

    public void Dispose()
    {
        _internet.Dispose();
        _internal.Dispose();
    }

    [Fact]
    public async Task A_server_the_operator_did_not_allow_is_refused_beside_the_field_with_what_is_allowed_and_nothing_is_sent_there()
    {
        await using var app = await StartAsync(allowed: ["embedded", "eu", "secrets.example.com"], new FixedHostAddresses());
        var view = await OpenSettingsAsync(app);

        var http = await SubmitAsync(app, view, $"http://127.0.0.1:{_internal.Port}");
        var unlisted = await SubmitAsync(app, view, "https://attacker.example");
        var share = await app.AnswerAsync("share takeover-canary-1");

        Assert.Contains("must be reached over https", http["errors"]!["customUrl"]!.GetValue<string>(), StringComparison.Ordinal);
        var refusal = unlisted["errors"]!["customUrl"]!.GetValue<string>();
        Assert.Contains("attacker.example is not a secret service this OneTimeBot lets workspaces choose", refusal, StringComparison.Ordinal);
        Assert.Contains("this OneTimeBot's own secret service (embedded); onetimesecret.com in eu; secrets.example.com", refusal, StringComparison.Ordinal);
        // The workspace still shares through the operator's backend, with the operator's account, as configured.
        Assert.Equal(OperatorAccount, Assert.Single(_operators.Requests).BasicCredentials);
        Assert.Equal(_operators.BaseUri.Port, SlackApp.LinkOn(share).Port);
        Assert.Equal(0, _internal.Connections);
    }

    [Fact]
    public async Task A_share_on_a_server_the_admin_chose_carries_neither_the_operators_account_nor_the_servers_own_words()
    {
        _attackers.On("POST", "/api/v1/share", FakeResponse.OtsError("Your secret is safe with us. Log in at https://evil.example/unlock to continue"));
        var dns = new FixedHostAddresses().Answer("partner.example", "93.184.216.34");
        await using var app = await StartAsync(allowed: ["embedded", "partner.example"], dns);
        var view = await OpenSettingsAsync(app);

        var saved = await app.Requests.InteractionAsync(SlackRequests.ViewSubmission(view, new Dictionary<string, JsonObject>
        {
            ["backend"] = SlackRequests.Chosen("custom"),
            ["customUrl"] = SlackRequests.Typed("https://partner.example"),
        }, user: "U0ADMIN"));
        var reply = await app.AnswerAsync("share takeover-canary-2");

        Assert.Equal("", await saved.Content.ReadAsStringAsync());
        var sent = Assert.Single(_attackers.Requests);
        Assert.Null(sent.BasicCredentials);
        Assert.Empty(_operators.Requests);
        var text = reply.ToJsonString(SlackReply.WireOptions);
        Assert.Contains("The secret service at partner.example refused the request.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", text, StringComparison.Ordinal);
        Assert.DoesNotContain("tok_operator_6f0e9d8c7b", app.Host.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_operators_account_never_follows_an_admin_to_an_allowed_server_even_with_their_own_token()
    {
        _attackers.On("POST", "/api/v1/share", FakeResponse.Json(OtsAnswers.Receipt("new", DateTimeOffset.UtcNow, 3600)));
        var dns = new FixedHostAddresses().Answer("partner.example", "93.184.216.34");
        await using var app = await StartAsync(allowed: ["partner.example"], dns);
        var view = await OpenSettingsAsync(app);

        await app.Requests.InteractionAsync(SlackRequests.ViewSubmission(view, new Dictionary<string, JsonObject>
        {
            ["backend"] = SlackRequests.Chosen("custom"),
            ["customUrl"] = SlackRequests.Typed("https://partner.example"),
            ["username"] = SlackRequests.Typed("admin@partner.example"),
            ["apiToken"] = SlackRequests.Typed("tok_partner_4a5b6c7d8e"),
        }, user: "U0ADMIN"));
        var reply = await app.AnswerAsync("share takeover-canary-3");

        Assert.Equal("admin@partner.example:tok_partner_4a5b6c7d8e", Assert.Single(_attackers.Requests).BasicCredentials);
        Assert.Equal("partner.example", SlackApp.LinkOn(reply).Host);
        Assert.Empty(_operators.Requests);
    }

    private async Task<SlackApp> StartAsync(string[] allowed, FixedHostAddresses dns)
    {
        var settings = new Dictionary<string, string?>
        {
            ["OneTimeSecret:Backend"] = _operators.BaseUri.ToString(),
            ["OneTimeSecret:Username"] = OperatorAccount.Split(':')[0],
            ["OneTimeSecret:ApiToken"] = OperatorAccount.Split(':')[1],
        };
        for (var i = 0; i < allowed.Length; i++)
        {
            settings[$"OneTimeSecret:AllowedBackends:{i}"] = allowed[i];
        }

        var app = await SlackApp.StartAsync(settings, services: services =>
        {
            services.AddSingleton<IHostAddressResolver>(dns);
            _internet.ConfigureIn(services);
        });
        app.Slack.Admins.Add("U0ADMIN");
        return app;
    }

    private static async Task<JsonObject> OpenSettingsAsync(SlackApp app)
    {
        await app.Requests.CommandAsync("config", app.Slack.NewResponseUrl(), user: "U0ADMIN");
        return (await app.Slack.WaitForCallsAsync("views.open"))[0].Body["view"]!.AsObject();
    }

    private static async Task<JsonObject> SubmitAsync(SlackApp app, JsonObject view, string url) =>
        await SlackApp.JsonAsync(await app.Requests.InteractionAsync(SlackRequests.ViewSubmission(view, new Dictionary<string, JsonObject>
        {
            ["backend"] = SlackRequests.Chosen("custom"),
            ["customUrl"] = SlackRequests.Typed(url),
        }, user: "U0ADMIN")));
}
