using System.Data;
using System.Data.Common;
using AppealBot.Conversation;
using AppealBot.Localization;
using Microsoft.Data.Sqlite;

namespace AppealBot.Storage;

/// <summary>
/// Everything one update reads and writes, in one SQLite write transaction: nothing is visible to
/// anyone, Telegram included, before <see cref="CommitAsync"/> returns.
/// </summary>
internal sealed class UpdateTransaction : IAsyncDisposable
{
    private readonly SqliteTransaction _transaction;
    private readonly Statements _sql;
    private readonly Func<TransactionEnd, ValueTask> _ended;
    private bool _committed;

    /// <param name="ended">Called once the transaction is over, with how it ended.</param>
    internal UpdateTransaction(SqliteTransaction transaction, Statements sql, Func<TransactionEnd, ValueTask> ended)
    {
        _transaction = transaction;
        _sql = sql;
        _ended = ended;
        sql.Transaction = transaction;
    }

    /// <summary>A read-only transaction on a connection of its own (deferred: it takes no write lock).</summary>
    public static async Task<UpdateTransaction> BeginReadAsync(Database database, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken);
        try
        {
            var transaction = StorageException.Translate(() => connection.BeginTransaction(IsolationLevel.Serializable, deferred: true));
            var sql = new Statements(connection);
            return new UpdateTransaction(transaction, sql, async _ =>
            {
                sql.Dispose();
                await connection.DisposeAsync();
            });
        }
        catch
        {
            await connection.DisposeAsync();
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
        try
        {
            _sql.Execute("SAVEPOINT update_savepoint;");
            try
            {
                var result = await work();
                _sql.Execute("RELEASE update_savepoint;");
                return result;
            }
            catch
            {
                _sql.Execute("ROLLBACK TO update_savepoint; RELEASE update_savepoint;");
                throw;
            }
        }
        catch (SqliteException e)
        {
            throw StorageException.From(e);
        }
    }

    /// <summary>Records the update as handled; false when it already was (Telegram delivered it again).</summary>
    public bool TryMarkHandled(long updateId, DateTimeOffset now) =>
        _sql.Execute(
            "INSERT INTO handled_updates (update_id, handled_at) VALUES (@updateId, @at) ON CONFLICT (update_id) DO NOTHING;",
            ("@updateId", updateId), ("@at", now.ToUnixTimeMilliseconds())) == 1;

    public UserProfile? FindUser(long userId) => StorageException.Translate(() =>
        _sql.QuerySingleOrDefault(
            "SELECT id, chat_id, language, language_chosen, active_case_id, collage_case_id, time_zone, nudges_enabled, blocked_at IS NOT NULL AS blocked, created_at, pending_question FROM users WHERE id = @userId;",
            UserRow.Read, ("@userId", userId))?.ToProfile());

    /// <summary>Inserts or updates the user; a user who writes to the bot (anything but blocking it) is no longer blocked.</summary>
    public void SaveUser(UserProfile user, DateTimeOffset now) =>
        _sql.Execute(
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
            ("@languageChosen", user.LanguageChosen ? 1 : 0),
            ("@activeCaseId", user.ActiveCaseId),
            ("@collageCaseId", user.CollageCaseId),
            ("@timeZone", user.TimeZoneId),
            ("@nudgesEnabled", user.NudgesEnabled ? 1 : 0),
            ("@pendingQuestion", user.Pending == PendingQuestion.None ? null : user.Pending.ToString()),
            ("@blockedAt", user.BlocksBot ? now.ToUnixTimeMilliseconds() : null),
            ("@createdAt", user.CreatedAt.ToUnixTimeMilliseconds()),
            ("@updatedAt", now.ToUnixTimeMilliseconds()));

    /// <summary>True the first time a group chat is seen (and remembers it); false ever after.</summary>
    public bool TellGroupOnce(long chatId, DateTimeOffset now) =>
        _sql.Execute(
            "INSERT INTO group_chats (chat_id, told_at) VALUES (@chatId, @at) ON CONFLICT (chat_id) DO NOTHING;",
            ("@chatId", chatId), ("@at", now.ToUnixTimeMilliseconds())) == 1;

