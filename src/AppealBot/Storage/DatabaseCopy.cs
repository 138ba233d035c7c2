using Dapper;
using Microsoft.Data.Sqlite;

namespace AppealBot.Storage;

/// <summary>Consistent copies of the database with SQLite's online backup, safe while the bot runs.</summary>
internal sealed class DatabaseCopy(Database database)
{
    /// <summary>
    /// Copies the live database into <paramref name="file"/> and checks the copy. The copy is written under a
    /// temporary name and renamed at the end, so a failed backup never leaves a broken file under the real name.
    /// </summary>
    public async Task BackupAsync(string file, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!File.Exists(database.FilePath))
            {
                throw new FileNotFoundException($"There is no database at {database.FilePath} to back up.", database.FilePath);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            var partial = file + ".partial";
            await using (var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database.FilePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
            {
                await source.OpenAsync(cancellationToken);
                await using var target = await OpenFileAsync(partial, cancellationToken);
                source.BackupDatabase(target);
                await CheckAsync(target);
            }

            File.Move(partial, file, overwrite: true);
        }
        catch (SqliteException e)
        {
            throw StorageException.From(e);
        }
    }

    /// <summary>
    /// Replaces the database's content with the backup in <paramref name="file"/>, after checking it and keeping
    /// the current content as <c>&lt;database&gt;.before-restore-&lt;time&gt;</c>. Returns that safety copy's path.
    /// The bot must be stopped: a running bot holding the database makes this fail instead of mixing the two.
    /// </summary>
    public async Task<string> RestoreAsync(string file, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!File.Exists(file))
            {
                throw new FileNotFoundException($"There is no backup at {file}.", file);
            }

            await using var backup = await OpenFileAsync(file, cancellationToken);
            await CheckAsync(backup);
            var version = await backup.ExecuteScalarAsync<int?>("SELECT MAX(version) FROM schema_version;") ?? 0;
            if (version > Migrator.LatestVersion)
            {
                throw new SchemaTooNewException(version, Migrator.LatestVersion);
            }

            var safetyCopy = $"{database.FilePath}.before-restore-{now:yyyyMMdd-HHmmss}";
            await using var live = await database.OpenAsync(cancellationToken);
            await live.ExecuteAsync("PRAGMA busy_timeout = 0;");
            live.DefaultTimeout = 1;
            await using (var exclusive = live.BeginTransaction(deferred: false))
            {
                // Fails at once (SQLITE_BUSY) when the bot is running and writing.
                exclusive.Rollback();
            }

            await using (var copy = await OpenFileAsync(safetyCopy, cancellationToken))
            {
                live.BackupDatabase(copy);
            }

            backup.BackupDatabase(live);
            return safetyCopy;
        }
        catch (SqliteException e)
        {
            throw StorageException.From(e);
        }
    }

    private static async Task CheckAsync(SqliteConnection connection)
    {
        var result = await connection.ExecuteScalarAsync<string?>("PRAGMA integrity_check;");
        if (result != "ok")
        {
            throw new InvalidDataException($"The database copy failed its integrity check: {result}.");
        }

        if (await connection.ExecuteScalarAsync<long?>("SELECT 1 FROM sqlite_master WHERE name = 'schema_version';") is null)
        {
            throw new InvalidDataException("This file is not an AppealBot database (it has no schema_version table).");
        }
    }

    private static async Task<SqliteConnection> OpenFileAsync(string file, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(FileConnectionString(file));
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static string FileConnectionString(string file) =>
        new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString();
}
