using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace OneTimeBot.Bench;

/// <summary>
/// What a SQLite store's work is made of, each piece timed alone on raw Microsoft.Data.Sqlite, one thread, in a loop:
/// microseconds per operation, the median of several batches. One instance works on one store's file; the pieces run
/// in the order listed (inserts first, so a fresh file has rows to read back).
/// </summary>
internal sealed class StoreBuildingBlocks : IDisposable
{
    /// <summary>What <c>SqliteDatabase</c> ran on every connection it opened before issue 17.</summary>
    public const string PerOpenPragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA secure_delete=ON;";

    public const int Batches = 7;
    public static readonly TimeSpan BatchLength = TimeSpan.FromMilliseconds(100);

    private const int Bodies = 1000;

    private readonly string _pooled;
    private readonly SqliteConnection _kept;
    private readonly SqliteCommand _insertReceipt;
    private readonly SqliteCommand _insertReplay;
    private readonly SqliteCommand _select;
    private readonly (string Body, long KeepUntil)[] _bodies;
    private readonly Lazy<List<string>> _ids;
    private int _nextBody;
    private int _nextId;

    public StoreBuildingBlocks(StoreUnderTest store)
    {
        _pooled = new SqliteConnectionStringBuilder { DataSource = store.SqliteFile, Pooling = true, DefaultTimeout = 10 }.ToString();
        // Receipt bodies made beforehand, so the pieces time SQLite rather than making them; every row still gets its own id.
        var records = StoreUnderTest.Records();
        var now = DateTimeOffset.UtcNow;
        _bodies = Enumerable.Range(0, Bodies).Select(_ => records.Receipt(now)).Select(r => (r.Body, r.KeepUntil.ToUnixTimeMilliseconds())).ToArray();
        _kept = new SqliteConnection($"Data Source={store.SqliteFile};Pooling=False");
        _kept.Open();
        Run(_kept, PerOpenPragmas);
        _insertReceipt = InsertReceipt(_kept);
        _insertReceipt.Prepare();
        _insertReplay = _kept.CreateCommand();
        _insertReplay.CommandText = "INSERT INTO bot_events (event_key, expires) VALUES ($key, $expires)";
        _insertReplay.Parameters.Add("$key", SqliteType.Text);
        _insertReplay.Parameters.AddWithValue("$expires", (now + TimeSpan.FromHours(2)).ToUnixTimeMilliseconds());
        _insertReplay.Prepare();
        _select = SelectReceipt(_kept);
        _select.Prepare();
        _ids = new Lazy<List<string>>(() => SomeReceiptIds(2000));
        Blocks =
        [
            new("open a pooled connection, close it", () => PerOperation(() =>
            {
                using var connection = new SqliteConnection(_pooled);
                connection.Open();
            })),
            new("open a pooled connection + the per-open PRAGMAs, close it", () => PerOperation(() => { using var connection = OpenAsTheEngineDid(); })),
            new("prepare a statement (SELECT by id), no step", () => PerOperation(() =>
            {
                using var select = SelectReceipt(_kept);
                select.Prepare();
            })),
            new("INSERT receipt, own transaction, synchronous=NORMAL", () => PerOperation(() => Insert(_insertReceipt))),
            new("INSERT receipt, own transaction, synchronous=NORMAL, no automatic checkpoints", () => WithoutAutomaticCheckpoints(() => PerOperation(() => Insert(_insertReceipt)))),
            new("INSERT receipt, own transaction, synchronous=FULL", () => WithSynchronousFull(() => PerOperation(() => Insert(_insertReceipt)))),
            new("INSERT receipt, 16 in one transaction, per insert", () => PerOperation(() => InsertInOneTransaction(16), 16)),
            new("INSERT receipt, 64 in one transaction, per insert", () => PerOperation(() => InsertInOneTransaction(64), 64)),
            new("INSERT replay record, own transaction, synchronous=NORMAL", () => PerOperation(() =>
            {
                _insertReplay.Parameters["$key"].Value = "slack-request:" + PrefillRecords.RandomHex(32);
                _insertReplay.ExecuteNonQuery();
            })),
            new("INSERT receipt as the engine before issue 17 did: open + PRAGMAs + new command + close", () => PerOperation(() =>
            {
                using var connection = OpenAsTheEngineDid();
                using var insert = InsertReceipt(connection);
                Insert(insert);
            })),
            new("SELECT receipt by id, kept connection, prepared command reused", () => PerOperation(() => Read(_select))),
            new("SELECT receipt by id, kept connection, new command each time", () => PerOperation(() =>
            {
                using var select = SelectReceipt(_kept);
                Read(select);
            })),
            new("SELECT receipt by id, fresh pooled connection + PRAGMAs + new command", () => PerOperation(() =>
            {
                using var connection = OpenAsTheEngineDid();
                using var select = SelectReceipt(connection);
                Read(select);
            })),
        ];
    }

    /// <summary>The pieces: each measure returns microseconds per operation, of the wall clock and of CPU time.</summary>
    public IReadOnlyList<(string Name, Func<(double Wall, double Cpu)> Measure)> Blocks { get; }

    public void Dispose()
    {
        _select.Dispose();
        _insertReplay.Dispose();
        _insertReceipt.Dispose();
        _kept.Dispose();
    }

