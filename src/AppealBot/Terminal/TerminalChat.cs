using AppealBot.Hosting;
using AppealBot.Localization;
using AppealBot.Storage;
using AppealBot.Telegram;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace AppealBot.Terminal;

/// <summary>
/// <c>AppealBot chat [--lang ru|it|en]</c>: the real conversation, texts and database, with the terminal
/// in place of Telegram. Lines are sent as messages; <c>#2</c> presses the second button shown.
/// </summary>
internal static class TerminalChat
{
    /// <summary>The local user; real Telegram ids of this size do not exist.</summary>
    private const long LocalUserId = 1;

    /// <summary>The try-out's own database, unless one is configured: never the real bot's <c>appealbot.db</c> by accident.</summary>
    public const string DefaultDatabase = "Data Source=appealbot-chat.db";

    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output)
    {
        var language = ReadLanguage(args, out var rest);
        var ansi = !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;
        var screen = new TerminalScreen(output, ansi);

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = rest });
        if (builder.Configuration.GetConnectionString("AppealBot") is null)
        {
            builder.Configuration["ConnectionStrings:AppealBot"] = DefaultDatabase;
        }

        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // Ctrl+C ends the process at once (every answer is already stored); end of input ends it gently.
        builder.Services.AddSingleton<IHostLifetime, ExternallyStoppedLifetime>();
        builder.Services.AddAppealBotCore();
        builder.Services.AddSingleton<IReplySender>(screen);
        using var host = builder.Build();

        // A database a running bot holds is refused, as a second bot would be: its users' updates are not the terminal's.
        using var instance = new SingleInstance(host.Services.GetRequiredService<Database>());
        await instance.StartAsync(CancellationToken.None);
        await host.Services.GetRequiredService<Migrator>().MigrateAsync();
        await host.StartAsync();

        var handler = host.Services.GetRequiredService<UpdateHandler>();
        var time = host.Services.GetRequiredService<TimeProvider>();
        var nextId = await host.Services.GetRequiredService<HandledUpdates>().NextLocalIdAsync(CancellationToken.None);
        var user = new User { Id = LocalUserId, FirstName = "You", LanguageCode = language.Code() };
        var chat = new Chat { Id = LocalUserId, Type = ChatType.Private };

        output.WriteLine(HtmlToTerminal.Render(Localizer.For(language)["terminal.intro"], ansi));
        output.WriteLine();
        await handler.HandleAsync(MessageUpdate(nextId--, user, chat, "/start", time.GetUtcNow().UtcDateTime), screen, CancellationToken.None);

        // The greeting is on the screen already: a /start typed first (as one would in Telegram) does not repeat it.
        var firstLine = true;
        while (true)
        {
            output.Write("\n" + screen.Prefix("you"));
            output.Flush();
            var line = await input.ReadLineAsync();
            if (line is null)
            {
                break;
            }

            var greetingAgain = firstLine && line.Trim().Equals("/start", StringComparison.OrdinalIgnoreCase);
            firstLine = false;
            if (greetingAgain)
            {
                continue;
            }

            var update = line.StartsWith('#') && screen.LatestButtons is { } latest
                ? PressUpdate(nextId--, user, chat, latest, line, output, time.GetUtcNow().UtcDateTime, Localizer.For(language))
                : MessageUpdate(nextId--, user, chat, line, time.GetUtcNow().UtcDateTime);
            if (update is not null)
            {
                await handler.HandleAsync(update, screen, CancellationToken.None);
            }
        }

        output.WriteLine();
        await host.StopAsync();
        return ExitCodes.Ok;
    }

    private static Language ReadLanguage(string[] args, out string[] rest)
    {
        var language = Languages.FromTelegramCode(Environment.GetEnvironmentVariable("LANG"));
        var remaining = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--lang" && i + 1 < args.Length)
            {
                language = Languages.FromTelegramCode(args[++i]);
            }
            else
            {
                remaining.Add(args[i]);
            }
        }

        rest = [.. remaining];
        return language;
    }

    private static Update MessageUpdate(int id, User user, Chat chat, string text, DateTime date) => new()
    {
        Id = id,
        Message = new Message { Id = id, From = user, Chat = chat, Date = date, Text = text },
    };

    private static Update? PressUpdate(int id, User user, Chat chat, (int MessageId, IReadOnlyList<Conversation.Button> Buttons) latest, string line, TextWriter output, DateTime date, Localizer texts)
    {
        if (!int.TryParse(line.AsSpan(1), out var number) || number < 1 || number > latest.Buttons.Count)
        {
            output.WriteLine($"  ({HtmlToTerminal.Render(texts.Get("terminal.press_hint", ("count", latest.Buttons.Count)), ansi: false)})");
            return null;
        }

        return new Update
        {
            Id = id,
            CallbackQuery = new CallbackQuery
            {
                Id = $"local-{-id}",
                From = user,
                Data = latest.Buttons[number - 1].Data,
                Message = new Message { Id = latest.MessageId, Chat = chat, Date = date },
            },
        };
    }
}
