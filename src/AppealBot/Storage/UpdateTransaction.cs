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

    /// <summary>Inserts or updates the user; a user who writes to the bot is no longer blocked.</summary>
    public Task SaveUserAsync(UserProfile user, DateTimeOffset now) =>
        _connection.ExecuteAsync(
            """
            INSERT INTO users (id, chat_id, language, language_chosen, active_case_id, collage_case_id, time_zone, nudges_enabled, blocked_at, created_at, updated_at)
            VALUES (@Id, @ChatId, @Language, @LanguageChosen, @ActiveCaseId, @CollageCaseId, @TimeZoneId, @NudgesEnabled, NULL, @CreatedAt, @UpdatedAt)
            ON CONFLICT (id) DO UPDATE SET
                chat_id = excluded.chat_id,
                language = excluded.language,
                language_chosen = excluded.language_chosen,
                active_case_id = excluded.active_case_id,
                collage_case_id = excluded.collage_case_id,
                time_zone = excluded.time_zone,
                nudges_enabled = excluded.nudges_enabled,
                blocked_at = NULL,
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
                CreatedAt = user.CreatedAt.ToUnixTimeMilliseconds(),
                UpdatedAt = now.ToUnixTimeMilliseconds(),
            },
            _transaction);

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
