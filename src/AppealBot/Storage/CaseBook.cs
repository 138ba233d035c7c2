using System.Data.Common;
using AppealBot.Conversation;

namespace AppealBot.Storage;

/// <summary>
/// One user's cases inside an update's transaction. Every case handed out is remembered and written
/// back by <see cref="SaveAsync"/>, so the conversation never has to say what it changed. The same SQL runs on both
/// engines (<see cref="ISqlSession"/>).
/// </summary>
internal sealed partial class CaseBook(ISqlSession sql, long userId) : ICaseBook
{
    /// <summary>Every case handed out, with its stored values when loaded, so only real changes are written.</summary>
    private readonly Dictionary<long, (Case Case, object?[] Loaded)> _loaded = [];

    /// <summary>Cases whose photos changed: work on a case even though none of its own fields did.</summary>
    private readonly HashSet<long> _photosChanged = [];

    public async Task<Case?> FindAsync(long caseId)
    {
        if (_loaded.TryGetValue(caseId, out var known))
        {
            return known.Case;
        }

        var rows = await sql.QueryAsync(
            $"SELECT {CaseColumns.Select} FROM cases WHERE id = @caseId AND user_id = @userId;", CaseColumns.Read, ("@caseId", caseId), ("@userId", userId));
        return rows.Count == 0 ? null : Track(rows[0]);
    }

    public async Task<IReadOnlyList<Case>> ListAsync()
    {
        var rows = await sql.QueryAsync(
            $"SELECT {CaseColumns.Select} FROM cases WHERE user_id = @userId ORDER BY outcome <> 'Open', id DESC;", CaseColumns.Read, ("@userId", userId));
        return [.. rows.Select(r => _loaded.TryGetValue(r.Id, out var known) ? known.Case : Track(r))];
    }

    public async Task<Case> OpenNewAsync(DateTimeOffset now)
    {
        var created = now.ToUnixTimeMilliseconds();
        var id = await sql.NumberAsync(
            """
            INSERT INTO cases (user_id, step, created_at, updated_at) VALUES (@userId, @step, @created, @created)
            RETURNING id;
            """,
            ("@userId", userId), ("@step", nameof(CaseStep.OrderNumber)), ("@created", created))
            ?? throw new InvalidOperationException("The new case has no id.");
        return Track(new Case { Id = id, UserId = userId, CreatedAt = now, UpdatedAt = now });
    }

    /// <summary>Writes the cases that changed since they were loaded, and returns them.</summary>
    public async Task<IReadOnlyList<Case>> SaveAsync(DateTimeOffset now)
    {
        var changed = new List<Case>();
        foreach (var (c, loaded) in _loaded.Values)
        {
            if (CaseColumns.Same(CaseColumns.Snapshot(c), loaded) && !_photosChanged.Contains(c.Id))
            {
                continue;
            }

            c.UpdatedAt = now;
            changed.Add(c);
            await sql.ExecuteAsync(
                $"UPDATE cases SET {CaseColumns.Set} WHERE id = @id AND user_id = @userId;",
                CaseColumns.UpdateParameters(c, CaseColumns.Snapshot(c)));
        }

        return changed;
    }

    public async Task<IReadOnlyList<CasePhoto>> PhotosAsync(long caseId)
    {
        var rows = await sql.QueryAsync(
            """
            SELECT p.position, p.file_id, p.file_unique_id, p.kind, p.file_size, p.mime_type, p.shows
            FROM case_photos p JOIN cases c ON c.id = p.case_id
            WHERE p.case_id = @caseId AND c.user_id = @userId
            ORDER BY p.position;
            """,
            PhotoRow.Read, ("@caseId", caseId), ("@userId", userId));
        return [.. rows.Select(r => r.ToPhoto())];
    }

    public async Task<CasePhoto> AddPhotoAsync(long caseId, PhotoFile file, DateTimeOffset now)
    {
        var number = await sql.NumberAsync(
            """
            INSERT INTO case_photos (case_id, position, file_id, file_unique_id, kind, file_size, mime_type, created_at)
            SELECT c.id, COALESCE((SELECT MAX(position) FROM case_photos WHERE case_id = c.id), 0) + 1,
                   @fileId, @fileUniqueId, @kind, @fileSize, @mimeType, @now
            FROM cases c WHERE c.id = @caseId AND c.user_id = @userId
            RETURNING position;
            """,
            ("@fileId", file.FileId), ("@fileUniqueId", file.FileUniqueId), ("@kind", PhotoRow.KindName(file.Kind)), ("@fileSize", file.FileSize),
            ("@mimeType", file.MimeType), ("@now", now.ToUnixTimeMilliseconds()), ("@caseId", caseId), ("@userId", userId))
            ?? throw new InvalidOperationException($"Case {caseId} is not one of user {userId}'s cases.");
        _photosChanged.Add(caseId);
        return new CasePhoto((int)number, file);
    }

    public async Task RemovePhotosAsync(long caseId, IReadOnlyCollection<int> numbers)
    {
        foreach (var number in numbers)
        {
            await sql.ExecuteAsync(
                """
                DELETE FROM case_photos
                WHERE case_id = @caseId AND position = @number AND case_id IN (SELECT id FROM cases WHERE user_id = @userId);
                """,
                ("@caseId", caseId), ("@number", number), ("@userId", userId));
        }

        // Ascending, each photo moves down into a number that is already free.
        var remaining = await sql.QueryAsync("SELECT position FROM case_photos WHERE case_id = @caseId ORDER BY position;", row => row.Integer(0), ("@caseId", caseId));
        var next = 1;
        foreach (var position in remaining)
        {
            if (position != next)
            {
                await sql.ExecuteAsync(
                    "UPDATE case_photos SET position = @next WHERE case_id = @caseId AND position = @position;",
                    ("@next", next), ("@caseId", caseId), ("@position", position));
            }

            next++;
        }

        _photosChanged.Add(caseId);
    }

    public async Task ClearPhotosAsync(long caseId)
    {
        await sql.ExecuteAsync(
            "DELETE FROM case_photos WHERE case_id = @caseId AND case_id IN (SELECT id FROM cases WHERE user_id = @userId);",
            ("@caseId", caseId), ("@userId", userId));
        _photosChanged.Add(caseId);
    }

    private Case Track(Case c)
    {
        _loaded[c.Id] = (c, CaseColumns.Snapshot(c));
        return c;
    }

    private sealed record PhotoRow(long Position, string FileId, string FileUniqueId, string Kind, long? FileSize, string? MimeType, long Shows)
    {
        public static PhotoRow Read(DbDataReader row) =>
            new(row.Integer(0), row.GetString(1), row.GetString(2), row.GetString(3), row.Number(4), row.Text(5), row.Integer(6));

        public static string KindName(PhotoKind kind) => kind == PhotoKind.Document ? "document" : "photo";

        public CasePhoto ToPhoto() => new((int)Position,
            new PhotoFile(FileId, FileUniqueId, Kind == "document" ? PhotoKind.Document : PhotoKind.Photo, FileSize, MimeType), (PhotoShows)Shows);
    }
}
