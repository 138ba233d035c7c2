using AppealBot.Localization;
using AppealBot.Tests.TestKit;

namespace AppealBot.Tests.Telegram;

public sealed class GreetingTests : BotTests
{

    [Theory]
    [InlineData("ru", "Здравствуйте! Я AppealBot.")]
    [InlineData("it", "Ciao! Sono AppealBot.")]
    [InlineData("en", "Hi! I'm AppealBot.")]
    [InlineData("de", "Hi! I'm AppealBot.")]
    [InlineData(null, "Hi! I'm AppealBot.")]
    public async Task Start_greets_in_the_language_of_the_Telegram_app(string? languageCode, string greeting)
    {
        var reply = await Bot.User(1001, languageCode).SendAsync("/start");

        Assert.StartsWith(greeting, reply.Last.Text, StringComparison.Ordinal);
        Assert.Equal(3, reply.Last.Text.Split('\n').Length - 1);
    }

    [Fact]
    public async Task Start_with_a_bot_suffix_and_a_deep_link_payload_still_greets()
    {
        var reply = await Bot.User(1002, "it").SendAsync("/start@AppealTestBot from-forum");

        Assert.StartsWith("Ciao! Sono AppealBot.", reply.Last.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Language_choice_is_remembered_over_the_Telegram_app_language()
    {
        var user = Bot.User(1003, "en");
        var prompt = await user.SendAsync("/language");
        Assert.Equal(["Русский", "Italiano", "English"], prompt.ButtonTexts);

        var changed = await user.PressAsync("Italiano");
        Assert.Equal(Texts.Plain(Language.It, "language.changed"), changed.Last.Text);
        Assert.Equal(Texts.Plain(Language.It, "language.changed.notice"), changed.CallbackAnswerText);

        var greeting = await user.SendAsync("/start");
        Assert.StartsWith("Ciao! Sono AppealBot.", greeting.Last.Text, StringComparison.Ordinal);
        var stored = await Bot.QueryAsync<string>("SELECT language FROM users WHERE id = 1003");
        Assert.Equal(["it"], stored);
    }

    [Fact]
    public async Task Help_lists_every_command_in_the_users_language()
    {
        var reply = await Bot.User(1004, "ru").SendAsync("/help");

        foreach (var command in new[] { "/new", "/cases", "/status", "/cancel", "/language", "/help" })
        {
            Assert.Contains(command, reply.Last.Text, StringComparison.Ordinal);
        }

        Assert.Contains("Что я умею", reply.Last.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_menu_is_published_for_russian_italian_and_the_default()
    {
        await Bot.Server.WaitForCallAsync("setMyCommands", c => !c.Body.TryGetProperty("language_code", out _));
        var calls = Bot.Server.CallsTo("setMyCommands");

        var languages = calls.Select(c => c.Body.TryGetProperty("language_code", out var code) ? code.GetString() : null).ToList();
        Assert.Contains("ru", languages);
        Assert.Contains("it", languages);
        Assert.Contains(null, languages);
        var russian = calls.Single(c => c.Body.TryGetProperty("language_code", out var code) && code.GetString() == "ru");
        Assert.Contains("new", russian.Body.GetProperty("commands").EnumerateArray().Select(c => c.GetProperty("command").GetString()));
    }

    [Fact]
    public async Task Text_from_someone_without_a_case_leads_to_starting_one()
    {
        var reply = await Bot.User(1006, "it").SendAsync("ho perso la disputa, aiuto");

        Assert.Equal(Texts.Plain(Language.It, "input.no_case"), reply.Last.Text);
        Assert.Equal([Texts.Plain(Language.It, "button.new_case")], reply.ButtonTexts);
    }

    [Fact]
    public async Task Unknown_commands_get_a_friendly_hint()
    {
        var user = Bot.User(1005, "en");

        var unknown = await user.SendAsync("/frobnicate");

        Assert.Equal(Texts.Plain(Language.En, "input.unknown_command"), unknown.Last.Text);
    }
}
