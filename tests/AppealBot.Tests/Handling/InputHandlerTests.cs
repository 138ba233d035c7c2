using AppealBot.Conversation;
using AppealBot.Handling;
using AppealBot.Hosting;
using AppealBot.Localization;
using AppealBot.Storage;
using AppealBot.Tests.TestKit;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AppealBot.Tests.Handling;

/// <summary>The transport-neutral way in: the project's own inputs, no Telegram update anywhere.</summary>
public sealed class InputHandlerTests : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("appealbot-input-").FullName;

    private string ConnectionString => $"Data Source={Path.Combine(_directory, "bot.db")}";

    [Fact]
    public async Task The_terminal_path_answers_and_stores_a_typed_line_and_a_press_with_no_Telegram_types()
    {
        using var host = await StartCoreAsync();
        var handler = host.Services.GetRequiredService<InputHandler>();

        var greeting = await handler.HandleAsync(Typed(-1, "/start"), CancellationToken.None);
        var button = greeting!.Replies.SelectMany(r => r.Buttons?.Rows.SelectMany(row => row) ?? []).First();
        var pressed = await handler.HandleAsync(
            new Inbound(-2, 7, 7, "en", new ButtonInput(button.Data, 1), CallbackQueryId: "local-2", PressedMessageId: 1), CancellationToken.None);

        Assert.StartsWith("Hi!", Plain(greeting.Replies[0].Html), StringComparison.Ordinal);
        Assert.NotNull(pressed);
        Assert.Equal([-2L, -1L], await QueryAsync<long>("SELECT update_id FROM handled_updates ORDER BY update_id"));
        Assert.Equal([7L], await QueryAsync<long>("SELECT id FROM users"));
    }

    [Fact]
    public async Task An_input_handled_before_is_not_handled_again()
    {
        using var host = await StartCoreAsync();
        var handler = host.Services.GetRequiredService<InputHandler>();

        Assert.NotNull(await handler.HandleAsync(Typed(-1, "/new"), CancellationToken.None));
        Assert.Null(await handler.HandleAsync(Typed(-1, "/new"), CancellationToken.None));

        Assert.Single(await QueryAsync<long>("SELECT id FROM cases"));
    }

    [Fact]
    public async Task A_database_that_refuses_writes_for_a_while_is_a_transient_failure_and_nothing_of_the_input_is_kept()
    {
        using var host = await StartCoreAsync();
        var handler = host.Services.GetRequiredService<InputHandler>();
        await ExecuteAsync("CREATE TRIGGER refuse BEFORE INSERT ON handled_updates BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;");

        var failure = await Assert.ThrowsAsync<StorageException>(() => handler.HandleAsync(Typed(-1, "/start"), CancellationToken.None));

        Assert.True(failure.IsTransient);
        Assert.Empty(await QueryAsync<long>("SELECT update_id FROM handled_updates"));
        Assert.Empty(await QueryAsync<long>("SELECT id FROM users"));

        await ExecuteAsync("DROP TRIGGER refuse;");
        Assert.NotNull(await handler.HandleAsync(Typed(-1, "/start"), CancellationToken.None));
    }

    [Fact]
    public async Task A_write_the_database_refuses_for_good_is_recorded_as_handled_with_an_apology()
    {
        using var host = await StartCoreAsync();
        var handler = host.Services.GetRequiredService<InputHandler>();

        // Someone else already has chat 7: saving this user breaks the unique index however often it is tried.
        await ExecuteAsync("""
            CREATE UNIQUE INDEX one_user_per_chat ON users (chat_id);
            INSERT INTO users (id, chat_id, language, created_at, updated_at) VALUES (99, 7, 'en', 0, 0);
            """);

        var turn = await handler.HandleAsync(Typed(-1, "/start"), CancellationToken.None);

        Assert.Equal(Texts.Plain(Language.En, "input.internal_error"), Plain(turn!.Replies.Single().Html));
        Assert.Equal([-1L], await QueryAsync<long>("SELECT update_id FROM handled_updates"));
        Assert.Equal([99L], await QueryAsync<long>("SELECT id FROM users"));
    }

    [Fact]
    public async Task Storage_says_which_failures_are_worth_retrying()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await connection.ExecuteAsync("""
            CREATE TABLE t (id INTEGER PRIMARY KEY);
            INSERT INTO t VALUES (1);
            CREATE TABLE refusing (id INTEGER);
            CREATE TRIGGER refuse BEFORE INSERT ON refusing BEGIN SELECT RAISE(ABORT, 'full'); END;
            """);

        var duplicate = await Assert.ThrowsAsync<SqliteException>(() => connection.ExecuteAsync("INSERT INTO t VALUES (1);"));
        var refused = await Assert.ThrowsAsync<SqliteException>(() => connection.ExecuteAsync("INSERT INTO refusing VALUES (1);"));

        Assert.False(StorageException.From(duplicate).IsTransient);
        Assert.True(StorageException.From(refused).IsTransient);
        Assert.True(StorageException.From(new SqliteException("busy", 5)).IsBusy);
        Assert.True(StorageException.From(new SqliteException("busy", 5)).IsTransient);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>The terminal's host: storage and the conversation, no Telegram transport.</summary>
    private async Task<IHost> StartCoreAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration["ConnectionStrings:AppealBot"] = ConnectionString;
        builder.Services.AddAppealBotCore();
        var host = builder.Build();
        await host.StartAppealBotAsync();
        return host;
    }

    private static Inbound Typed(long id, string line) => new(id, 7, 7, "en", Inbound.ReadTyped(line, out _));

    private static string Plain(string html) => System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", string.Empty));

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.ExecuteAsync(sql);
    }

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        return [.. await connection.QueryAsync<T>(sql)];
    }
}
