using System.Data.Common;
using System.Globalization;
using AppealBot.Conversation;

namespace AppealBot.Storage;

/// <summary>
/// One user's cases inside an update's transaction. Every case handed out is remembered and written
/// back by <see cref="SaveAsync"/>, so the conversation never has to say what it changed.
/// </summary>
internal sealed partial class CaseBook(Statements sql, long userId) : ICaseBook
{
    private const string Columns =
        """
        id, user_id, step, order_number, problem, dispute_claim, dispute_amount, dispute_currency, dispute_closed_on,
        reasons_answered, reasons, evidence_ready, compensation, compensation_amount, compensation_currency,
        filings, filed_on, check_back_due, decision_delays, decision_due, rejections, refund_amount, refund_currency,
        refund_due, outcome, paused, created_at, updated_at, facts, facts_answered, evidence_filed, editing, return_step
        """;

    /// <summary>Every case handed out, with how it looked when loaded, so only real changes are written.</summary>
    private readonly Dictionary<long, (Case Case, CaseRow Loaded)> _loaded = [];

    /// <summary>Cases whose photos changed: work on a case even though none of its own fields did.</summary>
    private readonly HashSet<long> _photosChanged = [];

    public Task<Case?> FindAsync(long caseId)
    {
        if (_loaded.TryGetValue(caseId, out var known))
        {
            return Task.FromResult<Case?>(known.Case);
        }

        var row = StorageException.Translate(() => sql.QuerySingleOrDefault(
            $"SELECT {Columns} FROM cases WHERE id = @caseId AND user_id = @userId;", CaseRow.Read, ("@caseId", caseId), ("@userId", userId)));
        return Task.FromResult(row is null ? null : Track(row.ToCase()));
    }

    public Task<IReadOnlyList<Case>> ListAsync()
    {
        var rows = sql.Query(
            $"SELECT {Columns} FROM cases WHERE user_id = @userId ORDER BY outcome <> 'Open', id DESC;", CaseRow.Read, ("@userId", userId));
        return Task.FromResult<IReadOnlyList<Case>>([.. rows.Select(r => _loaded.TryGetValue(r.Id, out var known) ? known.Case : Track(r.ToCase()))]);
    }

    public Task<Case> OpenNewAsync(DateTimeOffset now)
    {
        var created = now.ToUnixTimeMilliseconds();
        var id = sql.Scalar<long>(
            """
            INSERT INTO cases (user_id, step, created_at, updated_at) VALUES (@userId, @step, @created, @created)
            RETURNING id;
            """,
            ("@userId", userId), ("@step", nameof(CaseStep.OrderNumber)), ("@created", created));
        return Task.FromResult(Track(new Case { Id = id, UserId = userId, CreatedAt = now, UpdatedAt = now }));
    }

