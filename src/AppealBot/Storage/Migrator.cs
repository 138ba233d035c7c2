using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Extensions.Logging;

namespace AppealBot.Storage;

/// <summary>
/// Applies the numbered SQL scripts embedded under <c>Storage/Migrations</c>, in order, once each,
/// inside one transaction, and records them in <c>schema_version</c>.
/// </summary>
internal sealed partial class Migrator(Database database, TimeProvider time, ILogger<Migrator> logger)
{
    public static IReadOnlyList<Migration> Known { get; } = LoadEmbedded();

    public static int LatestVersion => Known[^1].Version;

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
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

        var current = await connection.ExecuteScalarAsync<int?>(
            "SELECT MAX(version) FROM schema_version;", transaction: transaction) ?? 0;
        if (current > LatestVersion)
        {
            throw new SchemaTooNewException(current, LatestVersion);
        }

        foreach (var migration in Known.Where(m => m.Version > current))
        {
            await connection.ExecuteAsync(migration.Sql, transaction: transaction);
            await connection.ExecuteAsync(
                "INSERT INTO schema_version (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt);",
                new { migration.Version, migration.Name, AppliedAt = time.GetUtcNow().ToUnixTimeMilliseconds() },
                transaction);
            LogApplied(migration.Version, migration.Name);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static List<Migration> LoadEmbedded()
    {
        var assembly = typeof(Migrator).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = MigrationName().Match(resource);
            if (!match.Success)
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(int.Parse(match.Groups["version"].Value, System.Globalization.CultureInfo.InvariantCulture),
                match.Groups["name"].Value, reader.ReadToEnd()));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException($"Migration scripts must be numbered 1, 2, 3…; found {migrations[i].Version} at position {i + 1}.");
            }
        }

        return migrations;
    }

    [GeneratedRegex(@"^migrations/(?<version>\d{3})_(?<name>[a-z0-9_]+)\.sql$")]
    private static partial Regex MigrationName();

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied database migration {Version} ({Name})")]
    private partial void LogApplied(int version, string name);
}

internal sealed record Migration(int Version, string Name, string Sql);

internal sealed class SchemaTooNewException(int found, int known)
    : Exception($"The database has schema version {found}, but this build of AppealBot knows only up to {known}. Run a newer AppealBot, or restore a backup made by this version.");
