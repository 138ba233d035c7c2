using AppealBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace AppealBot.Hosting;

/// <summary>
/// The operator's subcommands of the same executable: <c>backup FILE</c>, <c>restore FILE</c>, <c>health</c> and
/// <c>copy-to-postgresql SQLITE_FILE</c>.
/// They read the same configuration as the bot (appsettings.json, environment), so a systemd timer or a
/// container health check needs nothing else.
/// </summary>
internal static class MaintenanceCommands
{
    public static bool Handles(string command) => command is "backup" or "restore" or "health" or "copy-to-postgresql";

    public static async Task<int> RunAsync(string command, string[] args, TextWriter output, TextWriter error)
    {
        var positional = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        IConfiguration configuration = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [.. args.Skip(positional.Count)] }).Configuration;
        // Each command opens only the database it works on: with PostgreSQL configured there is no SQLite file to open.
        return (command, positional.Count) switch
        {
            ("health", _) => await HealthAsync(configuration, output),
            ("copy-to-postgresql", 1) => await CopyToPostgreSqlAsync(configuration, positional[0], output, error),
            ("backup" or "restore", _) when UsesPostgreSql(configuration) => await RefuseOnPostgreSqlAsync(command, error),
            ("backup", 1) => await BackupAsync(SqliteDatabase(configuration), positional[0], output),
            ("restore", 1) => await RestoreAsync(SqliteDatabase(configuration), positional[0], output, error),
            _ => await UsageAsync(command, error),
        };
    }

    private static Database SqliteDatabase(IConfiguration configuration) =>
        new(configuration.GetConnectionString("AppealBot") ?? "Data Source=appealbot.db");

    private static async Task<int> BackupAsync(Database database, string file, TextWriter output)
    {
        await new DatabaseCopy(database).BackupAsync(file);
        await output.WriteLineAsync($"Backed up {database.FilePath} to {file}.");
        return ExitCodes.Ok;
    }

    private static async Task<int> RestoreAsync(Database database, string file, TextWriter output, TextWriter error)
    {
        // The bot's own lock: a restore under a running bot would be overwritten or corrupt its next commit.
        using var instance = new SingleInstance(database);
        try
        {
            instance.Acquire();
        }
        catch (AlreadyRunningException)
        {
            await error.WriteLineAsync($"AppealBot restore: the bot is running on {database.FilePath}; stop it first (systemctl stop appealbot), then restore.");
            return ExitCodes.AlreadyRunning;
        }

        var restoredCopy = await new DatabaseCopy(database).RestoreAsync(file, TimeProvider.System.GetUtcNow());
        await output.WriteLineAsync($"Restored {file} into {database.FilePath}; the previous database is kept as {restoredCopy}.");
        return ExitCodes.Ok;
    }

    /// <summary>The copy and the lock of backup/restore are SQLite's own; PostgreSQL's tools do it better (and while bots run).</summary>
    private static async Task<int> RefuseOnPostgreSqlAsync(string command, TextWriter error)
    {
        await error.WriteLineAsync(
            $"AppealBot {command}: Storage__Provider=PostgreSql: use PostgreSQL's own tools, pg_dump -Fc to back up and pg_restore to restore (docs/deploy.md, \"Backups with PostgreSQL\").");
        return ExitCodes.BadConfiguration;
    }

    private static async Task<int> UsageAsync(string command, TextWriter error)
    {
        await error.WriteLineAsync($"usage: AppealBot {command}{command switch { "health" => "", "copy-to-postgresql" => " SQLITE_FILE", _ => " FILE" }}");
        return ExitCodes.BadConfiguration;
    }

    /// <summary>
    /// Copies a stopped SQLite bot's database (its lock is taken, so a running bot makes this refuse) into the empty
    /// PostgreSQL database the configuration names (Storage:Provider=PostgreSql and ConnectionStrings:AppealBot).
    /// </summary>
    private static async Task<int> CopyToPostgreSqlAsync(IConfiguration configuration, string sqliteFile, TextWriter output, TextWriter error)
    {
        if (!StorageOptions.PostgreSql.Equals(configuration["Storage:Provider"], StringComparison.OrdinalIgnoreCase)
            || configuration.GetConnectionString("AppealBot") is not { Length: > 0 } connectionString)
        {
            await error.WriteLineAsync("AppealBot copy-to-postgresql: set Storage__Provider=PostgreSql and ConnectionStrings__AppealBot to the PostgreSQL database to copy into.");
            return ExitCodes.BadConfiguration;
        }

        if (!File.Exists(sqliteFile))
        {
            await error.WriteLineAsync($"AppealBot copy-to-postgresql: there is no SQLite database at {sqliteFile}.");
            return ExitCodes.BadConfiguration;
        }

        var source = new Database(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = sqliteFile }.ToString());
        using var instance = new SingleInstance(source);
        try
        {
            instance.Acquire();
        }
        catch (AlreadyRunningException)
        {
            await error.WriteLineAsync($"AppealBot copy-to-postgresql: the bot is running on {sqliteFile}; stop it first (systemctl stop appealbot).");
            return ExitCodes.AlreadyRunning;
        }

        await using var target = new Storage.PostgreSql.PostgreSqlDatabase(connectionString);
        try
        {
            var report = await new Storage.PostgreSql.SqliteToPostgreSqlCopy(source, target, TimeProvider.System).CopyAsync();
            foreach (var table in report.Tables)
            {
                await output.WriteLineAsync($"{table.Name}: {table.Rows} rows");
            }

            await output.WriteLineAsync($"Copied {sqliteFile} into PostgreSQL in {report.Took.TotalSeconds:0.0} s.");
            return ExitCodes.Ok;
        }
        catch (Storage.PostgreSql.TargetNotEmptyException e)
        {
            await error.WriteLineAsync($"AppealBot copy-to-postgresql: {e.Message}");
            return ExitCodes.DatabaseUnusable;
        }
        catch (Npgsql.NpgsqlException e)
        {
            // Never the connection string: it may carry the password.
            await error.WriteLineAsync($"AppealBot copy-to-postgresql: PostgreSQL refused or could not be reached ({e.SqlState ?? e.GetType().Name}); nothing was copied.");
            return ExitCodes.DatabaseUnusable;
        }
    }

    private static bool UsesPostgreSql(IConfiguration configuration) =>
        StorageOptions.PostgreSql.Equals(configuration["Storage:Provider"]?.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>Exit 0 when the bot's own readiness endpoint says ready, or (without HTTP) when the database and Telegram answer.</summary>
    private static async Task<int> HealthAsync(IConfiguration configuration, TextWriter output)
    {
        var listen = configuration["Telegram:WebhookUrl"] is { Length: > 0 }
            ? configuration["Telegram:WebhookListen"] ?? "http://127.0.0.1:8080"
            : configuration["Health:Listen"];
        if (listen is { Length: > 0 })
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            try
            {
                using var response = await http.GetAsync(new Uri(new Uri(listen.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)), "/readyz"));
                await output.WriteLineAsync($"readyz: {(int)response.StatusCode}");
                return response.IsSuccessStatusCode ? ExitCodes.Ok : ExitCodes.Unhealthy;
            }
            catch (HttpRequestException e)
            {
                await output.WriteLineAsync($"readyz: {e.Message}");
                return ExitCodes.Unhealthy;
            }
            catch (TaskCanceledException)
            {
                await output.WriteLineAsync("readyz: no answer");
                return ExitCodes.Unhealthy;
            }
        }

        if (!await DatabaseAnswersAsync(configuration, output))
        {
            return ExitCodes.Unhealthy;
        }

        return await TelegramAnswersAsync(configuration, output) ? ExitCodes.Ok : ExitCodes.Unhealthy;
    }

    private static async Task<bool> DatabaseAnswersAsync(IConfiguration configuration, TextWriter output)
    {
        if (!UsesPostgreSql(configuration))
        {
            var database = new Database(configuration.GetConnectionString("AppealBot") ?? "Data Source=appealbot.db");
            await using (await database.OpenAsync())
            {
                await output.WriteLineAsync($"database: {database.FilePath} answers");
            }

            return true;
        }

        await using var postgres = new Storage.PostgreSql.PostgreSqlDatabase(configuration.GetConnectionString("AppealBot") ?? "");
        try
        {
            await using (await postgres.OpenAsync())
            {
                await output.WriteLineAsync("database: PostgreSQL answers");
            }

            return true;
        }
        catch (Npgsql.NpgsqlException e)
        {
            // Never the connection string: it may carry the password.
            await output.WriteLineAsync($"database: PostgreSQL is not reachable ({e.SqlState ?? e.GetType().Name})");
            return false;
        }
    }

    /// <summary>Polling mode without a health endpoint: asks Telegram itself (getMe) whether it can be reached with the token.</summary>
    private static async Task<bool> TelegramAnswersAsync(IConfiguration configuration, TextWriter output)
    {
        var baseUrl = (configuration["Telegram:ApiBaseUrl"] ?? "https://api.telegram.org").TrimEnd('/');
        var host = Telegram.TransientFailures.HostOf(baseUrl);
        if (configuration["Telegram:BotToken"] is not { Length: > 0 } token)
        {
            await output.WriteLineAsync($"telegram: {TelegramOptions.TokenVariable} is not set");
            return false;
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.GetAsync(new Uri($"{baseUrl}/bot{token}/getMe"));
            await output.WriteLineAsync($"telegram: {host} answered {(int)response.StatusCode}");
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            // Never e.Message: it could carry the URL, and the token is in its path.
            await output.WriteLineAsync($"telegram: {host} is not reachable ({Telegram.TransientFailures.Describe(e)})");
            return false;
        }
    }
}