    /// <summary>Writes the cases that changed since they were loaded, and returns them.</summary>
    public IReadOnlyList<Case> Save(DateTimeOffset now)
    {
        var changed = new List<Case>();
        foreach (var (c, loaded) in _loaded.Values)
        {
            if (CaseRow.From(c) == loaded && !_photosChanged.Contains(c.Id))
            {
                continue;
            }

            c.UpdatedAt = now;
            changed.Add(c);
            var row = CaseRow.From(c);
            sql.Execute(
                """
                UPDATE cases SET
                    step = @step, order_number = @orderNumber, problem = @problem, dispute_claim = @disputeClaim,
                    dispute_amount = @disputeAmount, dispute_currency = @disputeCurrency, dispute_closed_on = @disputeClosedOn,
                    reasons_answered = @reasonsAnswered, reasons = @reasons, evidence_ready = @evidenceReady,
                    compensation = @compensation, compensation_amount = @compensationAmount, compensation_currency = @compensationCurrency,
                    filings = @filings, filed_on = @filedOn, check_back_due = @checkBackDue, decision_delays = @decisionDelays,
                    decision_due = @decisionDue, rejections = @rejections, refund_amount = @refundAmount, refund_currency = @refundCurrency,
                    refund_due = @refundDue, outcome = @outcome, paused = @paused, updated_at = @updatedAt,
                    facts = @facts, facts_answered = @factsAnswered, evidence_filed = @evidenceFiled, editing = @editing, return_step = @returnStep
                WHERE id = @id AND user_id = @userId;
                """,
                ("@step", row.Step), ("@orderNumber", row.OrderNumber), ("@problem", row.Problem), ("@disputeClaim", row.DisputeClaim),
                ("@disputeAmount", row.DisputeAmount), ("@disputeCurrency", row.DisputeCurrency), ("@disputeClosedOn", row.DisputeClosedOn),
                ("@reasonsAnswered", row.ReasonsAnswered), ("@reasons", row.Reasons), ("@evidenceReady", row.EvidenceReady),
                ("@compensation", row.Compensation), ("@compensationAmount", row.CompensationAmount), ("@compensationCurrency", row.CompensationCurrency),
                ("@filings", row.Filings), ("@filedOn", row.FiledOn), ("@checkBackDue", row.CheckBackDue), ("@decisionDelays", row.DecisionDelays),
                ("@decisionDue", row.DecisionDue), ("@rejections", row.Rejections), ("@refundAmount", row.RefundAmount), ("@refundCurrency", row.RefundCurrency),
                ("@refundDue", row.RefundDue), ("@outcome", row.Outcome), ("@paused", row.Paused), ("@updatedAt", row.UpdatedAt),
                ("@facts", row.Facts), ("@factsAnswered", row.FactsAnswered), ("@evidenceFiled", row.EvidenceFiled), ("@editing", row.Editing),
                ("@returnStep", row.ReturnStep),
                ("@id", row.Id), ("@userId", row.UserId));
        }

        return changed;
    }

    public Task<IReadOnlyList<CasePhoto>> PhotosAsync(long caseId)
    {
        var rows = sql.Query(
            """
            SELECT p.position, p.file_id, p.file_unique_id, p.kind, p.file_size, p.mime_type, p.shows
            FROM case_photos p JOIN cases c ON c.id = p.case_id
            WHERE p.case_id = @caseId AND c.user_id = @userId
            ORDER BY p.position;
            """,
            PhotoRow.Read, ("@caseId", caseId), ("@userId", userId));
        return Task.FromResult<IReadOnlyList<CasePhoto>>([.. rows.Select(r => r.ToPhoto())]);
    }

