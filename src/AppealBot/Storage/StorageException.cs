using Microsoft.Data.Sqlite;

namespace AppealBot.Storage;

/// <summary>
/// The one failure Storage reports, whatever the database said. <see cref="IsTransient"/>: the database is busy, full,
/// read-only or unreachable, so the same work may succeed later (retry later, lose nothing). Otherwise the database
/// refused this particular write for good (a constraint, a value it cannot hold): trying again would fail again
/// (give up on it).
/// </summary>
internal sealed class StorageException : Exception
{
    private const int Constraint = 19;
    private const int ConstraintTrigger = 19 | (7 << 8);
    private const int TooBig = 18;
    private const int Mismatch = 20;
    private const int Range = 25;
    private const int Busy = 5;

    public StorageException()
    {
    }

    public StorageException(string message)
        : base(message)
    {
    }

    public StorageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>For another engine's failure, classified by that engine (<c>PostgreSql/PostgreSqlErrors</c>).</summary>
    internal StorageException(string message, Exception innerException, bool isTransient)
        : base(message, innerException)
    {
        IsTransient = isTransient;
    }

    private StorageException(SqliteException e)
        : base($"SQLite error {e.SqliteErrorCode}/{e.SqliteExtendedErrorCode}: {e.Message}", e)
    {
        Code = e.SqliteErrorCode;
        ExtendedCode = e.SqliteExtendedErrorCode;

        // A trigger's RAISE is how a database is made to refuse writes for a while (a full disk, an operator): transient.
        IsTransient = e.SqliteErrorCode is not (TooBig or Mismatch or Range)
            && !(e.SqliteErrorCode == Constraint && e.SqliteExtendedErrorCode != ConstraintTrigger);
    }

    /// <summary>True: try again later. False: this work can never be stored.</summary>
    public bool IsTransient { get; } = true;

    /// <summary>Another connection holds the database (another AppealBot, a backup) longer than the busy timeout.</summary>
    public bool IsBusy => Code == Busy;

    /// <summary>SQLite's primary and extended result codes, for logs (they carry no user data).</summary>
    public int Code { get; }

    public int ExtendedCode { get; }

    internal static StorageException From(SqliteException e) => new(e);

    internal static async Task Translate(Func<Task> work)
    {
        try
        {
            await work();
        }
        catch (SqliteException e)
        {
            throw From(e);
        }
    }

    internal static T Translate<T>(Func<T> work)
    {
        try
        {
            return work();
        }
        catch (SqliteException e)
        {
            throw From(e);
        }
    }
}
