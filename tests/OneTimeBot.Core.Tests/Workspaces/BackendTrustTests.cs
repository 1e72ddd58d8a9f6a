using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Tests.Storage;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Testing;
using OneTimeSecret.Client;

namespace OneTimeBot.Core.Tests.Workspaces;

/// <summary>
/// The operator's configuration is trusted and a workspace admin's choice is not: credentials go only to the backend
/// they belong to, and an admin chooses only among what the operator allows, on the public internet.
/// </summary>
public sealed class BackendTrustTests
{
    private const string OperatorToken = "tok_operator_31c6d2e8a4";
    private const string AdminToken = "tok_admin_8b1f0c7e92";
    private static readonly WorkspaceId Acme = new(ChatPlatform.Slack, "T0ACME");
    private static readonly Actor AcmeAdmin = new(Acme, "U0ADMIN");

    private static readonly Dictionary<string, string?> Operator = new()
    {
        ["OneTimeSecret:Backend"] = "https://ots.operator.example",
        ["OneTimeSecret:Username"] = "operator@example.com",
        ["OneTimeSecret:ApiToken"] = OperatorToken,
        ["OneTimeSecret:AllowedBackends:0"] = "embedded",
        ["OneTimeSecret:AllowedBackends:1"] = "eu",
        ["OneTimeSecret:AllowedBackends:2"] = "partner.example",
        ["OneTimeSecret:AllowedBackends:3"] = "*.tenants.example",
    };

    private readonly FixedHostAddresses _dns = new FixedHostAddresses()
        .Answer("partner.example", "93.184.216.34")
        .Answer("acme.tenants.example", "2606:4700:4700::1111");

    [Fact]
    public async Task The_operators_account_is_used_on_the_operators_backend_and_sent_nowhere_an_admin_chooses()
    {
        await using var state = StateHarness.Start(null, Operator, dns: _dns);

        var before = (await state.Workspaces.ConnectionAsync(Acme, default)).Value!;
        var moved = await state.Workspaces.UpdateAsync(AcmeAdmin, new WorkspaceSettingsChange(Backend: "https://partner.example"), default);
        var after = (await state.Workspaces.ConnectionAsync(Acme, default)).Value!;
        var toRegion = await state.Workspaces.UpdateAsync(AcmeAdmin, new WorkspaceSettingsChange(Backend: "eu"), default);
        var onRegion = (await state.Workspaces.ConnectionAsync(Acme, default)).Value!;
        var back = await state.Workspaces.UpdateAsync(AcmeAdmin, new WorkspaceSettingsChange(Backend: "https://ots.operator.example/api/v1"), default);
        var onOperators = (await state.Workspaces.ConnectionAsync(Acme, default)).Value!;

        Assert.Equal(("operator@example.com", OperatorToken), (before.Connection.Credentials!.Username, before.Connection.Credentials.ApiToken.Reveal()));
        Assert.False(before.Connection.PublicOnly);
        Assert.True(moved.IsSuccess);
        Assert.False(moved.Value!.HasApiToken);
        Assert.Null(after.Connection.Credentials);
        Assert.True(after.Connection.PublicOnly);
        Assert.True(toRegion.IsSuccess);
        Assert.Null(onRegion.Connection.Credentials);
        Assert.True(onRegion.Connection.PublicOnly);
        Assert.True(back.IsSuccess);
        Assert.Equal(OperatorToken, onOperators.Connection.Credentials!.ApiToken.Reveal());
        Assert.False(onOperators.Connection.PublicOnly);
    }

    [Fact]
    public async Task A_stored_token_goes_only_to_the_backend_it_was_entered_for_and_a_new_backend_drops_it_unless_one_comes_along()
    {
        await using var state = StateHarness.Start(null, Operator, dns: _dns);

        await state.Workspaces.UpdateAsync(AcmeAdmin, new WorkspaceSettingsChange(Backend: "eu", Username: "ops@acme.example", ApiToken: new SecretText(AdminToken)), default);
        var onEu = (await state.Workspaces.ConnectionAsync(Acme, default)).Value!;
        var moved = await state.Workspaces.UpdateAsync(AcmeAdmin, new WorkspaceSettingsChange(Backend: "https://partner.example"), default);
        var onPartner = (await state.Workspaces.ConnectionAsync(Acme, default)).Value!;
        var movedWithToken = await state.Workspaces.UpdateAsync(AcmeAdmin, new WorkspaceSettingsChange(Backend: "https://acme.tenants.example", ApiToken: new SecretText(AdminToken)), default);
        var onTenant = (await state.Workspaces.ConnectionAsync(Acme, default)).Value!;
        var sameBackendOtherSpelling = await state.Workspaces.UpdateAsync(AcmeAdmin, new WorkspaceSettingsChange(Backend: "https://ACME.tenants.example/api/v1/"), default);
        var stillOnTenant = (await state.Workspaces.ConnectionAsync(Acme, default)).Value!;

        Assert.Equal(AdminToken, onEu.Connection.Credentials!.ApiToken.Reveal());
        Assert.False(moved.Value!.HasApiToken);
        Assert.Equal("ops@acme.example", moved.Value.Username);
        Assert.Null(onPartner.Connection.Credentials);
        Assert.True(movedWithToken.Value!.HasApiToken);
        Assert.Equal(("ops@acme.example", AdminToken), (onTenant.Connection.Credentials!.Username, onTenant.Connection.Credentials.ApiToken.Reveal()));
        Assert.True(sameBackendOtherSpelling.Value!.HasApiToken);
        Assert.Equal(AdminToken, stillOnTenant.Connection.Credentials!.ApiToken.Reveal());
    }

