using AppealBot.Storage;
using AppealBot.Terminal;
using Microsoft.Data.Sqlite;
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
            host.Services.GetService<IStartupValidator>()?.Validate();
            await host.Services.GetRequiredService<Migrator>().MigrateAsync();
            await host.Services.GetRequiredService<IEnumerable<IHostedService>>().OfType<SingleInstance>().Single().StartAsync(CancellationToken.None);
            await host.RunAsync();
            return Environment.ExitCode;
        }
        catch (OptionsValidationException e)
        {
            return Fail(ExitCodes.BadConfiguration, string.Join(" ", e.Failures));
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
        catch (SqliteException e) when (e.SqliteErrorCode == 5)
        {
            return Fail(ExitCodes.DatabaseUnusable, "The database is busy: another AppealBot is using it. Stop the bot (systemctl stop appealbot) and try again.");
        }
        catch (SqliteException e)
        {
            return Fail(ExitCodes.DatabaseUnusable, $"The database cannot be opened or written ({e.Message.TrimEnd('.')}): check ConnectionStrings__AppealBot and the file's permissions.");
        }
    }
}
