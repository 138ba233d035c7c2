using System.Data.Common;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace AppealBot.Storage;

/// <summary>
/// Applies the numbered SQL scripts embedded under <c>Storage/Migrations</c>, in order, once each,
/// inside one transaction, and records them in <c>schema_version</c>. Numbers may have gaps (a script from another
/// branch comes later); every script not yet recorded is applied.
/// </summary>
internal sealed partial class Migrator(Database database, TimeProvider time, ILogger<Migrator> logger)
{
    public static IReadOnlyList<Migration> Known { get; } = LoadEmbedded("migrations/");

    public static int LatestVersion => Known[^1].Version;

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await connection.ExecuteAsync("PRAGMA journal_mode = WAL;");
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(
                """
                CREATE TABLE IF NOT EXISTS schema_version (
                    version    INTEGER PRIMARY KEY,
                    name       TEXT    NOT NULL,
                    applied_at INTEGER NOT NULL
                ) STRICT;
                """,
                transaction: transaction);

            await ApplyPendingAsync(connection, transaction, Known, time, migration => LogApplied(migration.Version, migration.Name));
            await transaction.CommitAsync(cancellationToken);
        }
        catch (SqliteException e)
        {
            throw StorageException.From(e);
        }
    }

    /// <summary>
    /// Inside the caller's transaction, with <c>schema_version</c> in place: refuses a database newer than
    /// <paramref name="known"/>, then runs and records every script not yet recorded. The same for both engines.
    /// </summary>
    internal static async Task ApplyPendingAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<Migration> known, TimeProvider time, Action<Migration> applied)
    {
        var recorded = (await connection.QueryAsync<int>("SELECT version FROM schema_version;", transaction: transaction)).ToList();
        if (recorded.Count > 0 && recorded.Max() > known[^1].Version)
        {
            throw new SchemaTooNewException(recorded.Max(), known[^1].Version);
        }

        foreach (var migration in Pending(known, recorded))
        {
            await connection.ExecuteAsync(migration.Sql, transaction: transaction);
            await connection.ExecuteAsync(
                "INSERT INTO schema_version (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt);",
                new { migration.Version, migration.Name, AppliedAt = time.GetUtcNow().ToUnixTimeMilliseconds() },
                transaction);
            applied(migration);
        }
    }

    /// <summary>
    /// The known scripts not yet applied, in order. By what is recorded, not by the highest number: branches add
    /// numbers independently, so a database may have 010 and still need 009 when that arrives.
    /// </summary>
    public static IReadOnlyList<Migration> Pending(IEnumerable<int> applied) => Pending(Known, applied);

    internal static IReadOnlyList<Migration> Pending(IReadOnlyList<Migration> known, IEnumerable<int> applied)
    {
        var done = applied.ToHashSet();
        return [.. known.Where(m => !done.Contains(m.Version))];
    }

    /// <summary>The scripts embedded under one logical folder (each engine has its own), in order of their numbers.</summary>
    internal static List<Migration> LoadEmbedded(string folder)
    {
        var assembly = typeof(Migrator).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(folder, StringComparison.Ordinal) || MigrationName().Match(resource[folder.Length..]) is not { Success: true } match)
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(int.Parse(match.Groups["version"].Value, System.Globalization.CultureInfo.InvariantCulture),
                match.Groups["name"].Value, reader.ReadToEnd()));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 1; i < migrations.Count; i++)
        {
            if (migrations[i].Version == migrations[i - 1].Version)
            {
                throw new InvalidOperationException($"Two migration scripts have the number {migrations[i].Version}.");
            }
        }

        return migrations;
    }

    [GeneratedRegex(@"^(?<version>\d{3})_(?<name>[a-z0-9_]+)\.sql$")]
    private static partial Regex MigrationName();

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied database migration {Version} ({Name})")]
    private partial void LogApplied(int version, string name);
}

internal sealed record Migration(int Version, string Name, string Sql);

internal sealed class SchemaTooNewException(int found, int known)
    : Exception($"The database has schema version {found}, but this build of AppealBot knows only up to {known}. Run a newer AppealBot, or restore a backup made by this version.");
