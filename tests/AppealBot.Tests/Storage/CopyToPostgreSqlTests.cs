using System.Data.Common;
using System.Globalization;
using AppealBot.Hosting;
using AppealBot.Localization;
using AppealBot.Storage.PostgreSql;
using AppealBot.Tests.TestKit;
using AppealBot.Tests.TestKit.PostgreSql;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace AppealBot.Tests.Storage;

/// <summary>`AppealBot copy-to-postgresql`: a SQLite bot's whole database moved into an empty PostgreSQL database.</summary>
public sealed class CopyToPostgreSqlTests
{
    [PostgreSqlFact]
    public async Task Every_row_of_every_table_arrives_and_new_rows_get_ids_after_the_copied_ones()
    {
        await using var database = await PostgreSqlServer.CreateDatabaseAsync();
        await using var bot = await BotUnderTest.StartAsync();
        await Buyer.Of(bot, 9101, Language.It).FileComplaintAsync();
        await Buyer.Of(bot, 9102, Language.Ru).FileComplaintAsync();
        await bot.StopAsync();

        var copied = await Run("copy-to-postgresql", bot.DatabasePath, "--Storage:Provider=PostgreSql", $"--ConnectionStrings:AppealBot={database.ConnectionString}");

        Assert.Equal(ExitCodes.Ok, copied.Code);
        Assert.Contains("cases: 2 rows", copied.Output, StringComparison.Ordinal);
        await using var sqlite = new SqliteConnection(bot.ConnectionString);
        await using var postgres = new NpgsqlConnection(database.ConnectionString);
        await sqlite.OpenAsync();
        await postgres.OpenAsync();
        foreach (var table in SqliteToPostgreSqlCopy.Tables)
        {
            Assert.Equal(await RowsAsync(sqlite, table), await RowsAsync(postgres, table));
        }

        Assert.NotEmpty(await RowsAsync(postgres, "reminders"));
        var lastCase = await postgres.ExecuteScalarAsync<long>("SELECT MAX(id) FROM cases;");
        Assert.True(await postgres.ExecuteScalarAsync<long>("SELECT nextval(pg_get_serial_sequence('cases', 'id'));") > lastCase);
        SqliteConnection.ClearAllPools();
    }

    [PostgreSqlFact]
    public async Task It_refuses_a_database_that_already_has_data_and_a_bot_that_still_runs()
    {
        await using var database = await PostgreSqlServer.CreateDatabaseAsync();
        await using var bot = await BotUnderTest.StartAsync();
        await Buyer.Of(bot, 9103, Language.En).Send("/start");
        string[] settings = ["--Storage:Provider=PostgreSql", $"--ConnectionStrings:AppealBot={database.ConnectionString}"];

        var whileRunning = await Run(["copy-to-postgresql", bot.DatabasePath, .. settings]);
        Assert.Equal(ExitCodes.AlreadyRunning, whileRunning.Code);

        await bot.StopAsync();
        Assert.Equal(ExitCodes.Ok, (await Run(["copy-to-postgresql", bot.DatabasePath, .. settings])).Code);
        var again = await Run(["copy-to-postgresql", bot.DatabasePath, .. settings]);

        Assert.Equal(ExitCodes.DatabaseUnusable, again.Code);
        Assert.Equal("AppealBot copy-to-postgresql: The PostgreSQL database already has rows in users; copy into an empty database.", again.Error.Trim());
        await using var postgres = new NpgsqlConnection(database.ConnectionString);
        Assert.Equal(1, await postgres.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM users;"));
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Without_a_PostgreSQL_target_it_says_what_to_set()
    {
        var result = await Run("copy-to-postgresql", "appealbot.db");

        Assert.Equal(ExitCodes.BadConfiguration, result.Code);
        Assert.Contains("Storage__Provider=PostgreSql", result.Error, StringComparison.Ordinal);
    }

    /// <summary>Every row as text, in key order, booleans as SQLite's 0/1: the same on both engines when the copy is whole.</summary>
    private static async Task<List<string>> RowsAsync(DbConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table} ORDER BY 1, 2;";
        await using var reader = await command.ExecuteReaderAsync();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).Order(StringComparer.Ordinal).ToList();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join("|", columns.Select(name => Text(reader[name]))));
        }

        return rows;
    }

    private static string Text(object value) => value switch
    {
        DBNull => "null",
        bool flag => flag ? "1" : "0",
        byte[] bytes => Convert.ToHexString(bytes),
        IConvertible number when number is long or int or short => Convert.ToInt64(number, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await AppealBotApp.RunAsync(args, TextReader.Null, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
