using AppealBot.Storage;
using AppealBot.Storage.PostgreSql;
using AppealBot.Tests.TestKit.PostgreSql;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Xunit.Abstractions;

namespace AppealBot.Tests.Storage;

public sealed class PostgreSqlMigrationTests(ITestOutputHelper output)
{
    [Fact]
    public void Both_engines_have_the_same_numbered_migrations()
    {
        // A migration added for one engine only fails here, with or without a PostgreSQL server.
        Assert.Equal(
            AppealBot.Storage.Migrator.Known.Select(m => $"{m.Version:000}_{m.Name}"),
            PostgreSqlMigrator.Known.Select(m => $"{m.Version:000}_{m.Name}"));
    }

    [PostgreSqlFact(SaysWhySkipped = true)]
    public async Task The_throwaway_server_is_PostgreSQL_15_or_later()
    {
        await using var database = await PostgreSqlServer.CreateDatabaseAsync();
        await using var connection = new NpgsqlConnection(database.ConnectionString);

        var version = await connection.ExecuteScalarAsync<int>("SELECT current_setting('server_version_num')::int;");

        Assert.True(version >= 150000, $"server_version_num {version}");
        output.WriteLine($"PostgreSQL {version}, ready in {PostgreSqlServer.StartTime.TotalMilliseconds:0} ms");
    }

    [PostgreSqlFact]
    public async Task Migrations_apply_to_an_empty_database_and_a_second_run_changes_nothing()
    {
        await using var database = await PostgreSqlServer.CreateDatabaseAsync();
        await using var engine = new PostgreSqlDatabase(database.ConnectionString);

        await MigratorOn(engine).MigrateAsync();
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.ExecuteAsync("INSERT INTO users (id, chat_id, language, created_at, updated_at) VALUES (2001, 2001, 'ru', 1, 1);");
        var recorded = (await connection.QueryAsync<(int, long)>("SELECT version, applied_at FROM schema_version ORDER BY version;")).ToList();
        await MigratorOn(engine).MigrateAsync();

        Assert.Equal(PostgreSqlMigrator.Known.Select(m => m.Version), recorded.Select(r => r.Item1));
        Assert.Equal(recorded, await connection.QueryAsync<(int, long)>("SELECT version, applied_at FROM schema_version ORDER BY version;"));
        Assert.Equal(["ru"], await connection.QueryAsync<string>("SELECT language FROM users WHERE id = 2001;"));
    }

    [PostgreSqlFact]
    public async Task Bots_starting_together_take_turns_and_apply_each_migration_once()
    {
        await using var database = await PostgreSqlServer.CreateDatabaseAsync();
        // Four bots, each with its own pool, as separate processes would be.
        var engines = Enumerable.Range(0, 4).Select(_ => new PostgreSqlDatabase(database.ConnectionString)).ToList();
        try
        {
            await Task.WhenAll(engines.Select(e => Task.Run(() => MigratorOn(e).MigrateAsync())));
        }
        finally
        {
            foreach (var engine in engines)
            {
                await engine.DisposeAsync();
            }
        }

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        Assert.Equal(PostgreSqlMigrator.Known.Select(m => m.Version), await connection.QueryAsync<int>("SELECT version FROM schema_version ORDER BY version;"));
    }

    [PostgreSqlFact]
    public async Task A_database_from_a_newer_version_is_refused()
    {
        await using var database = await PostgreSqlServer.CreateDatabaseAsync();
        await using var engine = new PostgreSqlDatabase(database.ConnectionString);
        await MigratorOn(engine).MigrateAsync();
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.ExecuteAsync("INSERT INTO schema_version (version, name, applied_at) VALUES (999, 'future', 0);");

        var refused = await Assert.ThrowsAsync<SchemaTooNewException>(() => MigratorOn(engine).MigrateAsync());

        Assert.Contains("999", refused.Message, StringComparison.Ordinal);
    }

    [PostgreSqlFact]
    public async Task Both_engines_end_with_the_same_tables_columns_and_indexes()
    {
        await using var database = await PostgreSqlServer.CreateDatabaseAsync();
        await using (var engine = new PostgreSqlDatabase(database.ConnectionString))
        {
            await MigratorOn(engine).MigrateAsync();
        }

        var path = Path.Combine(Directory.CreateTempSubdirectory("appealbot-schema-").FullName, "bot.db");
        await new AppealBot.Storage.Migrator(new Database($"Data Source={path}"), TimeProvider.System, NullLogger<AppealBot.Storage.Migrator>.Instance).MigrateAsync();

        await using var sqlite = new SqliteConnection($"Data Source={path}");
        var sqliteColumns = await sqlite.QueryAsync<string>(
            """
            SELECT m.name || '.' || c.name || ' ' || upper(c.type) || CASE WHEN c."notnull" = 1 OR c.pk > 0 THEN ' NOT NULL' ELSE '' END
            FROM sqlite_master m, pragma_table_info(m.name) c
            WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
            """);
        var sqliteIndexes = await sqlite.QueryAsync<string>(
            """
            SELECT l.name || CASE WHEN l."unique" = 1 THEN ' UNIQUE' ELSE '' END || ' ('
                || (SELECT group_concat(name, ', ') FROM (SELECT i.name FROM pragma_index_info(l.name) i ORDER BY i.seqno)) || ')'
            FROM sqlite_master m, pragma_index_list(m.name) l
            WHERE m.type = 'table' AND l.origin = 'c'
            """);

        await using var postgres = new NpgsqlConnection(database.ConnectionString);
        // Each PostgreSQL type stands for the SQLite type the same column has (SQLite keeps booleans as 0/1 integers).
        var postgresColumns = await postgres.QueryAsync<string>(
            """
            SELECT table_name || '.' || column_name || ' '
                || CASE data_type WHEN 'bigint' THEN 'INTEGER' WHEN 'integer' THEN 'INTEGER' WHEN 'boolean' THEN 'INTEGER'
                                  WHEN 'text' THEN 'TEXT' WHEN 'bytea' THEN 'BLOB' ELSE data_type END
                || CASE WHEN is_nullable = 'NO' THEN ' NOT NULL' ELSE '' END
            FROM information_schema.columns WHERE table_schema = 'public'
            """);
        // Indexes created by name; those behind PRIMARY KEY and UNIQUE constraints are SQLite's automatic ones.
        var postgresIndexes = await postgres.QueryAsync<string>(
            """
            SELECT c.relname || CASE WHEN x.indisunique THEN ' UNIQUE' ELSE '' END || ' ('
                || (SELECT string_agg(a.attname, ', ' ORDER BY k.ord)
                    FROM unnest(x.indkey) WITH ORDINALITY k (attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum) || ')'
            FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)
            """);

        Assert.Equal(sqliteColumns.Order(StringComparer.Ordinal), postgresColumns.Order(StringComparer.Ordinal));
        Assert.Equal(sqliteIndexes.Order(StringComparer.Ordinal), postgresIndexes.Order(StringComparer.Ordinal));
        SqliteConnection.ClearAllPools();
    }

    private static PostgreSqlMigrator MigratorOn(PostgreSqlDatabase engine) =>
        new(engine, TimeProvider.System, NullLogger<PostgreSqlMigrator>.Instance);
}
