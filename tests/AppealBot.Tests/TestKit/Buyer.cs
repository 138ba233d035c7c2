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

    /// <summary>Opens a damaged-item case and goes through every step up to a filed complaint.</summary>
    public async Task<Reply> FileComplaintAsync(string orderNumber = "8123456789012345")
    {
        await ToEvidenceAsync(orderNumber);
        await Tick("Photos");
        await Press("button.to_compensation");
        await Press("compensation.ReturnAndRefund");
        await Press("button.survey_done");
        await Press("button.to_complaint");
        return await Press("button.filed");
    }

    /// <summary>Opens a case (damaged item, full refund asked, unless said otherwise) and answers everything up to the evidence step.</summary>
    public async Task<Reply> ToEvidenceAsync(string orderNumber = "8123456789012345", string problem = "problem.Damaged", string claim = "compensation.FullRefund")
    {
        await Send("/new");
        await Send(orderNumber);
        await Press(problem);
        await Press(claim);
        await Press("button.yesterday");
        await AnswerAllReasons(yes: false);
        return await Press("button.to_evidence");
    }

    /// <summary>Waits for a reminder sent to this user at or after the bot's current (fake) time.</summary>
    public Task<RecordedCall> NextReminderAsync(BotUnderTest bot, string textKey)
    {
        var since = bot.Clock.GetUtcNow();
        return bot.Server.WaitForCallAsync("sendMessage", c => c.ChatId == User.Id && c.Succeeded && c.At >= since
            && (c.Text ?? "").Contains(Localizer.For(Language)[textKey].Split("</b>")[0], StringComparison.Ordinal));
    }

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
