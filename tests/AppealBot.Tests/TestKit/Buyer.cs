using AppealBot.Localization;
using AppealBot.Tests.FakeTelegram;

namespace AppealBot.Tests.TestKit;

/// <summary>A user who presses buttons by the text key of their label, in their own language.</summary>
internal sealed class Buyer(FakeUser user, Language language)
{
    public FakeUser User { get; } = user;

    public Language Language { get; } = language;

    public static Buyer Of(BotUnderTest bot, long id, Language language) => new(bot.User(id, language.Code()), language);

    public string Label(string key, params (string Name, object? Value)[] args) => Texts.Plain(Language, key, args);

    public Task<Reply> Send(string text) => User.SendAsync(text);

    public Task<Reply> Press(string key, params (string Name, object? Value)[] args) => User.PressAsync(Label(key, args));

    public Task<Reply> PressDays(int days) => User.PressAsync(Texts.PluralPlain(Language, "button.in_days", days));

    public Task<Reply> Tick(string evidenceItem) =>
        Press("button.evidence.missing", ("item", new Html(Localizer.For(Language)[$"evidence.label.{evidenceItem}"])));

    /// <summary>Answers every loss-reason question with the same answer until the advice shows.</summary>
    public async Task<Reply> AnswerAllReasons(bool yes)
    {
        var reply = await Press(yes ? "button.yes" : "button.no");
        while (reply.ButtonTexts.Contains(Label("button.yes")))
        {
            reply = await Press(yes ? "button.yes" : "button.no");
        }

        return reply;
    }
}