    [Fact]
    public async Task A_token_the_operator_pins_stays_with_the_operators_backend_when_an_admin_moves_the_workspace()
    {
        var pinned = new Dictionary<string, string?>(Operator)
        {
            ["Workspaces:slack:T0ACME:Username"] = "acme@operator.example",
            ["Workspaces:slack:T0ACME:ApiToken"] = "tok_pinned_5d4c3b2a19",
        };
        await using var state = StateHarness.Start(null, pinned, dns: _dns);

        var pinnedConnection = (await state.Workspaces.ConnectionAsync(Acme, default)).Value!;
        await state.Workspaces.UpdateAsync(AcmeAdmin, new WorkspaceSettingsChange(Backend: "https://partner.example"), default);
        var moved = (await state.Workspaces.ConnectionAsync(Acme, default)).Value!;

        Assert.Equal("tok_pinned_5d4c3b2a19", pinnedConnection.Connection.Credentials!.ApiToken.Reveal());
        Assert.Null(moved.Connection.Credentials);
        Assert.False(moved.Settings.HasApiToken);
    }

    [Theory]
    [InlineData("https://secrets.elsewhere.example", "is not a secret service this OneTimeBot lets workspaces choose")]
    [InlineData("us", "is not a secret service this OneTimeBot lets workspaces choose")]
    [InlineData("http://partner.example", "must be reached over https")]
    [InlineData("https://partner.example:8443", "is not a secret service this OneTimeBot lets workspaces choose")]
    [InlineData("https://127.0.0.1", "is not a secret service this OneTimeBot lets workspaces choose")]
    [InlineData("https://169.254.169.254/latest/meta-data", "is not a secret service this OneTimeBot lets workspaces choose")]
    public async Task An_admin_may_choose_only_what_the_operator_allows_and_is_told_what_that_is(string backend, string why)
    {
        await using var state = StateHarness.Start(null, Operator, dns: _dns);

        var refused = await state.Workspaces.UpdateAsync(AcmeAdmin, new WorkspaceSettingsChange(Backend: backend, ApiToken: new SecretText(AdminToken)), default);
        var settings = await state.Workspaces.GetAsync(Acme, default);

        Assert.Equal(WorkspaceSettings.BackendField, refused.Error!.Field);
        Assert.Contains(why, refused.Error.Message, StringComparison.Ordinal);
        if (why.Contains("lets workspaces choose", StringComparison.Ordinal))
        {
            Assert.Contains("this OneTimeBot's own secret service (embedded); onetimesecret.com in eu; partner.example, any server under tenants.example", refused.Error.Hint, StringComparison.Ordinal);
        }

        Assert.Equal("https://ots.operator.example", settings.Backend);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.20.30.40")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.1.1")]
    [InlineData("fd00::5")]
    [InlineData("::ffff:192.168.0.10")]
    public async Task An_allowed_name_that_points_inside_a_network_is_refused_when_it_is_chosen(string address)
    {
        _dns.Answer("inside.tenants.example", address);
        await using var state = StateHarness.Start(null, Operator, dns: _dns);

        var refused = await state.Workspaces.UpdateAsync(AcmeAdmin, new WorkspaceSettingsChange(Backend: "https://inside.tenants.example"), default);

        Assert.Equal(WorkspaceSettings.BackendField, refused.Error!.Field);
        Assert.Equal("inside.tenants.example is not on the public internet, so OneTimeBot will not connect to it.", refused.Error.Message);
    }

    [Fact]
    public async Task A_name_that_does_not_resolve_is_refused_with_a_hint()
    {
        await using var state = StateHarness.Start(null, Operator, dns: _dns);

        var refused = await state.Workspaces.UpdateAsync(AcmeAdmin, new WorkspaceSettingsChange(Backend: "https://nowhere.tenants.example"), default);

        Assert.Equal("nowhere.tenants.example could not be found.", refused.Error!.Message);
    }

    [Fact]
    public async Task The_operators_own_backends_are_trusted_even_on_an_internal_address()
    {
        var internalDefault = new Dictionary<string, string?>(Operator) { ["OneTimeSecret:Backend"] = "http://10.0.0.5:7143" };
        await using var state = StateHarness.Start(null, internalDefault, dns: _dns);

        var connection = (await state.Workspaces.ConnectionAsync(Acme, default)).Value!;
        var backToItByUrl = await state.Workspaces.UpdateAsync(AcmeAdmin, new WorkspaceSettingsChange(Backend: "eu"), default);
        var returned = await state.Workspaces.UpdateAsync(AcmeAdmin, new WorkspaceSettingsChange(Backend: "http://10.0.0.5:7143/"), default);

        Assert.False(connection.Connection.PublicOnly);
        Assert.Equal(new Uri("http://10.0.0.5:7143/"), connection.Connection.BaseUri);
        Assert.True(backToItByUrl.IsSuccess);
        Assert.True(returned.IsSuccess);
        Assert.False((await state.Workspaces.ConnectionAsync(Acme, default)).Value!.Connection.PublicOnly);
    }

    [Fact]
    public async Task A_choice_the_operator_stops_allowing_is_no_longer_connected_to()
    {
        await using var first = StateHarness.Start(null, Operator, dns: _dns);
        await first.Workspaces.UpdateAsync(AcmeAdmin, new WorkspaceSettingsChange(Backend: "https://partner.example"), default);
        var narrowed = new Dictionary<string, string?>(Operator) { ["OneTimeSecret:AllowedBackends:2"] = "other.example" };

        await using var later = StateHarness.Start(null, narrowed, dns: _dns, sameStoreAs: first);
        var connection = await later.Workspaces.ConnectionAsync(Acme, default);

        Assert.Equal(SharingErrorKind.NotConfigured, connection.Error!.Kind);
        Assert.Equal("This workspace's secret service (partner.example) is not one this OneTimeBot allows any more.", connection.Error.Message);
    }

    [Fact]
    public async Task A_token_saved_before_tokens_were_tied_to_a_backend_stays_with_the_backend_its_row_names()
    {
        await using var state = StateHarness.Start(null, Operator, dns: _dns);
        await state.Workspaces.UpdateAsync(AcmeAdmin, new WorkspaceSettingsChange(Backend: "eu", Username: "ops@acme.example", ApiToken: new SecretText(AdminToken)), default);
        var store = (IWorkspaceSettingsStore)state.Services.GetService(typeof(IWorkspaceSettingsStore))!;
        var row = (await store.FindAsync(Acme, default))!;
        await store.SaveAsync(Acme, row with { TokenBackend = null }, default);

        var onEu = (await state.Workspaces.ConnectionAsync(Acme, default)).Value!;
        await store.SaveAsync(Acme, row with { TokenBackend = null, Backend = "https://partner.example" }, default);
        var onPartner = (await state.Workspaces.ConnectionAsync(Acme, default)).Value!;

        // An old row's token was entered for the backend the row names, as far as anything can tell; the operator's never goes there.
        Assert.Equal(AdminToken, onEu.Connection.Credentials!.ApiToken.Reveal());
        Assert.Equal(AdminToken, onPartner.Connection.Credentials!.ApiToken.Reveal());
    }

    [Fact]
    public async Task A_name_too_long_for_any_resolver_is_refused_beside_the_field_not_with_a_failure()
    {
        await using var state = StateHarness.Start(null, Operator, dns: new OneTimeSecret.Client.Network.DnsHostAddressResolver());
        var host = string.Join('.', Enumerable.Repeat(new string('a', 60), 5)) + ".tenants.example";

        var refused = await state.Workspaces.UpdateAsync(AcmeAdmin, new WorkspaceSettingsChange(Backend: "https://" + host), default);

        Assert.Equal(WorkspaceSettings.BackendField, refused.Error!.Field);
        Assert.EndsWith("could not be found.", refused.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_receipt_on_a_backend_the_operator_no_longer_uses_is_not_called_and_says_why()
    {
        await using var old = await FakeOnetimeSecretServer.StartAsync();
        old.On("POST", "/api/v1/share", FakeResponse.Json(OtsAnswers.Receipt("new", DateTimeOffset.UtcNow, 3600)));
        await using var first = StateHarness.Start(null, new Dictionary<string, string?> { ["OneTimeSecret:Backend"] = old.BaseUri.ToString() }, dns: _dns);
        var card = (await first.Sharing.ShareAsync(new Actor(Acme, "U0ALICE"), new ShareInput(new SecretText("made-on-the-old-backend-5c")), null, default)).Value!;

        await using var later = StateHarness.Start(null, Operator, dns: _dns, sameStoreAs: first);
        var status = await later.Sharing.StatusAsync(new Actor(Acme, "U0ALICE"), card.ReceiptId, null, default);

        Assert.Equal(SharingErrorKind.Unavailable, status.Error!.Kind);
        Assert.Contains("no longer one this OneTimeBot uses", status.Error.Message, StringComparison.Ordinal);
        Assert.Single(old.Requests);
    }
}
