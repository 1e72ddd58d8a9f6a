using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using OneTimeBot.Core.Storage;

namespace OneTimeBot.Core.Tests.Storage;

/// <summary>
/// The SQLite engine under every store: one writer that commits concurrent writes together, read connections beside
/// it, and purges in steps. What a store's caller relies on: a finished write is committed, one failing write does not
/// take others with it, and a purge does not hold up the commands behind it.
/// </summary>
public sealed class SqliteDatabaseTests : IDisposable
{
    private static readonly SqliteSchema Notes = new("""
        CREATE TABLE IF NOT EXISTS test_notes (id TEXT PRIMARY KEY, expires INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS test_notes_expires ON test_notes (expires);
        """);

    private readonly string _folder = Directory.CreateTempSubdirectory("onetimebot-sqlite-engine-").FullName;
    private readonly SqliteDatabase _database;

    public SqliteDatabaseTests() => _database = Open();

    [Fact]
    public async Task Concurrent_writes_all_commit_and_each_is_on_disk_when_its_task_completes()
    {
        var writes = Enumerable.Range(0, 200).Select(async i =>
        {
            await Task.Yield();
            await Insert($"note-{i}", 1);
            // Another connection, as another process would see the file: the row is there once the write returned.
            return CountOnOwnConnection($"id = 'note-{i}'");
        }).ToArray();

        Assert.All(await Task.WhenAll(writes), seen => Assert.Equal(1, seen));
        Assert.Equal(200, CountOnOwnConnection("1"));
    }

    [Fact]
    public async Task A_write_is_not_answered_before_the_transaction_holding_it_has_committed()
    {
        await SchemaReady();
        var (holder, release) = HoldWriter();
        var written = Insert("answered-after-commit", 1);
        // Queued behind it, so both run in one transaction, which this one holds open.
        var (later, laterRelease) = HoldWriter(behind: release);

        // The insert itself has run, but its transaction is still open: no answer yet, and nothing another reader sees.
        Assert.False(written.IsCompleted);
        Assert.Equal(0, CountOnOwnConnection("id = 'answered-after-commit'"));
        laterRelease.Set();

        Assert.Equal(1, await written);
        Assert.True(await later);
        Assert.True(await holder);
        Assert.Equal(1, CountOnOwnConnection("id = 'answered-after-commit'"));
        release.Dispose();
        laterRelease.Dispose();
    }

