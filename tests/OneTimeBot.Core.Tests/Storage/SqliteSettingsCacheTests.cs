using Microsoft.Data.Sqlite;
using OneTimeBot.Core.Storage.Sqlite;
using OneTimeBot.Core.Workspaces;

namespace OneTimeBot.Core.Tests.Storage;

/// <summary>
/// On SQLite each process keeps the workspace settings it read, instead of a statement per secret, uses its own change at
/// once, and another process's change on the same file within a second.
/// </summary>
public sealed class SqliteSettingsCacheTests
{
    private static readonly WorkspaceId Acme = new(ChatPlatform.Slack, "T0ACME");
    private static readonly Actor AcmeAdmin = new(Acme, "U0ADMIN");

    [Fact]
    public async Task A_change_saved_in_the_same_process_is_used_at_once()
    {
        await using var process = StateHarness.Start(null);
        await process.Workspaces.UpdateAsync(AcmeAdmin, new WorkspaceSettingsChange(DefaultTtl: TimeSpan.FromHours(1)), default);
        Assert.Equal(TimeSpan.FromHours(1), (await process.Workspaces.GetAsync(Acme, default)).DefaultTtl);

        await process.Workspaces.UpdateAsync(AcmeAdmin, new WorkspaceSettingsChange(DefaultTtl: TimeSpan.FromHours(2)), default);

        Assert.Equal(TimeSpan.FromHours(2), (await process.Workspaces.GetAsync(Acme, default)).DefaultTtl);
    }

    [Fact]
    public async Task A_change_saved_by_another_process_on_the_file_is_used_within_a_second_and_not_read_before()
    {
        await using var first = StateHarness.Start(null);
        await using var second = StateHarness.Start(null, sameStoreAs: first);
        await first.Workspaces.UpdateAsync(AcmeAdmin, new WorkspaceSettingsChange(DefaultTtl: TimeSpan.FromHours(1)), default);
        Assert.Equal(TimeSpan.FromHours(1), (await second.Workspaces.GetAsync(Acme, default)).DefaultTtl);

        await first.Workspaces.UpdateAsync(AcmeAdmin, new WorkspaceSettingsChange(DefaultTtl: TimeSpan.FromHours(2)), default);
        var sameSecond = (await second.Workspaces.GetAsync(Acme, default)).DefaultTtl;
        second.Clock.Advance(SqliteWorkspaceSettingsChanges.CheckedEvery);
        var secondLater = (await second.Workspaces.GetAsync(Acme, default)).DefaultTtl;

        // Kept, not read again, within the second; then the count of changes says it changed.
        Assert.Equal(TimeSpan.FromHours(1), sameSecond);
        Assert.Equal(TimeSpan.FromHours(2), secondLater);
    }

    [Fact]
    public async Task A_workspace_kept_without_settings_gets_the_settings_another_process_saves_within_a_second()
    {
        await using var first = StateHarness.Start(null);
        await using var second = StateHarness.Start(null, sameStoreAs: first);
        var before = (await second.Workspaces.GetAsync(Acme, default)).DefaultTtl;

        await first.Workspaces.UpdateAsync(AcmeAdmin, new WorkspaceSettingsChange(DefaultTtl: TimeSpan.FromHours(3)), default);
        second.Clock.Advance(SqliteWorkspaceSettingsChanges.CheckedEvery);

        Assert.NotEqual(TimeSpan.FromHours(3), before);
        Assert.Equal(TimeSpan.FromHours(3), (await second.Workspaces.GetAsync(Acme, default)).DefaultTtl);
    }

    [Fact]
    public async Task A_change_an_older_version_saves_without_counting_it_is_used_once_what_was_kept_expires()
    {
        await using var process = StateHarness.Start(null);
        await process.Workspaces.UpdateAsync(AcmeAdmin, new WorkspaceSettingsChange(DefaultTtl: TimeSpan.FromHours(1)), default);
        Assert.Equal(TimeSpan.FromHours(1), (await process.Workspaces.GetAsync(Acme, default)).DefaultTtl);

        // As a version from before the count writes a change: the row alone.
        await RawAsync(process, "UPDATE bot_workspace_settings SET body = replace(body, '\"01:00:00\"', '\"04:00:00\"')");

        process.Clock.Advance(SqliteWorkspaceSettingsChanges.CheckedEvery);
        var withinLifetime = (await process.Workspaces.GetAsync(Acme, default)).DefaultTtl;
        process.Clock.Advance(CachedWorkspaceSettingsStore.Lifetime);
        var afterLifetime = (await process.Workspaces.GetAsync(Acme, default)).DefaultTtl;

        Assert.Equal(TimeSpan.FromHours(1), withinLifetime);
        Assert.Equal(TimeSpan.FromHours(4), afterLifetime);
    }

    [Fact]
    public async Task While_the_count_of_changes_cannot_be_read_every_read_goes_to_the_store_and_keeping_resumes_once_it_can()
    {
        await using var process = StateHarness.Start(null);
        await process.Workspaces.UpdateAsync(AcmeAdmin, new WorkspaceSettingsChange(DefaultTtl: TimeSpan.FromHours(1)), default);
        Assert.Equal(TimeSpan.FromHours(1), (await process.Workspaces.GetAsync(Acme, default)).DefaultTtl);

        await RawAsync(process, "DROP TABLE bot_workspace_settings_changes");
        process.Clock.Advance(SqliteWorkspaceSettingsChanges.CheckedEvery);
        var countFailed = (await process.Workspaces.GetAsync(Acme, default)).DefaultTtl;
        await RawAsync(process, "UPDATE bot_workspace_settings SET body = replace(body, '\"01:00:00\"', '\"05:00:00\"')");
        var sameSecond = (await process.Workspaces.GetAsync(Acme, default)).DefaultTtl;

        await RawAsync(process, "CREATE TABLE bot_workspace_settings_changes (id INTEGER PRIMARY KEY CHECK (id = 1), generation INTEGER NOT NULL)");
        process.Clock.Advance(SqliteWorkspaceSettingsChanges.CheckedEvery);
        var countBack = (await process.Workspaces.GetAsync(Acme, default)).DefaultTtl;
        await RawAsync(process, "UPDATE bot_workspace_settings SET body = replace(body, '\"05:00:00\"', '\"06:00:00\"')");
        var keptAgain = (await process.Workspaces.GetAsync(Acme, default)).DefaultTtl;

        Assert.Equal(TimeSpan.FromHours(1), countFailed);
        Assert.Equal(TimeSpan.FromHours(5), sameSecond);
        Assert.Equal(TimeSpan.FromHours(5), countBack);
        Assert.Equal(TimeSpan.FromHours(5), keptAgain);
    }

    /// <summary>A statement straight on the file, as another program (or a version before the count) would run it.</summary>
    private static async Task RawAsync(StateHarness process, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(process.DataDirectory, "onetimebot.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
