using AppealBot.Conversation;
using AppealBot.Evidence;
using Microsoft.Data.Sqlite;

namespace AppealBot.Storage;

/// <summary>A photo the check found something on, by its Telegram file; <see cref="Repeats"/> names the earlier photo it repeats.</summary>
internal sealed record PhotoFinding(string FileUniqueId, PhotoFindings Findings, string? Repeats);

/// <summary>Records what the photo check found while collages are made (outside any update), before the buyer is told.</summary>
internal interface IPhotoCheckStore
{
    /// <summary>
    /// Replaces the case's findings by <paramref name="findings"/> for the photos that were checked: a photo kept anyway
    /// stays kept unless something new was found on it; photos found clean lose their old findings. Returns every
    /// finding the case now has, answered or not.
    /// </summary>
    Task<IReadOnlyList<PhotoCheckRecord>> RecordAsync(long caseId, IReadOnlyCollection<string> checkedPhotos, IReadOnlyList<PhotoFinding> findings,
        CancellationToken cancellationToken);
}

internal sealed class PhotoCheckStore(Database database, TimeProvider time) : IPhotoCheckStore
{
    // Both engines run these as they are (PostgreSql/PostgreSqlPhotoCheckStore).
    internal const string ForgetCleanSql = "DELETE FROM photo_checks WHERE case_id = @caseId AND file_unique_id = @photo;";

    /// <summary>Only for a photo the case still has (the buyer may have cleared them meanwhile).</summary>
    internal const string RecordSql =
        """
        INSERT INTO photo_checks (case_id, file_unique_id, findings, repeats, choice, checked_at)
        SELECT case_id, file_unique_id, @findings, @repeats, NULL, @now FROM case_photos
        WHERE case_id = @caseId AND file_unique_id = @photo
        ON CONFLICT (case_id, file_unique_id) DO UPDATE SET
            choice = CASE WHEN (excluded.findings & ~photo_checks.findings) = 0 THEN photo_checks.choice END,
            findings = excluded.findings, repeats = excluded.repeats, checked_at = excluded.checked_at;
        """;

    /// <summary>The columns <see cref="CaseBook.ReadCheck"/> reads.</summary>
    internal const string AllOfCaseSql = "SELECT id, file_unique_id, findings, repeats, choice FROM photo_checks WHERE case_id = @caseId ORDER BY id;";

    public async Task<IReadOnlyList<PhotoCheckRecord>> RecordAsync(long caseId, IReadOnlyCollection<string> checkedPhotos, IReadOnlyList<PhotoFinding> findings,
        CancellationToken cancellationToken)
    {
        try
        {
            ArgumentNullException.ThrowIfNull(checkedPhotos);
            ArgumentNullException.ThrowIfNull(findings);
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = connection.BeginTransaction(deferred: false);
            using var sql = new Statements(connection) { Transaction = transaction };
            foreach (var clean in Clean(checkedPhotos, findings))
            {
                sql.Execute(ForgetCleanSql, ("@caseId", caseId), ("@photo", clean));
            }

            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            foreach (var finding in findings)
            {
                sql.Execute(RecordSql,
                    ("@findings", (long)finding.Findings), ("@repeats", finding.Repeats), ("@now", now), ("@caseId", caseId), ("@photo", finding.FileUniqueId));
            }

            var all = sql.Query(AllOfCaseSql, CaseBook.ReadCheck, ("@caseId", caseId));
            transaction.Commit();
            return all;
        }
        catch (SqliteException e)
        {
            throw StorageException.From(e);
        }
    }

    internal static IEnumerable<string> Clean(IReadOnlyCollection<string> checkedPhotos, IReadOnlyList<PhotoFinding> findings)
    {
        var flagged = findings.Select(f => f.FileUniqueId).ToHashSet(StringComparer.Ordinal);
        return checkedPhotos.Where(p => !flagged.Contains(p));
    }
}
