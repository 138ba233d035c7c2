using System.Data.Common;
using AppealBot.Conversation;
using AppealBot.Storage;
using AppealBot.Storage.PostgreSql;
using AppealBot.Tests.TestKit.PostgreSql;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace AppealBot.Tests.TestKit;

/// <summary>
/// One storage engine with a fresh, migrated database, for tests that run the same body on both: a SQLite file in a
/// temp folder, or a database of its own on the test PostgreSQL server. <see cref="Names"/> holds PostgreSQL only when
/// <see cref="PostgreSqlServer"/> can run its tests (as <c>[PostgreSqlFact]</c> decides).
/// </summary>
internal sealed class StoreEngine : IAsyncDisposable
{
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSql";

    private readonly string? _folder;
    private readonly Database? _sqlite;
    private readonly PostgreSqlTestDatabase? _testDatabase;
    private readonly PostgreSqlDatabase? _postgres;

    /// <summary>The PostgreSQL database (PostgreSQL engines only).</summary>
    public PostgreSqlDatabase Database => _postgres ?? throw new InvalidOperationException("This engine is SQLite.");

    /// <summary>This engine's bot among the instances sharing a PostgreSQL database.</summary>
    public InstanceId Instance { get; } = new();

    private StoreEngine(string folder, Database sqlite)
    {
        _folder = folder;
        _sqlite = sqlite;
    }

    private StoreEngine(PostgreSqlTestDatabase testDatabase, PostgreSqlDatabase postgres)
    {
        _testDatabase = testDatabase;
        _postgres = postgres;
    }

    public static TheoryData<string> Names => PostgreSqlServer.SkipReason is null ? new(Sqlite, PostgreSql) : new(Sqlite);

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 3, 10, 12, 0, 0, TimeSpan.Zero));

    public static async Task<StoreEngine> CreateAsync(string name)
    {
        if (name == Sqlite)
        {
            var folder = Directory.CreateTempSubdirectory("appealbot-stores-").FullName;
            var database = new Database($"Data Source={Path.Combine(folder, "bot.db")}");
            await new AppealBot.Storage.Migrator(database, TimeProvider.System, NullLogger<AppealBot.Storage.Migrator>.Instance).MigrateAsync();
            return new StoreEngine(folder, database);
        }

        var testDatabase = await PostgreSqlServer.CreateDatabaseAsync();
        var postgres = new PostgreSqlDatabase(testDatabase.ConnectionString);
        await new PostgreSqlMigrator(postgres, TimeProvider.System, NullLogger<PostgreSqlMigrator>.Instance).MigrateAsync();
        return new StoreEngine(testDatabase, postgres);
    }

    /// <summary>A second bot on the same PostgreSQL database, with a connection pool of its own, as another process has.</summary>
    public PostgreSqlDatabase AnotherBot() => new(_testDatabase!.ConnectionString);

    public string ConnectionString => _testDatabase?.ConnectionString ?? "";

    public IReminderQueue Reminders() => _sqlite is { } s ? new ReminderQueue(s) : new PostgreSqlReminderQueue(_postgres!);

    public IUpdateInbox Inbox() => _sqlite is { } s ? new UpdateInbox(s) : new PostgreSqlUpdateInbox(_postgres!, Instance);

    public IOwedReplies OwedReplies() => _sqlite is { } s ? new SqliteOwedReplies(s) : new PostgreSqlOwedReplies(new PostgreSqlInstances(_postgres!, Instance));

    public IUserStatusStore UserStatus() => _sqlite is { } s ? new UserStatusStore(s, Time) : new PostgreSqlUserStatusStore(_postgres!, Time);

    public IPhotoCheckStore PhotoChecks() => _sqlite is { } s ? new PhotoCheckStore(s, Time) : new PostgreSqlPhotoCheckStore(_postgres!, Time);

    public IBotStatistics Statistics() => _sqlite is { } s ? new Statistics(s) : new PostgreSqlStatistics(_postgres!);

    public IHandledUpdates HandledUpdates() => _sqlite is { } s ? new HandledUpdates(s, Time) : new PostgreSqlHandledUpdates(_postgres!, Time);

    public async Task ExecuteAsync(string sql, object? parameters = null)
    {
        await using var connection = await OpenAsync();
        await connection.ExecuteAsync(sql, parameters);
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await OpenAsync();
        return [.. await connection.QueryAsync<T>(sql, parameters)];
    }

    /// <summary>A user (id = chat id) with one open case (id = user id × 10) at <paramref name="step"/>.</summary>
    public Task AddUserWithCaseAsync(long userId, string step = "CheckBack", long updatedAt = 1) => ExecuteAsync(
        """
        INSERT INTO users (id, chat_id, language, created_at, updated_at) VALUES (@userId, @userId, 'en', 1, @updatedAt);
        INSERT INTO cases (id, user_id, step, created_at, updated_at) VALUES (@caseId, @userId, @step, 1, @updatedAt);
        """,
        new { userId, caseId = userId * 10, step, updatedAt });

    private async Task<DbConnection> OpenAsync()
    {
        if (_sqlite is { } sqlite)
        {
            return await sqlite.OpenAsync();
        }

        var connection = new NpgsqlConnection(_testDatabase!.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
            await _testDatabase!.DisposeAsync();
        }

        if (_folder is not null)
        {
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