    public Task<CasePhoto> AddPhotoAsync(long caseId, PhotoFile file, DateTimeOffset now)
    {
        var number = sql.Scalar<long?>(
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
        return Task.FromResult(new CasePhoto((int)number, file));
    }

    public Task RemovePhotosAsync(long caseId, IReadOnlyCollection<int> numbers)
    {
        foreach (var number in numbers)
        {
            sql.Execute(
                """
                DELETE FROM case_photos
                WHERE case_id = @caseId AND position = @number AND case_id IN (SELECT id FROM cases WHERE user_id = @userId);
                """,
                ("@caseId", caseId), ("@number", number), ("@userId", userId));
        }

        // Ascending, each photo moves down into a number that is already free.
        var remaining = sql.Query("SELECT position FROM case_photos WHERE case_id = @caseId ORDER BY position;", row => row.GetInt64(0), ("@caseId", caseId));
        var next = 1;
        foreach (var position in remaining)
        {
            if (position != next)
            {
                sql.Execute(
                    "UPDATE case_photos SET position = @next WHERE case_id = @caseId AND position = @position;",
                    ("@next", next), ("@caseId", caseId), ("@position", position));
            }

            next++;
        }

        _photosChanged.Add(caseId);
        return Task.CompletedTask;
    }

    public Task ClearPhotosAsync(long caseId)
    {
        sql.Execute(
            "DELETE FROM case_photos WHERE case_id = @caseId AND case_id IN (SELECT id FROM cases WHERE user_id = @userId);",
            ("@caseId", caseId), ("@userId", userId));
        _photosChanged.Add(caseId);
        return Task.CompletedTask;
    }

    private Case Track(Case c)
    {
        _loaded[c.Id] = (c, CaseRow.From(c));
        return c;
    }

    private sealed record PhotoRow(long Position, string FileId, string FileUniqueId, string Kind, long? FileSize, string? MimeType, long Shows)
    {
        public static PhotoRow Read(DbDataReader row) =>
            new(row.GetInt64(0), row.GetString(1), row.GetString(2), row.GetString(3), row.Number(4), row.Text(5), row.GetInt64(6));

        public static string KindName(PhotoKind kind) => kind == PhotoKind.Document ? "document" : "photo";

        public CasePhoto ToPhoto() => new((int)Position,
            new PhotoFile(FileId, FileUniqueId, Kind == "document" ? PhotoKind.Document : PhotoKind.Photo, FileSize, MimeType), (PhotoShows)Shows);
    }

    /// <summary>The case as stored: enums by name, dates as ISO text, amounts as invariant decimal text.</summary>
    private sealed record CaseRow
    {
        /// <summary>One row of <see cref="Columns"/>, in that order.</summary>
        public static CaseRow Read(DbDataReader row) => new()
        {
            Id = row.GetInt64(0),
            UserId = row.GetInt64(1),
            Step = row.GetString(2),
            OrderNumber = row.Text(3),
            Problem = row.Text(4),
            DisputeClaim = row.Text(5),
            DisputeAmount = row.Text(6),
            DisputeCurrency = row.Text(7),
            DisputeClosedOn = row.Text(8),
            ReasonsAnswered = row.GetInt64(9),
            Reasons = row.GetInt64(10),
            EvidenceReady = row.GetInt64(11),
            Compensation = row.Text(12),
            CompensationAmount = row.Text(13),
            CompensationCurrency = row.Text(14),
            Filings = row.GetInt64(15),
            FiledOn = row.Text(16),
            CheckBackDue = row.Number(17),
            DecisionDelays = row.GetInt64(18),
            DecisionDue = row.Text(19),
            Rejections = row.GetInt64(20),
            RefundAmount = row.Text(21),
            RefundCurrency = row.Text(22),
            RefundDue = row.Text(23),
            Outcome = row.GetString(24),
            Paused = row.GetInt64(25),
            CreatedAt = row.GetInt64(26),
            UpdatedAt = row.GetInt64(27),
            Facts = row.GetString(28),
            FactsAnswered = row.GetInt64(29),
            EvidenceFiled = row.GetInt64(30),
            Editing = row.Text(31),
            ReturnStep = row.Text(32),
        };

        public long Id { get; init; }
        public long UserId { get; init; }
        public string Step { get; init; } = nameof(CaseStep.OrderNumber);
        public string? OrderNumber { get; init; }
        public string? Problem { get; init; }
        public string? DisputeClaim { get; init; }
        public string? DisputeAmount { get; init; }
        public string? DisputeCurrency { get; init; }
        public string? DisputeClosedOn { get; init; }
        public long ReasonsAnswered { get; init; }
        public long Reasons { get; init; }
        public long EvidenceReady { get; init; }
        public string? Compensation { get; init; }
        public string? CompensationAmount { get; init; }
        public string? CompensationCurrency { get; init; }
        public long Filings { get; init; }
        public string? FiledOn { get; init; }
        public long? CheckBackDue { get; init; }
        public long DecisionDelays { get; init; }
        public string? DecisionDue { get; init; }
        public long Rejections { get; init; }
        public string? RefundAmount { get; init; }
        public string? RefundCurrency { get; init; }
        public string? RefundDue { get; init; }
        public string Outcome { get; init; } = nameof(CaseOutcome.Open);
        public long Paused { get; init; }
        public long CreatedAt { get; init; }
        public long UpdatedAt { get; init; }
        public string Facts { get; init; } = "{}";
        public long FactsAnswered { get; init; }
        public long EvidenceFiled { get; init; }
        public string? Editing { get; init; }
        public string? ReturnStep { get; init; }

        public Case ToCase() => new()
        {
            Id = Id,
            UserId = UserId,
            Step = Enum.TryParse<CaseStep>(Step, out var step) ? step : CaseStep.OrderNumber,
            OrderNumber = OrderNumber,
            Problem = ParseEnum<ProblemKind>(Problem),
            DisputeClaim = ParseEnum<Conversation.Compensation>(DisputeClaim),
            DisputeAmount = ParseMoney(DisputeAmount, DisputeCurrency),
            DisputeClosedOn = ParseDate(DisputeClosedOn),
            ReasonsAnswered = (int)ReasonsAnswered,
            Reasons = (LossReasons)Reasons,
            EvidenceReady = (EvidenceItems)EvidenceReady,
            Compensation = ParseEnum<Conversation.Compensation>(Compensation),
            CompensationAmount = ParseMoney(CompensationAmount, CompensationCurrency),
            Filings = (int)Filings,
            FiledOn = ParseDate(FiledOn),
            CheckBackDue = CheckBackDue is { } due ? DateTimeOffset.FromUnixTimeMilliseconds(due) : null,
            DecisionDelays = (int)DecisionDelays,
            DecisionDue = ParseDate(DecisionDue),
            Rejections = (int)Rejections,
            RefundAmount = ParseMoney(RefundAmount, RefundCurrency),
            RefundDue = ParseDate(RefundDue),
            Outcome = Enum.TryParse<CaseOutcome>(Outcome, out var outcome) ? outcome : CaseOutcome.Open,
            Paused = Paused != 0,
            CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt),
            UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(UpdatedAt),
            Facts = CaseFactsJson.Read(Facts),
            FactsAnswered = (int)FactsAnswered,
            EvidenceFiled = (EvidenceItems)EvidenceFiled,
            Editing = ParseEnum<FactQuestion>(Editing),
            ReturnStep = ParseEnum<CaseStep>(ReturnStep),
        };

        public static CaseRow From(Case c) => new()
        {
            Id = c.Id,
            UserId = c.UserId,
            Step = c.Step.ToString(),
            OrderNumber = c.OrderNumber,
            Problem = c.Problem?.ToString(),
            DisputeClaim = c.DisputeClaim?.ToString(),
            DisputeAmount = FormatAmount(c.DisputeAmount),
            DisputeCurrency = c.DisputeAmount?.Currency,
            DisputeClosedOn = FormatDate(c.DisputeClosedOn),
            ReasonsAnswered = c.ReasonsAnswered,
            Reasons = (long)c.Reasons,
            EvidenceReady = (long)c.EvidenceReady,
            Compensation = c.Compensation?.ToString(),
            CompensationAmount = FormatAmount(c.CompensationAmount),
            CompensationCurrency = c.CompensationAmount?.Currency,
            Filings = c.Filings,
            FiledOn = FormatDate(c.FiledOn),
            CheckBackDue = c.CheckBackDue?.ToUnixTimeMilliseconds(),
            DecisionDelays = c.DecisionDelays,
            DecisionDue = FormatDate(c.DecisionDue),
            Rejections = c.Rejections,
            RefundAmount = FormatAmount(c.RefundAmount),
            RefundCurrency = c.RefundAmount?.Currency,
            RefundDue = FormatDate(c.RefundDue),
            Outcome = c.Outcome.ToString(),
            Paused = c.Paused ? 1 : 0,
            CreatedAt = c.CreatedAt.ToUnixTimeMilliseconds(),
            UpdatedAt = c.UpdatedAt.ToUnixTimeMilliseconds(),
            Facts = CaseFactsJson.Write(c.Facts),
            FactsAnswered = c.FactsAnswered,
            EvidenceFiled = (long)c.EvidenceFiled,
            Editing = c.Editing?.ToString(),
            ReturnStep = c.ReturnStep?.ToString(),
        };

        private static T? ParseEnum<T>(string? value) where T : struct, Enum =>
            Enum.TryParse<T>(value, out var parsed) ? parsed : null;

        private static DateOnly? ParseDate(string? value) =>
            DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

        private static string? FormatDate(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        private static Money? ParseMoney(string? amount, string? currency) =>
            currency is not null && decimal.TryParse(amount, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
                ? new Money(value, currency)
                : null;

        private static string? FormatAmount(Money? money) => money?.Amount.ToString(CultureInfo.InvariantCulture);
    }
}
