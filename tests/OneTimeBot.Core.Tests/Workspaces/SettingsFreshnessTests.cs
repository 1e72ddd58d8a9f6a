using Microsoft.Extensions.DependencyInjection;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Storage.Sqlite;
using OneTimeBot.Core.Tests.Storage;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Testing;
using OneTimeSecret.Client;

namespace OneTimeBot.Core.Tests.Workspaces;

/// <summary>
/// A replica keeps what a workspace's settings resolved to, but a change made through it (or straight in its store) is
/// what the very next command uses, one made on another replica sharing the SQLite file what its commands use from a
/// second later (when it next looks at the count of changes), and configuration still wins over both.
/// </summary>
public sealed class SettingsFreshnessTests : IAsyncDisposable
{
    private static readonly WorkspaceId Acme = new(ChatPlatform.Slack, "T0ACME");
    private static readonly Actor AcmeAdmin = new(Acme, "U0ADMIN");
    private static readonly Actor Alice = new(Acme, "U0ALICE");

    private FakeOnetimeSecretServer? _server;

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_token_an_admin_sets_on_another_replica_is_sent_with_this_replicas_shares_from_a_second_later()
    {
        _server = await FakeOnetimeSecretServer.StartAsync();
        _server.On("POST", "/api/v1/share", FakeResponse.Json(OtsAnswers.Receipt("new", DateTimeOffset.UtcNow, 3600)));
        var operatorBackend = new Dictionary<string, string?>
        {
            ["OneTimeSecret:Backend"] = _server.BaseUri.ToString(),
            ["OneTimeSecret:Username"] = "operator@example.com",
            ["OneTimeSecret:ApiToken"] = "tok_operator_31c6d2e8a4",
        };
        await using var here = StateHarness.Start(null, operatorBackend);
        await using var there = StateHarness.Start(null, operatorBackend, sameStoreAs: here);

        var first = await here.Sharing.ShareAsync(Alice, new ShareInput(new SecretText("before-the-change-1a")), null, default);
        var changed = await there.Workspaces.UpdateAsync(AcmeAdmin, new WorkspaceSettingsChange(Username: "ops@acme.example", ApiToken: new SecretText("tok_admin_8b1f0c7e92")), default);
        here.Clock.Advance(SqliteWorkspaceSettingsChanges.CheckedEvery);
        var second = await here.Sharing.ShareAsync(Alice, new ShareInput(new SecretText("after-the-change-2b")), null, default);
        var cleared = await there.Workspaces.UpdateAsync(AcmeAdmin, new WorkspaceSettingsChange(ClearApiToken: true), default);
        here.Clock.Advance(SqliteWorkspaceSettingsChanges.CheckedEvery);
        var third = await here.Sharing.ShareAsync(Alice, new ShareInput(new SecretText("after-clearing-3c")), null, default);

        Assert.True(first.IsSuccess && changed.IsSuccess && second.IsSuccess && cleared.IsSuccess && third.IsSuccess);
        Assert.Equal(
            ["operator@example.com:tok_operator_31c6d2e8a4", "ops@acme.example:tok_admin_8b1f0c7e92", "operator@example.com:tok_operator_31c6d2e8a4"],
            _server.Requests.Where(r => r.Path == "/api/v1/share").Select(r => r.BasicCredentials));
    }

    [Fact]
    public async Task A_row_written_straight_to_the_store_applies_to_the_next_connection_and_its_removal_brings_back_the_defaults()
    {
        await using var state = StateHarness.Start(null, new Dictionary<string, string?> { ["OneTimeSecret:Backend"] = "eu", ["OneTimeSecret:AllowedBackends:0"] = "uk" });
        var store = state.Services.GetRequiredService<IWorkspaceSettingsStore>();

        var asConfigured = (await state.Workspaces.ConnectionAsync(Acme, default)).Value!;
        await store.SaveAsync(Acme, new StoredWorkspaceSettings(Backend: "uk", MaxTtl: TimeSpan.FromDays(2)), default);
        var moved = (await state.Workspaces.ConnectionAsync(Acme, default)).Value!;
        await store.SaveAsync(Acme, new StoredWorkspaceSettings(), default);
        var back = (await state.Workspaces.ConnectionAsync(Acme, default)).Value!;

        Assert.Equal(new Uri("https://eu.onetimesecret.com/"), asConfigured.Connection.BaseUri);
        Assert.Equal((new Uri("https://uk.onetimesecret.com/"), TimeSpan.FromDays(2)), (moved.Connection.BaseUri, moved.Settings.MaxTtl));
        Assert.True(moved.Connection.PublicOnly);
        Assert.Equal((new Uri("https://eu.onetimesecret.com/"), TimeSpan.FromDays(30)), (back.Connection.BaseUri, back.Settings.MaxTtl));
        Assert.False(back.Connection.PublicOnly);
    }

    [Fact]
    public async Task Pins_still_win_over_a_row_another_replica_changed_after_this_one_connected()
    {
        var pinned = new Dictionary<string, string?>
        {
            ["OneTimeSecret:AllowedBackends:0"] = "eu",
            ["Workspaces:slack:T0ACME:Backend"] = "uk",
            ["Workspaces:slack:T0ACME:MaxTtl"] = "1.00:00:00",
        };
        await using var here = StateHarness.Start(null, pinned);
        await using var there = StateHarness.Start(null, pinned, sameStoreAs: here);
        var store = there.Services.GetRequiredService<IWorkspaceSettingsStore>();

        var before = (await here.Workspaces.ConnectionAsync(Acme, default)).Value!;
        await store.SaveAsync(Acme, new StoredWorkspaceSettings(Backend: "eu", MaxTtl: TimeSpan.FromDays(3), DefaultTtl: TimeSpan.FromHours(5)), default);
        here.Clock.Advance(SqliteWorkspaceSettingsChanges.CheckedEvery);
        var after = (await here.Workspaces.ConnectionAsync(Acme, default)).Value!;

        Assert.Equal(new Uri("https://uk.onetimesecret.com/"), before.Connection.BaseUri);
        Assert.Equal(new Uri("https://uk.onetimesecret.com/"), after.Connection.BaseUri);
        Assert.Equal(TimeSpan.FromDays(1), after.Settings.MaxTtl);
        Assert.Equal(TimeSpan.FromHours(5), after.Settings.DefaultTtl);
        Assert.Equal(new[] { WorkspaceSettings.BackendField, WorkspaceSettings.MaxTtlField }.Order(), after.Settings.PinnedFields.Order());
    }
}
