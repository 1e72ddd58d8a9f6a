using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Slack.Tests;
using OneTimeBot.Testing;
using OneTimeSecret.Client.Network;

namespace OneTimeBot.Host.Tests.HostileTenant;

/// <summary>
/// Scenario 2 of the trust-boundaries review (SSRF): a workspace admin names a server whose address is inside the
/// operator's network (loopback, private, cloud metadata), directly or through a name that resolves there, or through
/// a name that resolves to a public address when checked and to loopback when connected (DNS rebinding). The host
/// never connects, on the real client for workspace-chosen backends; the "internal service" counts every connection.
/// </summary>
public sealed class InternalAddressTests : IDisposable
{
    private readonly ConnectionCounter _internal = new();

    public void Dispose() => _internal.Dispose();

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.0.0.7")]
    [InlineData("169.254.169.254")]
    [InlineData("::ffff:127.0.0.1")]
    public async Task An_allowed_name_that_resolves_inside_the_network_is_refused_beside_the_field_and_never_connected_to(string address)
    {
        var dns = new FixedHostAddresses().Answer("ots.tenants.example", address);
        await using var app = await StartAsync(dns);
        var view = await OpenSettingsAsync(app);

        var refused = await SlackApp.JsonAsync(await app.Requests.InteractionAsync(SlackRequests.ViewSubmission(view, new Dictionary<string, JsonObject>
        {
            ["backend"] = SlackRequests.Chosen("custom"),
            ["customUrl"] = SlackRequests.Typed($"https://ots.tenants.example:{_internal.Port}"),
        }, user: "U0ADMIN")));

        Assert.Equal("errors", refused["response_action"]!.GetValue<string>());
        Assert.Contains("ots.tenants.example is not on the public internet", refused["errors"]!["customUrl"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, _internal.Connections);
    }

    [Fact]
    public async Task A_name_that_rebinds_to_loopback_after_it_was_checked_is_refused_when_the_share_connects()
    {
        // Public when the admin saves; loopback for every lookup after that, as a rebinding name server would answer.
        var dns = new FixedHostAddresses().Answer("rebind.tenants.example", ["93.184.216.34"], ["127.0.0.1"]);
        await using var app = await StartAsync(dns);
        var view = await OpenSettingsAsync(app);

        var saved = await app.Requests.InteractionAsync(SlackRequests.ViewSubmission(view, new Dictionary<string, JsonObject>
        {
            ["backend"] = SlackRequests.Chosen("custom"),
            ["customUrl"] = SlackRequests.Typed($"https://rebind.tenants.example:{_internal.Port}"),
        }, user: "U0ADMIN"));
        var reply = await app.AnswerAsync("share rebinding-canary-secret");

        Assert.Equal("", await saved.Content.ReadAsStringAsync());
        Assert.Contains("rebind.tenants.example is not on the public internet, so OneTimeBot does not connect to it.", reply.ToJsonString(SlackReply.WireOptions), StringComparison.Ordinal);
        Assert.True(dns.Lookups.Count(h => h == "rebind.tenants.example") >= 2);
        Assert.Equal(0, _internal.Connections);
        Assert.Contains(app.Host.Logs.Entries, e => e.Message.Contains("was refused: the host resolves to an address that is not on the public internet", StringComparison.Ordinal));
        app.AssertNowhere("rebinding-canary-secret");
    }

    private async Task<SlackApp> StartAsync(FixedHostAddresses dns)
    {
        var app = await SlackApp.StartAsync(
            new Dictionary<string, string?> { ["OneTimeSecret:AllowedBackends:0"] = "*.tenants.example", ["OneTimeSecret:AllowedBackends:1"] = $"ots.tenants.example:{_internal.Port}", ["OneTimeSecret:AllowedBackends:2"] = $"rebind.tenants.example:{_internal.Port}" },
            services: services => services.AddSingleton<IHostAddressResolver>(dns));
        app.Slack.Admins.Add("U0ADMIN");
        return app;
    }

    private static async Task<JsonObject> OpenSettingsAsync(SlackApp app)
    {
        await app.Requests.CommandAsync("config", app.Slack.NewResponseUrl(), user: "U0ADMIN");
        return (await app.Slack.WaitForCallsAsync("views.open"))[0].Body["view"]!.AsObject();
    }
}
