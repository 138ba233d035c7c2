using System.Data;
using AppealBot.Conversation;
using AppealBot.Localization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace AppealBot.Storage;

/// <summary>
/// Everything one update reads and writes, in one SQLite write transaction: nothing is visible to
/// anyone, Telegram included, before <see cref="CommitAsync"/> returns.
/// </summary>
internal sealed class UpdateTransaction : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;

    private UpdateTransaction(SqliteConnection connection, SqliteTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    /// <param name="readOnly">True to only read (a deferred transaction that takes no write lock).</param>
    public static async Task<UpdateTransaction> BeginAsync(Database database, CancellationToken cancellationToken, bool readOnly = false)
    {
        var connection = await database.OpenAsync(cancellationToken);
        try
        {
            // IMMEDIATE: take the write lock now, so a busy database surfaces here and not half-way through.
            var transaction = connection.BeginTransaction(IsolationLevel.Serializable, deferred: readOnly);
            return new UpdateTransaction(connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> under a savepoint: if it fails, what it wrote is undone and the rest of the
    /// transaction stays (so one update's failure does not cost the others of the batch).
    /// </summary>
    public async Task<T> InSavepointAsync<T>(Func<Task<T>> work)
    {
        const string Name = "update";
        await _transaction.SaveAsync(Name);
        try
        {
            var result = await work();
            await _transaction.ReleaseAsync(Name);
            return result;
        }
        catch
        {
            await _transaction.RollbackAsync(Name);
            throw;
        }
    }

    public async Task<bool> WasHandledAsync(long updateId) =>
        await _connection.ExecuteScalarAsync<long?>(
            "SELECT 1 FROM handled_updates WHERE update_id = @updateId;", new { updateId }, _transaction) is not null;

    public Task MarkHandledAsync(long updateId, DateTimeOffset now) =>
        _connection.ExecuteAsync(
            "INSERT INTO handled_updates (update_id, handled_at) VALUES (@updateId, @at);",
            new { updateId, at = now.ToUnixTimeMilliseconds() }, _transaction);

    public async Task<UserProfile?> FindUserAsync(long userId)
    {
        var row = await _connection.QuerySingleOrDefaultAsync<UserRow>(
            "SELECT id, chat_id, language, language_chosen, active_case_id, collage_case_id, time_zone, nudges_enabled, blocked_at IS NOT NULL AS blocked, created_at FROM users WHERE id = @userId;",
            new { userId }, _transaction);
        return row?.ToProfile();
    }

    /// <summary>Inserts or updates the user; a user who writes to the bot (anything but blocking it) is no longer blocked.</summary>
    public Task SaveUserAsync(UserProfile user, DateTimeOffset now) =>
        _connection.ExecuteAsync(
            """
            INSERT INTO users (id, chat_id, language, language_chosen, active_case_id, collage_case_id, time_zone, nudges_enabled, blocked_at, created_at, updated_at)
            VALUES (@Id, @ChatId, @Language, @LanguageChosen, @ActiveCaseId, @CollageCaseId, @TimeZoneId, @NudgesEnabled, @BlockedAt, @CreatedAt, @UpdatedAt)
            ON CONFLICT (id) DO UPDATE SET
                chat_id = excluded.chat_id,
                language = excluded.language,
                language_chosen = excluded.language_chosen,
                active_case_id = excluded.active_case_id,
                collage_case_id = excluded.collage_case_id,
                time_zone = excluded.time_zone,
                nudges_enabled = excluded.nudges_enabled,
                blocked_at = excluded.blocked_at,
                updated_at = excluded.updated_at;
            """,
            new
            {
                user.Id,
                user.ChatId,
                Language = user.Language.Code(),
                LanguageChosen = user.LanguageChosen ? 1 : 0,
                user.ActiveCaseId,
                user.CollageCaseId,
                user.TimeZoneId,
                NudgesEnabled = user.NudgesEnabled ? 1 : 0,
                BlockedAt = user.BlocksBot ? now.ToUnixTimeMilliseconds() : (long?)null,
                CreatedAt = user.CreatedAt.ToUnixTimeMilliseconds(),
                UpdatedAt = now.ToUnixTimeMilliseconds(),
            },
            _transaction);

    /// <summary>True the first time a group chat is seen (and remembers it); false ever after.</summary>
    public async Task<bool> TellGroupOnceAsync(long chatId, DateTimeOffset now) =>
        await _connection.ExecuteAsync(
            "INSERT INTO group_chats (chat_id, told_at) VALUES (@chatId, @at) ON CONFLICT (chat_id) DO NOTHING;",
            new { chatId, at = now.ToUnixTimeMilliseconds() }, _transaction) == 1;

    /// <summary>Erases the user; their cases, photos and reminders go with them (ON DELETE CASCADE).</summary>
    public Task DeleteUserAsync(long userId) =>
        _connection.ExecuteAsync("DELETE FROM users WHERE id = @userId;", new { userId }, _transaction);

    public Task CommitAsync(CancellationToken cancellationToken) => _transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }

    /// <summary>The user's cases, read and written in this transaction.</summary>
    public CaseBook CasesOf(long userId) => new(_connection, _transaction, userId);

    /// <summary>The reminders of this update's cases.</summary>
    public ReminderStore Reminders => new(_connection, _transaction);

    private sealed record UserRow(long Id, long ChatId, string Language, long LanguageChosen, long? ActiveCaseId, long? CollageCaseId, string? TimeZone, long NudgesEnabled, long Blocked, long CreatedAt)
    {
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
            CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt),
        };
    }
}