    [Fact]
    public async Task A_write_answered_before_its_commit_hands_out_its_result_while_the_transaction_is_still_open_and_commits_after()
    {
        await SchemaReady();
        var (holder, release) = HoldWriter();
        var counted = _database.WriteAnsweredBeforeCommitAsync(Notes,
            statements => statements.Execute("INSERT INTO test_notes (id, expires) VALUES ('counted', 1)", []), CancellationToken.None);
        var refused = _database.WriteAnsweredBeforeCommitAsync<int>(Notes,
            _ => throw new InvalidOperationException("refused"), CancellationToken.None);
        // Queued behind both, so all three run in one transaction, which this one holds open.
        var (later, laterRelease) = HoldWriter(behind: release);

        // Answered, the failure included, while nothing of the transaction is committed yet.
        Assert.Equal(1, await counted.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("refused", (await Assert.ThrowsAsync<InvalidOperationException>(() => refused.WaitAsync(TimeSpan.FromSeconds(30)))).Message);
        Assert.False(later.IsCompleted);
        Assert.Equal(0, CountOnOwnConnection("id = 'counted'"));
        laterRelease.Set();

        Assert.True(await later);
        Assert.True(await holder);
        Assert.Equal(1, CountOnOwnConnection("id = 'counted'"));
        release.Dispose();
        laterRelease.Dispose();
    }

    [Fact]
    public async Task A_write_that_fails_is_undone_alone_and_the_writes_committed_with_it_stay()
    {
        await SchemaReady();
        await Insert("taken", 1);
        // Hold the writer so the three writes below queue up and commit in one transaction.
        var (holder, release) = HoldWriter();
        var before = Insert("before", 1);
        var duplicate = _database.WriteAsync(Notes, statements =>
        {
            statements.Execute("INSERT INTO test_notes (id, expires) VALUES ('half-done', 1)", []);
            return statements.Execute("INSERT INTO test_notes (id, expires) VALUES ('taken', 1)", []);
        }, CancellationToken.None);
        var after = Insert("after", 1);
        release.Set();

        await holder;
        await before;
        await after;
        await Assert.ThrowsAsync<SqliteException>(() => duplicate);
        Assert.Equal(1, CountOnOwnConnection("id = 'before'"));
        Assert.Equal(1, CountOnOwnConnection("id = 'after'"));
        Assert.Equal(0, CountOnOwnConnection("id = 'half-done'"));
        await Insert("later", 1);
        Assert.Equal(1, CountOnOwnConnection("id = 'later'"));
    }

    [Fact]
    public async Task A_count_answered_before_its_commit_is_counted_once_when_a_write_after_it_in_the_transaction_fails()
    {
        await SchemaReady();
        var (holder, release) = HoldWriter();
        var counted = _database.WriteAnsweredBeforeCommitAsync(Notes, statements => Convert.ToInt64(statements.Scalar(
            "INSERT INTO test_notes (id, expires) VALUES ('count', 1) ON CONFLICT (id) DO UPDATE SET expires = expires + 1 RETURNING expires", []),
            System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None);
        var failing = _database.WriteAsync<int>(Notes, _ => throw new InvalidOperationException("broken"), CancellationToken.None);
        var after = Insert("after", 1);
        release.Set();

        await holder;
        Assert.Equal(1, await counted);
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        await after;
        Assert.Equal(1, CountOnOwnConnection("id = 'count' AND expires = 1"));
        Assert.Equal(1, CountOnOwnConnection("id = 'after'"));
    }

    [Fact]
    public async Task A_write_cancelled_while_its_transaction_ran_stays_unwritten_when_another_write_in_it_fails()
    {
        await SchemaReady();
        var (holder, release) = HoldWriter();
        using var cancel = new CancellationTokenSource();
        var canceller = _database.WriteAsync(Notes, statements =>
        {
            cancel.Cancel();
            return statements.Execute("INSERT INTO test_notes (id, expires) VALUES ('canceller', 1)", []);
        }, CancellationToken.None);
        var cancelled = Insert("cancelled", 1, cancel.Token);
        var failing = _database.WriteAsync<int>(Notes, _ => throw new InvalidOperationException("broken"), CancellationToken.None);
        release.Set();

        await holder;
        await canceller;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.Equal(1, CountOnOwnConnection("id = 'canceller'"));
        Assert.Equal(0, CountOnOwnConnection("id = 'cancelled'"));
    }

    [Fact]
    public async Task A_command_queued_behind_a_purge_commits_before_the_purge_goes_on()
    {
        const int Expired = 20 * SqliteDatabase.PurgeBatch;
        await InsertExpired(Expired);

        var (holder, release) = HoldWriter();
        var purge = _database.DeleteInStepsAsync(Notes, "test_notes", "expires <= $now", [("$now", 10L)], CancellationToken.None);
        // Queued after the purge's first step, yet it runs first: what it counts is how far the purge had got.
        var command = InsertCounting("command");
        release.Set();

        Assert.Equal(Expired, await command);
        await holder;
        Assert.Equal(Expired, await purge);
        Assert.Equal(1, CountOnOwnConnection("1"));
    }

    [Fact]
    public async Task Commands_keep_committing_while_a_large_purge_runs_instead_of_waiting_for_all_of_it()
    {
        const int Expired = 50 * SqliteDatabase.PurgeBatch;
        await InsertExpired(Expired);

        var purge = _database.DeleteInStepsAsync(Notes, "test_notes", "expires <= $now", [("$now", 10L)], CancellationToken.None);
        var seenMidway = new List<int>();
        for (var i = 0; !purge.IsCompleted; i++)
        {
            seenMidway.Add(await InsertCounting($"command-{i}"));
        }

        Assert.Equal(Expired, await purge);
        Assert.Contains(seenMidway, left => left > 0 && left < Expired);
    }

    [Fact]
    public async Task A_write_cancelled_before_its_turn_writes_nothing()
    {
        await SchemaReady();
        var (holder, release) = HoldWriter();
        using var cancel = new CancellationTokenSource();
        var cancelled = Insert("never", 1, cancel.Token);
        await cancel.CancelAsync();
        release.Set();
        await holder;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(0, CountOnOwnConnection("id = 'never'"));
    }

    [Fact]
    public async Task Writes_queued_when_the_database_is_disposed_are_committed_first()
    {
        await SchemaReady();
        var (holder, release) = HoldWriter();
        var queued = Enumerable.Range(0, 20).Select(i => Insert($"queued-{i}", 1)).ToArray();
        release.Set();
        _database.Dispose();

        await holder;
        await Task.WhenAll(queued);
        Assert.Equal(20, CountOnOwnConnection("1"));
    }

    [Fact]
    public async Task A_write_queued_for_the_next_commit_rides_in_another_writes_commit_without_being_asked_for()
    {
        await SchemaReady();
        var deferred = await _database.WriteWithNextAsync(Notes, statements =>
            statements.Execute("INSERT INTO test_notes (id, expires) VALUES ('claim', 1)", []), CancellationToken.None);
        // Another caller's write: its commit takes the deferred work along.
        await Insert("unrelated", 1).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(deferred.Stored.IsCompleted);
        Assert.Equal(1, await deferred.Stored);
        Assert.Equal(1, CountOnOwnConnection("id = 'claim'"));
        // Asking after it committed asks for nothing more.
        Assert.Equal(1, await deferred.CommittedAsync());
    }

    [Fact]
    public async Task A_write_queued_for_the_next_commit_is_settled_after_its_commit_and_before_its_caller_goes_on()
    {
        await SchemaReady();
        var seenWhenSettled = -1;
        var deferred = await _database.WriteWithNextAsync(Notes, statements =>
            statements.Execute("INSERT INTO test_notes (id, expires) VALUES ('settled', 1)", []), CancellationToken.None,
            settled: () => seenWhenSettled = CountOnOwnConnection("id = 'settled'"));

        Assert.Equal(1, await deferred.CommittedAsync().WaitAsync(TimeSpan.FromSeconds(30)));
        // Settled once the row was committed (another connection sees it), and before the await above returned.
        Assert.Equal(1, seenWhenSettled);
    }

    [Fact]
    public async Task A_write_queued_for_the_next_commit_is_settled_when_its_commit_fails()
    {
        await SchemaReady();
        var settled = 0;
        var deferred = await _database.WriteWithNextAsync<int>(Notes, _ => throw new InvalidOperationException("broken"),
            CancellationToken.None, settled: () => Interlocked.Increment(ref settled));

        await Assert.ThrowsAsync<InvalidOperationException>(() => deferred.CommittedAsync().WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(1, Volatile.Read(ref settled));
    }

    [Fact]
    public async Task A_write_queued_for_the_next_commit_waits_unseen_until_it_is_awaited_and_then_commits_once()
    {
        await SchemaReady();
        var runs = 0;
        var deferred = await _database.WriteWithNextAsync(Notes, statements =>
        {
            Interlocked.Increment(ref runs);
            return statements.Execute("INSERT INTO test_notes (id, expires) VALUES ('alone', 1)", []);
        }, CancellationToken.None);
        // A read commits nothing, so nothing takes the deferred write along.
        await _database.ReadScalarAsync(Notes, "SELECT count(*) FROM test_notes", [], CancellationToken.None);
        var waitedUnseen = !deferred.Stored.IsCompleted && CountOnOwnConnection("id = 'alone'") == 0;

        var committed = await deferred.CommittedAsync().WaitAsync(TimeSpan.FromSeconds(30));
        // Awaited, it is queued as a command's write too; the write after it must not run it a second time.
        await Insert("after", 1);

        Assert.True(waitedUnseen);
        Assert.Equal(1, committed);
        Assert.Equal(1, Volatile.Read(ref runs));
        Assert.Equal(1, CountOnOwnConnection("id = 'alone'"));
    }

    [Fact]
    public async Task A_write_queued_for_the_next_commit_still_commits_when_the_database_is_disposed()
    {
        await SchemaReady();
        await Insert("writer-started", 1);
        var deferred = await _database.WriteWithNextAsync(Notes, statements =>
            statements.Execute("INSERT INTO test_notes (id, expires) VALUES ('at-dispose', 1)", []), CancellationToken.None);

        _database.Dispose();

        Assert.Equal(1, await deferred.Stored.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(1, CountOnOwnConnection("id = 'at-dispose'"));
    }

    [Fact]
    public async Task A_read_sees_the_write_that_completed_before_it()
    {
        for (var i = 0; i < 50; i++)
        {
            await Insert($"read-{i}", i);
            var seen = await _database.ReadScalarAsync(Notes, "SELECT expires FROM test_notes WHERE id = $id", [("$id", $"read-{i}")], CancellationToken.None);
            Assert.Equal((long)i, seen);
        }
    }

    public void Dispose()
    {
        _database.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private SqliteDatabase Open() => new(
        Options.Create(new StorageOptions { ConnectionString = $"Data Source={Path.Combine(_folder, "engine.db")}" }),
        new HostingEnvironment { ContentRootPath = _folder });

    [Fact]
    public async Task Committed_pages_reach_the_database_file_while_the_writer_runs_no_checkpoint_of_its_own()
    {
        await SchemaReady();
        var autocheckpoint = await _database.WriteAsync(Notes, statements => Convert.ToInt64(statements.Scalar("PRAGMA wal_autocheckpoint", []), System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None);
        Assert.Equal(SqliteConnections.WriterCheckpointPages, autocheckpoint);
        var file = new FileInfo(Path.Combine(_folder, "engine.db"));
        var before = file.Length;

        // 25 transactions of about 14 pages each: far below the WAL length at which the writer would checkpoint, and
        // below SQLite's default of 1,000 too, so only the checkpointer can bring these rows into the file.
        await InsertLargeRows("big", transactions: 25);
        var (length, copied) = await CheckpointedAfterLastWriteAsync();

        file.Refresh();
        // At most the 25 transactions' pages, so the writer's own checkpoint never came due. Fewer when the checkpointer
        // caught up between two of them and the WAL started over, which a busy machine's slow inserts allow.
        Assert.InRange(length, 1, 999);
        Assert.Equal(length, copied);
        Assert.True(file.Length >= before + 250_000, $"the file grew from {before} to {file.Length} bytes");
        Assert.Equal(100, CountOnOwnConnection("id LIKE 'big-%'"));
    }

    [Fact]
    public void The_database_file_is_flushed_through_sqlites_own_handle()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "flushed.db")};Pooling=False");
        connection.Open();
        using var create = connection.CreateCommand();
        create.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE t (x); INSERT INTO t VALUES (1);";
        create.ExecuteNonQuery();

        // The bundled SQLite answers the file control and its VFS flushes; a false here would leave every flush to the writer.
        Assert.True(SqliteFileFlush.Flush(connection));
    }

    [Fact]
    public async Task The_wal_starts_over_instead_of_growing_once_the_writes_pause()
    {
        await SchemaReady();
        var lengths = new List<long>();
        for (var round = 0; round < 5; round++)
        {
            await InsertLargeRows($"round-{round}", transactions: 10);
            // Every page is in the file now: the next round's first transaction writes the WAL from its start again.
            lengths.Add((await CheckpointedAfterLastWriteAsync()).Length);
        }

        // A WAL that never started over would hold all five rounds by the last one.
        Assert.True(lengths.Max() < 2 * lengths[0], $"the WAL's length after each round, in pages: {string.Join(", ", lengths)}");
        Assert.Equal(200, CountOnOwnConnection("id LIKE 'round-%'"));
    }

    [Fact]
    public async Task The_writer_keeps_sqlites_small_default_cache_while_the_file_is_under_1_GiB()
    {
        await InsertExpired(500);

        var cacheSize = await _database.WriteAsync(Notes, statements => Convert.ToInt64(statements.Scalar("PRAGMA cache_size", []), System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None);

        // Negative: KiB. 2000 is SQLite's default; a large cache below 1 GiB would be walked whole at every commit.
        Assert.Equal(-2000, cacheSize);
    }

    [Theory]
    [InlineData(1, 4096, false)]
    [InlineData(262_144, 4096, false)]
    [InlineData(262_145, 4096, true)]
    [InlineData(16_384, 65536, false)]
    [InlineData(16_385, 65536, true)]
    public void The_writer_takes_the_large_cache_once_the_file_is_past_the_lock_byte_page(long pages, long pageSize, bool large) =>
        Assert.Equal(large ? SqliteWriterCache.Large : SqliteWriterCache.Small, SqliteWriterCache.For(pages, pageSize));

    private Task<int> InsertExpired(int count) =>
        _database.WriteAsync(Notes, statements =>
        {
            for (var i = 0; i < count; i++)
            {
                statements.Execute("INSERT INTO test_notes (id, expires) VALUES ($id, 1)", [("$id", $"old-{i}")]);
            }

            return count;
        }, CancellationToken.None);

    // A command's write that also counts, inside the writer's order, the expired rows a purge has not deleted yet.
    private Task<int> InsertCounting(string id) =>
        _database.WriteAsync(Notes, statements =>
        {
            statements.Execute("INSERT INTO test_notes (id, expires) VALUES ($id, 1000)", [("$id", id)]);
            return Convert.ToInt32(statements.Scalar("SELECT count(*) FROM test_notes WHERE expires <= 10", []), System.Globalization.CultureInfo.InvariantCulture);
        }, CancellationToken.None);

    // Holds the writer inside a transaction until released, and returns once it is there: whatever is queued next
    // waits for it and goes into the following transaction together. Queued behind a writer already held, it lets that
    // one go first (behind), and then holds open the transaction it shares with everything queued before it.
    private (Task<bool> Holder, ManualResetEventSlim Release) HoldWriter(ManualResetEventSlim? behind = null)
    {
        using var started = new ManualResetEventSlim();
        var release = new ManualResetEventSlim();
        var holder = _database.WriteAsync(Notes, _ =>
        {
            started.Set();
            return release.Wait(TimeSpan.FromSeconds(30));
        }, CancellationToken.None);
        behind?.Set();
        Assert.True(started.Wait(TimeSpan.FromSeconds(30)));
        return (holder, release);
    }

    // Rows of about 3 KB (their ids are the primary key, so the index holds them too), four per transaction.
    private async Task InsertLargeRows(string prefix, int transactions)
    {
        var padding = new string('x', 3000);
        for (var i = 0; i < transactions; i++)
        {
            await _database.WriteAsync(Notes, statements =>
            {
                for (var j = 0; j < 4; j++)
                {
                    statements.Execute("INSERT INTO test_notes (id, expires) VALUES ($id, 1)", [("$id", $"{prefix}-{i}-{j}-{padding}")]);
                }

                return 0;
            }, CancellationToken.None);
        }
    }

    // Waits for a checkpoint that covered the last write's commit (one that started before it may have missed it) and
    // found the WAL fully copied; returns the WAL's length and the pages copied, as that checkpoint reported them.
    private async Task<(long Length, long Copied)> CheckpointedAfterLastWriteAsync()
    {
        var checkpointer = _database.Checkpointer;
        var commits = checkpointer.Commits;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (checkpointer.LastRun is var last && last.Commits >= commits && last.Length == last.Copied)
            {
                return (last.Length, last.Copied);
            }

            await Task.Delay(20);
        }

        Assert.Fail($"no checkpoint caught up with the last write in 30 s (commits {commits}, started {checkpointer.RunsStarted}, last {checkpointer.LastRun})");
        return default;
    }

    // Once the table exists, a write is queued the moment it is asked for, so the tests can order the writer's queue.
    private Task<object?> SchemaReady() => _database.ReadScalarAsync(Notes, "SELECT 1", [], CancellationToken.None);

    private Task<int> Insert(string id, long expires, CancellationToken cancellationToken = default) =>
        _database.ExecuteAsync(Notes, "INSERT INTO test_notes (id, expires) VALUES ($id, $expires)", [("$id", id), ("$expires", expires)], cancellationToken);

    private int CountOnOwnConnection(string where)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "engine.db")};Pooling=False");
        connection.Open();
        using var count = connection.CreateCommand();
#pragma warning disable CA2100 // The tests' own constant conditions.
        count.CommandText = "SELECT count(*) FROM test_notes WHERE " + where;
#pragma warning restore CA2100
        return Convert.ToInt32(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
