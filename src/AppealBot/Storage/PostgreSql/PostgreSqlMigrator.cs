using Dapper;
using Microsoft.Extensions.Logging;

namespace AppealBot.Storage.PostgreSql;

/// <summary>
/// The PostgreSQL twin of <see cref="Migrator"/>, with the same rules: the numbered scripts under
/// <c>Storage/PostgreSql/Migrations</c> (the same numbers as SQLite's), every one not yet recorded in
/// <c>schema_version</c>, in order, in one transaction; a database newer than the code is refused. Several bots
/// starting at once against one database take turns: an advisory lock held until the commit.
/// </summary>
internal sealed partial class PostgreSqlMigrator(PostgreSqlDatabase database, TimeProvider time, ILogger<PostgreSqlMigrator> logger)
{
    public static IReadOnlyList<Migration> Known { get; } = Migrator.LoadEmbedded("postgresql-migrations/");

    public static int LatestVersion => Known[^1].Version;

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // First, before even CREATE TABLE IF NOT EXISTS, which races with itself in PostgreSQL. Released by the commit
        // (or the rollback); the next migrator then reads what this one recorded.
        await connection.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtext('appealbot schema migration'));", transaction: transaction);
        await connection.ExecuteAsync(
            """
            CREATE TABLE IF NOT EXISTS schema_version (
                version    INTEGER PRIMARY KEY,
                name       TEXT    NOT NULL,
                applied_at BIGINT  NOT NULL
            );
            """,
            transaction: transaction);

        await Migrator.ApplyPendingAsync(connection, transaction, Known, time, migration => LogApplied(migration.Version, migration.Name));
        await transaction.CommitAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied PostgreSQL migration {Version} ({Name})")]
    private partial void LogApplied(int version, string name);
}
