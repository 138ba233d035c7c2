using AppealBot.Storage;
using AppealBot.Terminal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AppealBot.Hosting;

/// <summary>
/// The command line: <c>AppealBot</c> runs the bot, <c>AppealBot chat</c> talks in the terminal, and
/// <c>backup FILE</c>, <c>restore FILE</c>, <c>health</c> are the operator's maintenance commands.
/// </summary>
internal static class AppealBotApp
{
    private const string Usage = """
        usage: AppealBot                 run the bot (Telegram__BotToken must be set)
               AppealBot chat [--lang ru|it|en]   talk to the bot in the terminal, no token needed
               AppealBot backup FILE     a consistent copy of the database, while the bot runs
               AppealBot restore FILE    replace the database with FILE (the bot must be stopped)
               AppealBot health          exit 0 when the bot is ready (database and Telegram)
               AppealBot copy-to-postgresql SQLITE_FILE   move a stopped bot's SQLite data into PostgreSQL
               AppealBot --version
        Settings: appsettings.json in the working directory, then environment variables (Telegram__BotToken …).
        Exit codes: 0 ok, 2 bad configuration, 3 token rejected, 4 database unusable, 5 unhealthy, 6 already running.
        """;

    private static string Version =>
        typeof(AppealBotApp).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false) is [System.Reflection.AssemblyInformationalVersionAttribute attribute, ..]
            ? attribute.InformationalVersion
            : "unknown";

    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.In, Console.Out, Console.Error);

    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        int Fail(int exitCode, string message)
        {
            error.WriteLine($"AppealBot cannot start: {message}");
            return exitCode;
        }

        try
        {
            if (args.Length > 0 && args[0] is "--help" or "-h" or "help")
            {
                await output.WriteLineAsync(Usage);
                return ExitCodes.Ok;
            }

            if (args.Length > 0 && args[0] is "--version")
            {
                await output.WriteLineAsync($"AppealBot {Version}");
                return ExitCodes.Ok;
            }

            if (args.Length > 0 && args[0] == "chat")
            {
                return await TerminalChat.RunAsync(args[1..], input, output);
            }

            if (args.Length > 0 && MaintenanceCommands.Handles(args[0]))
            {
                return await MaintenanceCommands.RunAsync(args[0], args[1..], output, error);
            }

            using var host = AppealBotHost.CreateBuilder(args).Build();

            // Settings and the database are checked before anything starts, so a problem is one line, not a stack trace.
            await host.StartAppealBotAsync();
            await host.WaitForShutdownAsync();
            return Environment.ExitCode;
        }
        catch (OptionsValidationException e)
        {
            return Fail(ExitCodes.BadConfiguration, string.Join(" ", e.Failures));
        }
        catch (InvalidOperationException e) when (UnreadableSetting.TryDescribe(e, out var line))
        {
            return Fail(ExitCodes.BadConfiguration, line);
        }
        catch (ArgumentException e) when (e.ParamName == "synchronous")
        {
            return Fail(ExitCodes.BadConfiguration, e.Message.Split(" (Parameter")[0]);
        }
        catch (AlreadyRunningException e)
        {
            return Fail(ExitCodes.AlreadyRunning, e.Message);
        }
        catch (SchemaTooNewException e)
        {
            return Fail(ExitCodes.DatabaseUnusable, e.Message);
        }
        catch (Exception e) when (e is InvalidDataException or FileNotFoundException)
        {
            return Fail(ExitCodes.DatabaseUnusable, e.Message);
        }
        catch (StorageException e) when (e.IsBusy)
        {
            return Fail(ExitCodes.DatabaseUnusable, "The database is busy: another AppealBot is using it. Stop the bot (systemctl stop appealbot) and try again.");
        }
        catch (StorageException e)
        {
            return Fail(ExitCodes.DatabaseUnusable, $"The database cannot be opened or written ({e.InnerException?.Message.TrimEnd('.')}): check ConnectionStrings__AppealBot and the file's permissions.");
        }
    }
}
