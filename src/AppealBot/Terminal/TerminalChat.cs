using AppealBot.Conversation;
using AppealBot.Handling;
using AppealBot.Hosting;
using AppealBot.Localization;
using AppealBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

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
        using var host = builder.Build();

        // A database a running bot holds is refused, as a second bot would be: its users' updates are not the terminal's.
        await host.StartAppealBotAsync();

        var handler = host.Services.GetRequiredService<InputHandler>();
        var nextId = await host.Services.GetRequiredService<IHandledUpdates>().NextLocalIdAsync(CancellationToken.None);
        var texts = Localizer.For(language);

        async Task SayAsync(Inbound said)
        {
            try
            {
                if (await handler.HandleAsync(said, CancellationToken.None) is { } turn)
                {
                    screen.Show(said, turn);
                }
            }
            catch (StorageException)
            {
                // Nothing was stored: the user may simply type it again.
                screen.Show(said, new Turn().Send(texts["input.internal_error"]));
            }
        }

        output.WriteLine(HtmlToTerminal.Render(texts["terminal.intro"], ansi));
        output.WriteLine();
        await SayAsync(Typed(nextId--, "/start", language));

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

            var said = line.StartsWith('#') && screen.LatestButtons is { } latest
                ? Press(nextId--, latest, line, output, language)
                : Typed(nextId--, line, language);
            if (said is not null)
            {
                await SayAsync(said);
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

    /// <summary>A line typed as a message: a command or text, exactly as Telegram would have read it.</summary>
    private static Inbound Typed(long id, string line, Language language) =>
        new(id, LocalUserId, LocalUserId, language.Code(), Inbound.ReadTyped(line, out _));

    private static Inbound? Press(long id, (int MessageId, IReadOnlyList<Button> Buttons) latest, string line, TextWriter output, Language language)
    {
        if (!int.TryParse(line.AsSpan(1), out var number) || number < 1 || number > latest.Buttons.Count)
        {
            output.WriteLine($"  ({HtmlToTerminal.Render(Localizer.For(language).Get("terminal.press_hint", ("count", latest.Buttons.Count)), ansi: false)})");
            return null;
        }

        var data = latest.Buttons[number - 1].Data;
        return new Inbound(id, LocalUserId, LocalUserId, language.Code(), new ButtonInput(data, latest.MessageId),
            CallbackQueryId: $"local-{-id}", PressedMessageId: latest.MessageId);
    }
}
