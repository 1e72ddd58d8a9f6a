using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using OneTimeBot.Teams.Configuration;

namespace OneTimeBot.Teams.Tests;

/// <summary><c>Teams:TenantId</c> and <c>Teams:AllowedTenants</c> stop start-up when they name no tenant or contradict each other.</summary>
public sealed class TenantSettingsTests
{
    private const string Tenant = "0d9c8b7a-6f5e-4d3c-2b1a-0f9e8d7c6b5a";
    private const string Other = "6e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b";

    [Theory]
    [InlineData("", "contoso.onmicrosoft.com", "Teams:AllowedTenants:0 'contoso.onmicrosoft.com' must be a tenant id (a GUID).")]
    [InlineData("", "*", "Teams:AllowedTenants:0 '*' must be a tenant id (a GUID).")]
    [InlineData(Tenant, Other, "Teams:AllowedTenants:0 is not Teams:TenantId: a single-tenant bot serves its own tenant only")]
    public void Allowed_tenants_that_are_not_guids_or_go_beyond_a_single_tenant_stop_start_up(string tenantId, string allowed, string expected)
    {
        var options = Valid(tenantId);
        options.AllowedTenants.Add(allowed);

        Assert.Contains(Errors(options), e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", Tenant)]
    [InlineData(Tenant, Tenant)]
    [InlineData(Tenant, "0D9C8B7A-6F5E-4D3C-2B1A-0F9E8D7C6B5A")]
    public void A_list_of_tenants_for_a_multi_tenant_bot_or_the_single_tenant_itself_is_accepted(string tenantId, string allowed)
    {
        var options = Valid(tenantId);
        options.AllowedTenants.Add(allowed);

        Assert.Empty(Errors(options));
    }

    private static TeamsOptions Valid(string tenantId) => new() { AppId = "7c6a1f40-2b8e-4c57-9d3a-5e0f1b2c3d4e", AppPassword = "app-password-value-0001", TenantId = tenantId };

    private static IEnumerable<string> Errors(TeamsOptions options) =>
        new TeamsOptionsValidator(new HostingEnvironment { EnvironmentName = Environments.Production, ContentRootPath = AppContext.BaseDirectory }).Validate(null, options).Failures ?? [];
}
