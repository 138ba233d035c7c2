using AppealBot.Storage;
using AppealBot.Terminal;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AppealBot.Hosting;

/// <summary>The command line: <c>AppealBot</c> runs the bot, <c>AppealBot chat</c> talks in the terminal.</summary>
internal static class AppealBotApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            if (args.Length > 0 && args[0] == "chat")
            {
                return await TerminalChat.RunAsync(args[1..], Console.In, Console.Out);
            }

            using var host = AppealBotHost.CreateBuilder(args).Build();

            // Settings and the database are checked before anything starts, so a problem is one line, not a stack trace.
            host.Services.GetService<IStartupValidator>()?.Validate();
            await host.Services.GetRequiredService<Migrator>().MigrateAsync();
            await host.RunAsync();
            return Environment.ExitCode;
        }
        catch (OptionsValidationException e)
        {
            return Fail(ExitCodes.BadConfiguration, string.Join(" ", e.Failures));
        }
        catch (SchemaTooNewException e)
        {
            return Fail(ExitCodes.DatabaseUnusable, e.Message);
        }
        catch (SqliteException e)
        {
            return Fail(ExitCodes.DatabaseUnusable, $"The database cannot be opened or written ({e.Message.TrimEnd('.')}): check ConnectionStrings__AppealBot and the file's permissions.");
        }
    }

    private static int Fail(int exitCode, string message)
    {
        Console.Error.WriteLine($"AppealBot cannot start: {message}");
        return exitCode;
    }
}
