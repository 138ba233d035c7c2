using AppealBot.Storage;
using AppealBot.Tests.TestKit;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace AppealBot.Tests.Storage;

public sealed class MigrationTests
{
    [Fact]
    public async Task Migrations_apply_once_and_survive_a_restart()
    {
        await using var bot = await BotUnderTest.StartAsync();
        await bot.User(2001, "ru").SendAsync("/start");

        await bot.RestartAsync();
        var reply = await bot.User(2001, "ru").SendAsync("/help");

        var versions = await bot.QueryAsync<long>("SELECT version FROM schema_version ORDER BY version");
        Assert.Equal(Migrator.Known.Select(m => (long)m.Version), versions);
        Assert.Equal(["ru"], await bot.QueryAsync<string>("SELECT language FROM users WHERE id = 2001"));
        Assert.Contains("/new", reply.Last.Text, StringComparison.Ordinal);
        Assert.Equal("wal", (await bot.QueryAsync<string>("PRAGMA journal_mode")).Single());
    }

    [Fact]
    public void A_script_numbered_below_the_latest_applied_one_is_still_applied()
    {
        // Branches number scripts on their own: a database migrated to 010 gets 009 when it arrives later.
        foreach (var missing in Migrator.Known)
        {
            var applied = Migrator.Known.Where(m => m != missing).Select(m => m.Version);
            Assert.Equal([missing], Migrator.Pending(applied));
        }

        Assert.Equal(Migrator.Known, Migrator.Pending([]));
        Assert.Contains(Migrator.Known, m => m.Version == 11 && m.Name == "photo_checks");
    }

    [Fact]
    public async Task A_database_from_a_newer_version_is_refused()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("appealbot-schema-").FullName, "bot.db");
        var database = new Database($"Data Source={path}");
        var migrator = new Migrator(database, TimeProvider.System, NullLogger<Migrator>.Instance);
        await migrator.MigrateAsync();
        await using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            await connection.ExecuteAsync("INSERT INTO schema_version (version, name, applied_at) VALUES (999, 'future', 0)");
        }

        var refused = await Assert.ThrowsAsync<SchemaTooNewException>(() => migrator.MigrateAsync());

        Assert.Contains("999", refused.Message, StringComparison.Ordinal);
        SqliteConnection.ClearAllPools();
    }
}