    /// <summary>
    /// The medians over <see cref="Batches"/> batches of microseconds per operation, of the wall clock and of this
    /// thread's CPU time (on a shared machine the first includes time other processes had the core; the second does not,
    /// nor does it include waiting for the disk), where one call of <paramref name="call"/> is
    /// <paramref name="operationsPerCall"/> operations and a batch lasts about <see cref="BatchLength"/>.
    /// </summary>
    private static (double Wall, double Cpu) PerOperation(Action call, int operationsPerCall = 1)
    {
        var calibration = Stopwatch.StartNew();
        var calls = 0;
        while (calibration.Elapsed < BatchLength / 2 || calls < 3)
        {
            call();
            calls++;
        }

        var callsPerBatch = Math.Max(3, (int)(calls * BatchLength / calibration.Elapsed));
        var wall = new double[Batches];
        var cpu = new double[Batches];
        for (var b = 0; b < Batches; b++)
        {
            var cpuStarted = ThreadCpu.Now();
            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < callsPerBatch; i++)
            {
                call();
            }

            wall[b] = Stopwatch.GetElapsedTime(started).TotalMicroseconds / (callsPerBatch * operationsPerCall);
            cpu[b] = (ThreadCpu.Now() - cpuStarted).TotalMicroseconds / (callsPerBatch * operationsPerCall);
        }

        Array.Sort(wall);
        Array.Sort(cpu);
        return (wall[Batches / 2], cpu[Batches / 2]);
    }

    private SqliteConnection OpenAsTheEngineDid()
    {
        var connection = new SqliteConnection(_pooled);
        connection.Open();
        Run(connection, PerOpenPragmas);
        return connection;
    }

    private (double, double) WithSynchronousFull(Func<(double, double)> measure)
    {
        Run(_kept, "PRAGMA synchronous=FULL;");
        try
        {
            return measure();
        }
        finally
        {
            Run(_kept, "PRAGMA synchronous=NORMAL;");
        }
    }

    // A commit that takes the WAL past 1,000 pages copies it back into the file and syncs the file; this leaves that to
    // the end, and then does it, so the next piece starts as the others do.
    private (double, double) WithoutAutomaticCheckpoints(Func<(double, double)> measure)
    {
        Run(_kept, "PRAGMA wal_autocheckpoint=0;");
        try
        {
            return measure();
        }
        finally
        {
            Run(_kept, "PRAGMA wal_autocheckpoint=1000; PRAGMA wal_checkpoint(PASSIVE);");
        }
    }

    private static SqliteCommand InsertReceipt(SqliteConnection connection)
    {
        var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO bot_receipts (id, body, keep_until) VALUES ($id, $body, $keep_until)";
        insert.Parameters.Add("$id", SqliteType.Text);
        insert.Parameters.Add("$body", SqliteType.Text);
        insert.Parameters.Add("$keep_until", SqliteType.Integer);
        return insert;
    }

    private void Insert(SqliteCommand insert)
    {
        var (body, keepUntil) = _bodies[_nextBody++ % Bodies];
        insert.Parameters["$id"].Value = PrefillRecords.RandomHex(32);
        insert.Parameters["$body"].Value = body;
        insert.Parameters["$keep_until"].Value = keepUntil;
        insert.ExecuteNonQuery();
    }

    private void InsertInOneTransaction(int rows)
    {
        using var transaction = _kept.BeginTransaction();
        _insertReceipt.Transaction = transaction;
        for (var i = 0; i < rows; i++)
        {
            Insert(_insertReceipt);
        }

        transaction.Commit();
        _insertReceipt.Transaction = null;
    }

    private static SqliteCommand SelectReceipt(SqliteConnection connection)
    {
        var select = connection.CreateCommand();
        select.CommandText = "SELECT body FROM bot_receipts WHERE id = $id";
        select.Parameters.Add("$id", SqliteType.Text);
        return select;
    }

    private void Read(SqliteCommand select)
    {
        var ids = _ids.Value;
        select.Parameters["$id"].Value = ids[_nextId++ % ids.Count];
        if (select.ExecuteScalar() is not string)
        {
            throw new InvalidOperationException("A receipt read back by its id was not found.");
        }
    }

    /// <summary>Ids of receipts spread over the whole table, found through random rowids.</summary>
    private List<string> SomeReceiptIds(int count)
    {
        using var last = _kept.CreateCommand();
        last.CommandText = "SELECT max(rowid) FROM bot_receipts";
        var maxRowId = Convert.ToInt64(last.ExecuteScalar(), CultureInfo.InvariantCulture);
        using var find = _kept.CreateCommand();
        find.CommandText = "SELECT id FROM bot_receipts WHERE rowid >= $rowid LIMIT 1";
        var rowId = find.Parameters.Add("$rowid", SqliteType.Integer);
        var ids = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            rowId.Value = Random.Shared.NextInt64(1, maxRowId + 1);
            ids.Add((string)find.ExecuteScalar()!);
        }

        return ids;
    }

    private static void Run(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>The CPU time the calling thread has used (Linux's <c>CLOCK_THREAD_CPUTIME_ID</c>); zero elsewhere.</summary>
    private static class ThreadCpu
    {
        private const int ClockThreadCpuTimeId = 3;

        public static TimeSpan Now() =>
            OperatingSystem.IsLinux() && ClockGetTime(ClockThreadCpuTimeId, out var time) == 0
                ? TimeSpan.FromTicks(time.Seconds * TimeSpan.TicksPerSecond + time.Nanoseconds / 100)
                : TimeSpan.Zero;

        [DllImport("libc", EntryPoint = "clock_gettime")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        private static extern int ClockGetTime(int clock, out TimeSpec time);

        [StructLayout(LayoutKind.Sequential)]
        private struct TimeSpec
        {
            public long Seconds;
            public long Nanoseconds;
        }
    }
}