    /// <summary>Owes the chat a message, sent once this transaction has committed; returns its row id (the sending order).</summary>
    public long AddToOutbox(long chatId, long updateId, Telegram.OutboxKind kind, int? messageId, string html, string? buttonsJson, string? supersedes, Attachment? document, DateTimeOffset now) =>
        _sql.Scalar<long>(
            """
            INSERT INTO outbox (chat_id, update_id, kind, message_id, html, buttons, supersedes, file_name, content, created_at)
            VALUES (@chatId, @updateId, @kind, @messageId, @html, @buttons, @supersedes, @fileName, @content, @at) RETURNING id;
            """,
            ("@chatId", chatId), ("@updateId", updateId), ("@kind", (long)kind), ("@messageId", messageId), ("@html", html),
            ("@buttons", buttonsJson), ("@supersedes", supersedes), ("@fileName", document?.FileName), ("@content", document?.Content),
            ("@at", now.ToUnixTimeMilliseconds()));

    /// <summary>The message was sent (or refused for good): it is no longer owed.</summary>
    public void RemoveFromOutbox(long id) => StorageException.Translate(() => _sql.Execute("DELETE FROM outbox WHERE id = @id;", ("@id", id)));

    /// <summary>Erases the user; their cases, photos and reminders go with them (ON DELETE CASCADE).</summary>
    public void DeleteUser(long userId) => _sql.Execute("DELETE FROM users WHERE id = @userId;", ("@userId", userId));

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await StorageException.Translate(() => _transaction.CommitAsync(cancellationToken));
        _committed = true;
    }

    /// <summary>Whether the writer put sent replies' removals from the outbox into this transaction.</summary>
    internal bool CarriesRemovals { get; set; }

    public async ValueTask DisposeAsync()
    {
        _sql.Transaction = null;
        var cleanly = false;
        try
        {
            // Rolls back what was not committed.
            await _transaction.DisposeAsync();
            cleanly = true;
        }
        finally
        {
            await _ended(new TransactionEnd(cleanly, _committed));
        }
    }

    /// <summary>The user's cases, read and written in this transaction.</summary>
    public CaseBook CasesOf(long userId) => new(_sql, userId);

    /// <summary>The reminders of this update's cases.</summary>
    public ReminderStore Reminders => new(_sql, due => EarliestReminderAdded = Math.Min(EarliestReminderAdded ?? long.MaxValue, due));

    /// <summary>When the soonest reminder this transaction added falls due (Unix ms); null when it added none.</summary>
    public long? EarliestReminderAdded { get; private set; }

    private sealed record UserRow(long Id, long ChatId, string Language, long LanguageChosen, long? ActiveCaseId, long? CollageCaseId, string? TimeZone, long NudgesEnabled, long Blocked, long CreatedAt, string? Pending)
    {
        public static UserRow Read(DbDataReader row) => new(
            row.GetInt64(0), row.GetInt64(1), row.GetString(2), row.GetInt64(3), row.Number(4), row.Number(5), row.Text(6), row.GetInt64(7), row.GetInt64(8), row.GetInt64(9), row.Text(10));

        public UserProfile ToProfile() => new()
        {
            Id = Id,
            ChatId = ChatId,
            Language = Languages.TryParse(Language, out var language) ? language : Localization.Language.En,
            LanguageChosen = LanguageChosen != 0,
            ActiveCaseId = ActiveCaseId,
            CollageCaseId = CollageCaseId,
            TimeZoneId = TimeZone,
            NudgesEnabled = NudgesEnabled != 0,
            IsBlocked = Blocked != 0,
            Pending = Enum.TryParse<PendingQuestion>(Pending, out var pending) ? pending : PendingQuestion.None,
            CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt),
        };
    }
}

/// <summary>How a transaction ended: <see cref="Cleanly"/> when committing or rolling back worked (its connection is fine).</summary>
internal readonly record struct TransactionEnd(bool Cleanly, bool Committed);
