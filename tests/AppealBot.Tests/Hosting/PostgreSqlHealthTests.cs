using AppealBot.Hosting;
using AppealBot.Tests.TestKit.PostgreSql;
using Npgsql;

namespace AppealBot.Tests.Hosting;

/// <summary>`AppealBot health` in polling mode without a health listener, on PostgreSQL: it asks PostgreSQL, not a SQLite file.</summary>
public sealed class PostgreSqlHealthTests
{
    [PostgreSqlFact]
    public async Task Health_asks_the_PostgreSQL_database_the_settings_name()
    {
        await using var database = await PostgreSqlServer.CreateDatabaseAsync();

        var result = await Run("health", "--Storage:Provider=PostgreSql", $"--ConnectionStrings:AppealBot={database.ConnectionString}");

        // No token in this test: Telegram cannot be asked, so unhealthy, but the database was reached.
        Assert.Equal(ExitCodes.Unhealthy, result.Code);
        Assert.Contains("database: PostgreSQL answers", result.Output, StringComparison.Ordinal);
    }

    [PostgreSqlFact]
    public async Task Health_is_false_when_the_PostgreSQL_database_does_not_answer()
    {
        await using var database = await PostgreSqlServer.CreateDatabaseAsync();
        var missing = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Database = "appealbot_no_such_database", Timeout = 2 };

        var result = await Run("health", "--Storage:Provider=PostgreSql", $"--ConnectionStrings:AppealBot={missing.ConnectionString}");

        Assert.Equal(ExitCodes.Unhealthy, result.Code);
        Assert.Contains("database: PostgreSQL is not reachable", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("appealbot_no_such_database", result.Output, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await AppealBotApp.RunAsync(args, TextReader.Null, output, error);
        return (code, output.ToString() + error.ToString());
    }
}
