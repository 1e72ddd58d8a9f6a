namespace OneTimeBot.Core.Storage;

/// <summary>
/// The tables one store keeps in the shared SQLite file: idempotent DDL, and the migrations that bring a file an older
/// version left up to what the DDL expects. <see cref="SqliteDatabase"/> prepares each schema once per process, in one
/// immediate transaction, so of two processes opening an old file only one migrates it.
/// </summary>
public sealed class SqliteSchema(string ddl, params SqliteMigration[] migrations)
{
    public string Ddl { get; } = ddl ?? throw new ArgumentNullException(nameof(ddl));

    /// <summary>Run in order before <see cref="Ddl"/>, each only on a file that needs it.</summary>
    public IReadOnlyList<SqliteMigration> Migrations { get; } = migrations;
}

/// <summary>A change a file written by an older version needs: <see cref="Script"/> runs when <see cref="Probe"/> counts more than zero.</summary>
public sealed record SqliteMigration(string Probe, string Script);
