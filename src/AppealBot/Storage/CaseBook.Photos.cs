using System.Data.Common;
using AppealBot.Conversation;
using AppealBot.Evidence;

namespace AppealBot.Storage;

/// <summary>The photo check's findings and the buyer's choices, as the conversation reads and answers them.</summary>
internal sealed partial class CaseBook
{
    public async Task<IReadOnlyList<PhotoCheckRecord>> PhotoChecksAsync(long caseId)
    {
        return await sql.QueryAsync(
            """
            SELECT k.id, k.file_unique_id, k.findings, k.repeats, k.choice
            FROM photo_checks k JOIN cases c ON c.id = k.case_id
            WHERE k.case_id = @caseId AND c.user_id = @userId
            ORDER BY k.id;
            """,
            ReadCheck, ("@caseId", caseId), ("@userId", userId));
    }

    public async Task<bool> KeepPhotoAsync(long caseId, long checkId)
    {
        var changed = await sql.ExecuteAsync(
            """
            UPDATE photo_checks SET choice = 'keep'
            WHERE id = @id AND case_id = @caseId AND choice IS NULL AND case_id IN (SELECT id FROM cases WHERE user_id = @userId);
            """,
            ("@id", checkId), ("@caseId", caseId), ("@userId", userId));
        if (changed > 0)
        {
            _photosChanged.Add(caseId);
        }

        return changed > 0;
    }

    public async Task<bool> SetPhotoShowsAsync(long caseId, int number, string fileUniqueId, PhotoShows shows)
    {
        var changed = await sql.ExecuteAsync(
            """
            UPDATE case_photos SET shows = @shows
            WHERE case_id = @caseId AND position = @number AND file_unique_id = @fileUniqueId
              AND case_id IN (SELECT id FROM cases WHERE user_id = @userId);
            """,
            ("@shows", (int)shows), ("@caseId", caseId), ("@number", number), ("@fileUniqueId", fileUniqueId), ("@userId", userId));
        if (changed > 0)
        {
            _photosChanged.Add(caseId);
        }

        return changed > 0;
    }

    /// <summary>One row of photo_checks: id, file_unique_id, findings, repeats, choice.</summary>
    internal static PhotoCheckRecord ReadCheck(DbDataReader row) =>
        new(row.GetInt64(0), row.GetString(1), (PhotoFindings)row.Integer(2), row.Text(3), row.Text(4) == "keep");
}
