using System.Data.Common;
using AppealBot.Conversation;
using AppealBot.Localization;

namespace AppealBot.Storage;

/// <summary>
/// Everything one update reads and writes, in one transaction of either engine (<see cref="ISqlSession"/>): nothing is
/// visible to anyone, Telegram included, before <see cref="CommitAsync"/> returns.
/// </summary>
internal sealed class UpdateTransaction : IAsyncDisposable
{
    private readonly ISqlSession _sql;
    private readonly OutboxRemovals? _removals;
    private readonly List<OutboxRemoval> _carried;
    private readonly string? _outboxOwner;
    private bool _committed;

    private UpdateTransaction(ISqlSession sql, OutboxRemovals? removals, List<OutboxRemoval> carried, string? outboxOwner)
    {
        _sql = sql;
        _removals = removals;
        _carried = carried;
        _outboxOwner = outboxOwner;
    }

    /// <summary>A transaction for reading only.</summary>
    public static UpdateTransaction ForReading(ISqlSession sql) => new(sql, null, [], null);

    /// <summary>
    /// A write transaction that deletes the queued outbox removals with its own changes (given back if it does not commit).
    /// The replies it adds to the outbox are <paramref name="outboxOwner"/>'s to send (the instance, when several share
    /// the database; null with one bot per database). Disposes <paramref name="sql"/> when it cannot begin.
    /// </summary>
    public static async Task<UpdateTransaction> BeginWritingAsync(ISqlSession sql, OutboxRemovals removals, string? outboxOwner)
    {
        var transaction = new UpdateTransaction(sql, removals, removals.Take(), outboxOwner);
        try
        {
            foreach (var id in transaction._carried.SelectMany(removal => removal.Ids))
            {
                await sql.ExecuteAsync("DELETE FROM outbox WHERE id = @id;", ("@id", id));
            }

            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> under a savepoint: if it fails, what it wrote is undone and the rest of the
    /// transaction stays (so one update's failure does not cost the others of the batch). A storage failure inside it
    /// arrives as a <see cref="StorageException"/>.
    /// </summary>
    public async Task<T> InSavepointAsync<T>(Func<Task<T>> work)
    {
        await _sql.ExecuteAsync("SAVEPOINT update_savepoint;");
        try
        {
            var result = await work();
            await _sql.ExecuteAsync("RELEASE update_savepoint;");
            return result;
        }
        catch
        {
            await _sql.ExecuteAsync("ROLLBACK TO update_savepoint;");
            await _sql.ExecuteAsync("RELEASE update_savepoint;");
            throw;
        }
    }

    /// <summary>Records the update as handled; false when it already was (Telegram delivered it again).</summary>
    public async ValueTask<bool> TryMarkHandledAsync(long updateId, DateTimeOffset now) =>
        await _sql.ExecuteAsync(
            "INSERT INTO handled_updates (update_id, handled_at) VALUES (@updateId, @at) ON CONFLICT (update_id) DO NOTHING;",
            ("@updateId", updateId), ("@at", now.ToUnixTimeMilliseconds())) == 1;

    /// <summary>
    /// The user, if known; in a write transaction on an engine several bots share, their row stays locked to it until it ends.
    /// </summary>
    public async ValueTask<UserProfile?> FindUserAsync(long userId)
    {
        var rows = await _sql.QueryAsync(
            "SELECT id, chat_id, language, language_chosen, active_case_id, collage_case_id, time_zone, nudges_enabled, blocked_at IS NOT NULL AS blocked, created_at, pending_question FROM users WHERE id = @userId"
                + (_removals is null ? ";" : _sql.Dialect.LockingRead + ";"),
            ReadUser, ("@userId", userId));
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>Inserts or updates the user; a user who writes to the bot (anything but blocking it) is no longer blocked.</summary>
    public ValueTask<int> SaveUserAsync(UserProfile user, DateTimeOffset now) =>
        _sql.ExecuteAsync(
            """
            INSERT INTO users (id, chat_id, language, language_chosen, active_case_id, collage_case_id, time_zone, nudges_enabled, pending_question, blocked_at, created_at, updated_at)
            VALUES (@id, @chatId, @language, @languageChosen, @activeCaseId, @collageCaseId, @timeZone, @nudgesEnabled, @pendingQuestion, @blockedAt, @createdAt, @updatedAt)
            ON CONFLICT (id) DO UPDATE SET
                chat_id = excluded.chat_id,
                language = excluded.language,
                language_chosen = excluded.language_chosen,
                active_case_id = excluded.active_case_id,
                collage_case_id = excluded.collage_case_id,
                time_zone = excluded.time_zone,
                nudges_enabled = excluded.nudges_enabled,
                pending_question = excluded.pending_question,
                blocked_at = excluded.blocked_at,
                updated_at = excluded.updated_at;
            """,
            ("@id", user.Id),
            ("@chatId", user.ChatId),
            ("@language", user.Language.Code()),
            ("@languageChosen", user.LanguageChosen),
            ("@activeCaseId", user.ActiveCaseId),
            ("@collageCaseId", user.CollageCaseId),
            ("@timeZone", user.TimeZoneId),
            ("@nudgesEnabled", user.NudgesEnabled),
            ("@pendingQuestion", user.Pending == PendingQuestion.None ? null : user.Pending.ToString()),
            ("@blockedAt", user.BlocksBot ? now.ToUnixTimeMilliseconds() : null),
            ("@createdAt", user.CreatedAt.ToUnixTimeMilliseconds()),
            ("@updatedAt", now.ToUnixTimeMilliseconds()));

    /// <summary>True the first time a group chat is seen (and remembers it); false ever after.</summary>
    public async ValueTask<bool> TellGroupOnceAsync(long chatId, DateTimeOffset now) =>
        await _sql.ExecuteAsync(
            "INSERT INTO group_chats (chat_id, told_at) VALUES (@chatId, @at) ON CONFLICT (chat_id) DO NOTHING;",
            ("@chatId", chatId), ("@at", now.ToUnixTimeMilliseconds())) == 1;

    /// <summary>Owes the chat a message, sent once this transaction has committed; returns its row id (the sending order).</summary>
    public async ValueTask<long> AddToOutboxAsync(long chatId, long updateId, Telegram.OutboxKind kind, int? messageId, string html, string? buttonsJson, string? supersedes, Attachment? document, DateTimeOffset now) =>
        await _sql.NumberAsync(
            """
            INSERT INTO outbox (chat_id, update_id, kind, message_id, html, buttons, supersedes, file_name, content, created_at, owner)
            VALUES (@chatId, @updateId, @kind, @messageId, @html, @buttons, @supersedes, @fileName, @content, @at, @owner) RETURNING id;
            """,
            ("@chatId", chatId), ("@updateId", updateId), ("@kind", (int)kind), ("@messageId", messageId), ("@html", html),
            ("@buttons", buttonsJson), ("@supersedes", supersedes), ("@fileName", document?.FileName), ("@content", document?.Content),
            ("@at", now.ToUnixTimeMilliseconds()), ("@owner", _outboxOwner))
        ?? throw new InvalidOperationException("The outbox row has no id.");

    /// <summary>Erases the user; their cases, photos and reminders go with them (ON DELETE CASCADE).</summary>
    public ValueTask<int> DeleteUserAsync(long userId) => _sql.ExecuteAsync("DELETE FROM users WHERE id = @userId;", ("@userId", userId));

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await _sql.CommitAsync(cancellationToken);
        _committed = true;
    }

    /// <summary>Whether this transaction deletes sent replies from the outbox (queued before it began).</summary>
    public bool CarriesRemovals => _carried.Count > 0;

    public async ValueTask DisposeAsync()
    {
        try
        {
            // Rolls back what was not committed.
            await _sql.DisposeAsync();
        }
        finally
        {
            if (_committed)
            {
                _carried.ForEach(removal => removal.Done.TrySetResult());
            }
            else
            {
                _removals?.GiveBack(_carried);
            }
        }
    }

    /// <summary>The user's cases, read and written in this transaction.</summary>
    public CaseBook CasesOf(long userId) => new(_sql, userId);

    /// <summary>The reminders of this update's cases.</summary>
    public ReminderStore Reminders => new(_sql, due => EarliestReminderAdded = Math.Min(EarliestReminderAdded ?? long.MaxValue, due));

    /// <summary>When the soonest reminder this transaction added falls due (Unix ms); null when it added none.</summary>
    public long? EarliestReminderAdded { get; private set; }

    private static UserProfile ReadUser(DbDataReader row) => new()
    {
        Id = row.GetInt64(0),
        ChatId = row.GetInt64(1),
        Language = Languages.TryParse(row.GetString(2), out var language) ? language : Language.En,
        LanguageChosen = row.GetBoolean(3),
        ActiveCaseId = row.Number(4),
        CollageCaseId = row.Number(5),
        TimeZoneId = row.Text(6),
        NudgesEnabled = row.GetBoolean(7),
        IsBlocked = row.GetBoolean(8),
        CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(9)),
        Pending = Enum.TryParse<PendingQuestion>(row.Text(10), out var pending) ? pending : PendingQuestion.None,
    };
}
