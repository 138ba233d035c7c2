using System.Data.Common;
using Npgsql;

namespace AppealBot.Storage.PostgreSql;

/// <summary>
/// PostgreSQL's side of one transaction: a pooled connection of its own, asynchronous I/O. The update path's SQL is the
/// engines' shared text (read by column position), so it runs as plain Npgsql commands: Dapper.AOT generates typed
/// rows but does not hand out a reader. Statements are prepared by Npgsql's automatic preparation
/// (<see cref="PostgreSqlDatabase"/>), the counterpart of SQLite's <see cref="Statements"/>. Disposing it rolls back
/// what was not committed and gives the connection back to the pool.
/// </summary>
internal sealed class PostgreSqlSession(NpgsqlConnection connection, NpgsqlTransaction transaction) : ISqlSession
{
    public SqlDialect Dialect => SqlDialect.PostgreSql;

    public ValueTask<int> ExecuteAsync(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters) =>
        new(ExecuteAsync(Command(sql, parameters)));

    public ValueTask<long?> NumberAsync(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters) =>
        new(NumberAsync(Command(sql, parameters)));

    public ValueTask<List<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> read, params ReadOnlySpan<(string Name, object? Value)> parameters) =>
        new(QueryAsync(Command(sql, parameters), read));

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await transaction.CommitAsync(cancellationToken);
        }
        catch (NpgsqlException e)
        {
            throw PostgreSqlErrors.From(e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await transaction.DisposeAsync();
        }
        finally
        {
            await connection.DisposeAsync();
        }
    }

    private NpgsqlCommand Command(string sql, ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter(name, value ?? DBNull.Value));
        }

        return command;
    }

    private static async Task<int> ExecuteAsync(NpgsqlCommand command)
    {
        await using (command)
        {
            try
            {
                return await command.ExecuteNonQueryAsync();
            }
            catch (NpgsqlException e)
            {
                throw PostgreSqlErrors.From(e);
            }
        }
    }

    private static async Task<long?> NumberAsync(NpgsqlCommand command)
    {
        await using (command)
        {
            try
            {
                var value = await command.ExecuteScalarAsync();
                return value is null or DBNull ? null : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (NpgsqlException e)
            {
                throw PostgreSqlErrors.From(e);
            }
        }
    }

    private static async Task<List<T>> QueryAsync<T>(NpgsqlCommand command, Func<DbDataReader, T> read)
    {
        await using (command)
        {
            try
            {
                await using var reader = await command.ExecuteReaderAsync();
                var rows = new List<T>();
                while (await reader.ReadAsync())
                {
                    rows.Add(read(reader));
                }

                return rows;
            }
            catch (NpgsqlException e)
            {
                throw PostgreSqlErrors.From(e);
            }
        }
    }
}
