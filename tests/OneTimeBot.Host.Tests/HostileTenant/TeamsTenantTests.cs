using System.Net;
using System.Text.Json.Nodes;
using OneTimeBot.Teams.Tests;

namespace OneTimeBot.Host.Tests.HostileTenant;

/// <summary>
/// Scenario 9. A valid Bot Framework token proves an activity came through Bot Framework for this bot, not that it
/// came from an organisation the operator serves. A single-tenant bot (<c>Teams:TenantId</c>) and a multi-tenant one
/// limited by <c>Teams:AllowedTenants</c> refuse, with a 403 and nothing else, every activity from another tenant, one
/// whose two tenant fields disagree, and one that names no tenant.
/// </summary>
public sealed class TeamsTenantTests
{
    private const string OtherTenant = "6e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b";
    private const string ThirdTenant = "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d";

    public static TheoryData<string> Kinds => ["a chat message", "a message extension invoke"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_single_tenant_bot_refuses_a_validly_signed_activity_from_another_tenant_and_shares_and_sends_nothing(string kind)
    {
        await using var app = await TeamsApp.StartAsync(new Dictionary<string, string?> { ["Teams:TenantId"] = TeamsApp.TenantId });

        var refused = await app.SendAsync(InTenant(Request(app, kind), OtherTenant));
        var served = await app.SendAsync(Request(app, kind));
        if (kind == "a chat message")
        {
            await app.BotFramework.WaitForCallsAsync(1);
        }

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(kind == "a chat message" ? 1 : 0, app.BotFramework.Calls.Count);
        Assert.Equal(1, app.Host.RowsIn("bot_receipts"));
        Assert.Contains($"Refused a Teams activity from tenant {OtherTenant}", app.Host.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_multi_tenant_bot_with_allowed_tenants_serves_those_tenants_only()
    {
        await using var app = await TeamsApp.StartAsync(new Dictionary<string, string?>
        {
            ["Teams:AllowedTenants:0"] = TeamsApp.TenantId,
            ["Teams:AllowedTenants:1"] = ThirdTenant.ToUpperInvariant(),
        });

        var listed = await app.SendAsync(Request(app, "a message extension invoke"));
        var alsoListed = await app.SendAsync(InTenant(Request(app, "a message extension invoke"), ThirdTenant));
        var unlisted = await app.SendAsync(InTenant(Request(app, "a message extension invoke"), OtherTenant));

        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, alsoListed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, unlisted.StatusCode);
        Assert.Equal(2, app.Host.RowsIn("bot_receipts"));
    }

    public static TheoryData<string, string?, string?, HttpStatusCode> TenantFields => new()
    {
        { "restricted, the two fields disagree", TeamsApp.TenantId, OtherTenant, HttpStatusCode.Forbidden },
        { "restricted, no tenant at all", null, null, HttpStatusCode.Forbidden },
        { "restricted, a tenant that is not a GUID", "contoso.onmicrosoft.com", "contoso.onmicrosoft.com", HttpStatusCode.Forbidden },
        { "restricted, only conversation.tenantId", TeamsApp.TenantId, null, HttpStatusCode.OK },
        { "restricted, only channelData.tenant.id", null, TeamsApp.TenantId, HttpStatusCode.OK },
        { "unrestricted, the two fields disagree", TeamsApp.TenantId, OtherTenant, HttpStatusCode.Forbidden },
    };

    [Theory]
    [MemberData(nameof(TenantFields))]
    public async Task An_activity_whose_tenant_fields_disagree_or_are_missing_is_refused(string situation, string? conversationTenant, string? channelDataTenant, HttpStatusCode expected)
    {
        await using var app = await TeamsApp.StartAsync(situation.StartsWith("restricted", StringComparison.Ordinal)
            ? new Dictionary<string, string?> { ["Teams:TenantId"] = TeamsApp.TenantId }
            : null);
        var invoke = Request(app, "a message extension invoke");
        invoke["conversation"]!["tenantId"] = conversationTenant;
        invoke["channelData"]!["tenant"]!["id"] = channelDataTenant;

        var response = await app.SendAsync(invoke);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK ? 1 : 0, app.Host.RowsIn("bot_receipts"));
    }

    /// <summary>A request that, when served, makes a secret: a typed <c>generate</c>, or a share through the message extension.</summary>
    private static JsonObject Request(TeamsApp app, string kind) => kind == "a chat message"
        ? app.Activity("message", "generate 1h 20")
        : app.Invoke("composeExtension/submitAction", "shareSecret", new JsonObject
        {
            ["secret"] = "tenant-9c4e-secret",
            ["ttl"] = "1h",
            ["passphrase"] = "",
            ["recipient"] = "",
            ["action"] = "share",
        });

    private static JsonObject InTenant(JsonObject activity, string tenant)
    {
        activity["conversation"]!["tenantId"] = tenant;
        activity["channelData"]!["tenant"]!["id"] = tenant;
        return activity;
    }
}
