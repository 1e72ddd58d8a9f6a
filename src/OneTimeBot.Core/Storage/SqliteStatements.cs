using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace OneTimeBot.Core.Storage;

/// <summary>
/// The statements run on one of <see cref="SqliteDatabase"/>'s connections, each compiled on its first use and kept:
/// compiling costs more than running the small statements the stores use, and a kept statement keeps its compiled form.
/// Handed to the work a store gives the database, and valid only while that work runs.
/// </summary>
public sealed class SqliteStatements : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);

    internal SqliteStatements(SqliteConnection connection) => Connection = connection;

    internal SqliteConnection Connection { get; }

    /// <summary>The statement for <paramref name="sql"/>, compiled once per connection, with these arguments bound.</summary>
    [SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification = "Statements are the stores' own constants; every value travels as a parameter.")]
    public SqliteCommand Prepare(string sql, IEnumerable<(string Name, object? Value)> arguments)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(arguments);
        if (!_prepared.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            _prepared.Add(sql, command);
        }

        command.Parameters.Clear();
        foreach (var (name, value) in arguments)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    /// <summary>Runs a statement that changes rows; returns how many it changed.</summary>
    public int Execute(string sql, IEnumerable<(string Name, object? Value)> arguments)
    {
        var command = Prepare(sql, arguments);
        try
        {
            return command.ExecuteNonQuery();
        }
        finally
        {
            // A kept statement should not keep what it last wrote (a ciphertext, a sealed key) until its next use.
            command.Parameters.Clear();
        }
    }

    /// <summary>The first column of the first row the statement returns, or null.</summary>
    public object? Scalar(string sql, IEnumerable<(string Name, object? Value)> arguments)
    {
        var command = Prepare(sql, arguments);
        try
        {
            return command.ExecuteScalar();
        }
        finally
        {
            command.Parameters.Clear();
        }
    }

    public void Dispose()
    {
        foreach (var command in _prepared.Values)
        {
            command.Dispose();
        }

        _prepared.Clear();
    }
}
