using System.Data.Common;

namespace AppealBot.Storage;

/// <summary>
/// One engine's side of one transaction: the few ways the update path runs SQL, so <see cref="UpdateTransaction"/>,
/// <see cref="CaseBook"/> and <see cref="ReminderStore"/> are written once, in SQL both engines take. Parameters are
/// named (<c>@name</c>); rows are read by column position; yes/no values go in as <see cref="bool"/> and come out with
/// <see cref="DbDataReader.GetBoolean"/>. Every failure arrives as a <see cref="StorageException"/>.
/// </summary>
internal interface ISqlSession : IAsyncDisposable
{
    /// <summary>What differs between the engines' SQL on the update path.</summary>
    SqlDialect Dialect { get; }

    ValueTask<int> ExecuteAsync(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters);

    /// <summary>The first column of the first row as a number; null for no row or SQL NULL.</summary>
    ValueTask<long?> NumberAsync(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters);

    ValueTask<List<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> read, params ReadOnlySpan<(string Name, object? Value)> parameters);

    Task CommitAsync(CancellationToken cancellationToken);
}

/// <param name="LockingRead">
/// Appended to the read of the user's row: nothing for SQLite (the write transaction already excludes every other
/// writer); <c>FOR UPDATE</c> for PostgreSQL, so two bots sharing a database handle one user's updates one at a time.
/// </param>
internal sealed record SqlDialect(string LockingRead)
{
    public static SqlDialect Sqlite { get; } = new(string.Empty);

    public static SqlDialect PostgreSql { get; } = new(" FOR UPDATE");
}
