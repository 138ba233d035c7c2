using System.Diagnostics;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace AppealBot.Storage.PostgreSql;

/// <summary>What one table's copy moved.</summary>
internal sealed record CopiedTable(string Name, long Rows);

/// <summary>The SQLite database, copied into an empty PostgreSQL database at the same schema version.</summary>
internal sealed record CopyReport(IReadOnlyList<CopiedTable> Tables, TimeSpan Took);

/// <summary>The PostgreSQL database already holds the bot's data: copying into it would mix two bots' users.</summary>
internal sealed class TargetNotEmptyException(string table)
    : Exception($"The PostgreSQL database already has rows in {table}; copy into an empty database.");

/// <summary>
/// Moves a bot from SQLite to PostgreSQL: both schemas brought to this version's migrations, then every table copied
/// in the order its foreign keys need with PostgreSQL's binary COPY, all in one PostgreSQL transaction (a failed copy
/// leaves the target as empty as it was), the identity sequences moved past the copied ids, and the row counts
/// compared. Columns are taken from PostgreSQL's own description of each table, so a column both engines have is
/// never listed here; SQLite's 0/1 becomes PostgreSQL's BOOLEAN where the schema says so.
/// </summary>
internal sealed class SqliteToPostgreSqlCopy(Database source, PostgreSqlDatabase target, TimeProvider time)
{
    /// <summary>Parents before children; <c>schema_version</c> is written by the migrator, not copied.</summary>
    internal static readonly string[] Tables =
        ["users", "group_chats", "handled_updates", "cases", "case_photos", "photo_checks", "reminders", "inbox", "outbox"];

    public async Task<CopyReport> CopyAsync(CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.StartNew();
        await new Migrator(source, time, NullLogger<Migrator>.Instance).MigrateAsync(cancellationToken);
        await new PostgreSqlMigrator(target, time, NullLogger<PostgreSqlMigrator>.Instance).MigrateAsync(cancellationToken);

        await using var from = await source.OpenAsync(cancellationToken);
        await using var to = await target.OpenAsync(cancellationToken);
        await using var transaction = await to.BeginTransactionAsync(cancellationToken);
        foreach (var table in Tables)
        {
            if (await to.ExecuteScalarAsync<bool>($"SELECT EXISTS (SELECT 1 FROM {table});", transaction: transaction))
            {
                throw new TargetNotEmptyException(table);
            }
        }

        var copied = new List<CopiedTable>(Tables.Length);
        foreach (var table in Tables)
        {
            var rows = await CopyTableAsync(from, to, table, cancellationToken);
            var stored = await to.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table};", transaction: transaction);
            if (stored != rows)
            {
                throw new InvalidOperationException($"{table}: {rows} rows read from SQLite, {stored} in PostgreSQL.");
            }

            copied.Add(new CopiedTable(table, rows));
        }

        // Rows inserted later take ids after the copied ones.
        foreach (var identity in await IdentityColumnsAsync(to, transaction))
        {
            await to.ExecuteAsync(
                $"SELECT setval(pg_get_serial_sequence('{identity.TableName}', '{identity.ColumnName}'), COALESCE((SELECT MAX({identity.ColumnName}) FROM {identity.TableName}), 0) + 1, false);",
                transaction: transaction);
        }

        await transaction.CommitAsync(cancellationToken);
        return new CopyReport(copied, started.Elapsed);
    }

    private static async Task<long> CopyTableAsync(SqliteConnection from, NpgsqlConnection to, string table, CancellationToken cancellationToken)
    {
        var columns = (await to.QueryAsync<TargetColumn>(
            "SELECT column_name AS Name, data_type AS Type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @table ORDER BY ordinal_position;",
            new { table })).ToList();
        var names = string.Join(", ", columns.Select(c => c.Name));

        await using var read = from.CreateCommand();
        read.CommandText = $"SELECT {names} FROM {table};";
        await using var rows = await read.ExecuteReaderAsync(cancellationToken);
        await using var write = await to.BeginBinaryImportAsync($"COPY {table} ({names}) FROM STDIN (FORMAT BINARY);", cancellationToken);
        long count = 0;
        while (await rows.ReadAsync(cancellationToken))
        {
            await write.StartRowAsync(cancellationToken);
            for (var i = 0; i < columns.Count; i++)
            {
                await WriteAsync(write, rows, i, columns[i], cancellationToken);
            }

            count++;
        }

        await write.CompleteAsync(cancellationToken);
        return count;
    }

    private static Task WriteAsync(NpgsqlBinaryImporter write, SqliteDataReader row, int i, TargetColumn column, CancellationToken cancellationToken)
    {
        if (row.IsDBNull(i))
        {
            return write.WriteNullAsync(cancellationToken);
        }

        return column.Type switch
        {
            "bigint" => write.WriteAsync(row.GetInt64(i), NpgsqlDbType.Bigint, cancellationToken),
            "integer" => write.WriteAsync(checked((int)row.GetInt64(i)), NpgsqlDbType.Integer, cancellationToken),
            "boolean" => write.WriteAsync(row.GetInt64(i) != 0, NpgsqlDbType.Boolean, cancellationToken),
            "text" => write.WriteAsync(row.GetString(i), NpgsqlDbType.Text, cancellationToken),
            "bytea" => write.WriteAsync(row.GetFieldValue<byte[]>(i), NpgsqlDbType.Bytea, cancellationToken),
            var other => throw new NotSupportedException($"Column {column.Name}: PostgreSQL type {other} has no copy rule."),
        };
    }

    private static async Task<IReadOnlyList<IdentityColumn>> IdentityColumnsAsync(NpgsqlConnection to, NpgsqlTransaction transaction) =>
        [.. await to.QueryAsync<IdentityColumn>(
            "SELECT table_name AS TableName, column_name AS ColumnName FROM information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES';",
            transaction: transaction)];

    internal sealed record TargetColumn(string Name, string Type);

    internal sealed record IdentityColumn(string TableName, string ColumnName);
}
