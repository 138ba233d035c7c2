using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace AppealBot.Storage;

/// <summary>
/// SQL run through commands kept for the life of one connection, so SQLite compiles each statement once instead
/// of on every call (Microsoft.Data.Sqlite reuses a compiled statement only within the same command object).
/// Parameters are bound by name, in the same order on every call; each query comes with the function that reads
/// its row (by column position, in the order the SELECT names them).
/// </summary>
internal sealed class Statements(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    /// <summary>The transaction every statement runs in; set by whoever begins it.</summary>
    public SqliteTransaction? Transaction { get; set; }

    public int Execute(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters) =>
        Command(sql, parameters).ExecuteNonQuery();

    public T? Scalar<T>(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters) =>
        Command(sql, parameters).ExecuteScalar() is { } value and not DBNull ? (T)value : default;

    public List<T> Query<T>(string sql, Func<DbDataReader, T> read, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        using var reader = Command(sql, parameters).ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    public T? QuerySingleOrDefault<T>(string sql, Func<DbDataReader, T> read, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        var rows = Query(sql, read, parameters);
        return rows.Count switch
        {
            0 => default,
            1 => rows[0],
            _ => throw new InvalidOperationException("The query returned more than one row."),
        };
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
    }

    private SqliteCommand Command(string sql, ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, _) in parameters)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            _commands.Add(sql, command);
        }

        command.Transaction = Transaction;
        if (command.Parameters.Count != parameters.Length)
        {
            throw new ArgumentException($"The statement was prepared with {command.Parameters.Count} parameters, not {parameters.Length}.", nameof(parameters));
        }

        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = command.Parameters[i];
            if (!string.Equals(parameter.ParameterName, parameters[i].Name, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Parameter {i} is {parameter.ParameterName}, not {parameters[i].Name}.", nameof(parameters));
            }

            parameter.Value = parameters[i].Value ?? DBNull.Value;
        }

        return command;
    }
}

/// <summary>Reading columns by position, with SQL NULL as null.</summary>
internal static class RowReading
{
    public static string? Text(this DbDataReader row, int column) => row.IsDBNull(column) ? null : row.GetString(column);

    public static long? Number(this DbDataReader row, int column) => row.IsDBNull(column) ? null : row.Integer(column);

    /// <summary>An integer column of either width: PostgreSQL's INTEGER arrives as an int, SQLite's integers always as longs.</summary>
    public static long Integer(this DbDataReader row, int column) => row.GetFieldType(column) == typeof(int) ? row.GetInt32(column) : row.GetInt64(column);
}
