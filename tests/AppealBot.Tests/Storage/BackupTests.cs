using AppealBot.Hosting;
using AppealBot.Localization;
using AppealBot.Tests.TestKit;
using Microsoft.Data.Sqlite;

namespace AppealBot.Tests.Storage;

public sealed class BackupTests
{
    [Fact]
    public async Task A_backup_made_while_the_bot_runs_restores_into_a_new_database_with_the_same_data()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var buyer = Buyer.Of(bot, 9001, Language.It);
        await buyer.FileComplaintAsync();
        var backup = Path.Combine(Path.GetDirectoryName(bot.DatabasePath)!, "backups", "copy.db");

        var backedUp = await Run("backup", backup, $"--ConnectionStrings:AppealBot={bot.ConnectionString}");
        Assert.Equal(ExitCodes.Ok, backedUp.Code);

        var fresh = Path.Combine(Path.GetDirectoryName(bot.DatabasePath)!, "restored.db");
        var restored = await Run("restore", backup, $"--ConnectionStrings:AppealBot=Data Source={fresh}");
        Assert.Equal(ExitCodes.Ok, restored.Code);
        Assert.Contains("before-restore", restored.Output, StringComparison.Ordinal);

        const string Snapshot = "SELECT u.language, c.order_number, c.step, r.kind, r.state FROM users u JOIN cases c ON c.user_id = u.id JOIN reminders r ON r.case_id = c.id";
        var original = await bot.QueryAsync<(string, string, string, string, string)>(Snapshot);
        await using var connection = new SqliteConnection($"Data Source={fresh}");
        var copy = await Dapper.SqlMapper.QueryAsync<(string, string, string, string, string)>(connection, Snapshot);
        Assert.Equal(original, copy);
        Assert.Equal([("it", "8123456789012345", "CheckBack", "CheckBack", "pending")], copy);
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Restoring_something_that_is_not_an_AppealBot_database_changes_nothing()
    {
        var directory = Directory.CreateTempSubdirectory("appealbot-restore-").FullName;
        var junk = Path.Combine(directory, "junk.db");
        await File.WriteAllTextAsync(junk, "this is not a database");

        var result = await Run("restore", junk, $"--ConnectionStrings:AppealBot=Data Source={Path.Combine(directory, "live.db")}");

        Assert.Equal(ExitCodes.DatabaseUnusable, result.Code);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(Directory.GetFiles(directory, "*.before-restore-*"));
        SqliteConnection.ClearAllPools();
    }

    [Theory]
    [InlineData("backup")]
    [InlineData("restore")]
    public async Task On_PostgreSQL_backup_and_restore_refuse_in_one_line_naming_its_tools_and_touch_no_file(string command)
    {
        var directory = Directory.CreateTempSubdirectory("appealbot-pg-backup-").FullName;
        var file = Path.Combine(directory, "copy.db");

        var result = await Run(command, file, "--Storage:Provider=postgresql", $"--ConnectionStrings:AppealBot=Data Source={Path.Combine(directory, "live.db")}");

        Assert.Equal(ExitCodes.BadConfiguration, result.Code);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("pg_dump", line, StringComparison.Ordinal);
        Assert.Contains("pg_restore", line, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(directory));
    }

    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await AppealBotApp.RunAsync(args, TextReader.Null, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
