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

    /// <summary>
    /// Answers "what did the operator say / what was decided" with <paramref name="key"/>: before the day it can have
    /// happened the bot shows "I have the answer" first, as a buyer would tap it.
    /// </summary>
    public async Task<Reply> Answer(string key)
    {
        if (User.LastMessage.ButtonTexts.Contains(Label("button.have_answer")))
        {
            await Press("button.have_answer");
        }

        return await Press(key);
    }

    /// <summary>Ticks one of the differences between what was ordered and what came.</summary>
    public Task<Reply> TickDifference(string difference) =>
        Press("button.evidence.missing", ("item", new Html(Localizer.For(Language)[$"difference.{difference}"])));

    /// <summary>Opens a damaged-item case and goes through every step up to a filed complaint.</summary>
    public async Task<Reply> FileComplaintAsync(string orderNumber = "8123456789012345")
    {
        await ToEvidenceAsync(orderNumber);
        await Tick("Photos");
        await Press("button.to_compensation");
        await Press("compensation.ReturnAndRefund");
        await Press("button.skip");
        await Press("button.survey_done");
        await Press("button.to_complaint");
        return await Press("button.filed");
    }

    /// <summary>Opens a case (damaged item, full refund asked, unless said otherwise) and answers everything up to the evidence step.</summary>
    public async Task<Reply> ToEvidenceAsync(string orderNumber = "8123456789012345", string problem = "problem.Damaged", string claim = "compensation.FullRefund")
    {
        await Send("/new");
        await Send(orderNumber);
        await Press("button.yesterday");
        await SkipFactsAsync(await Press(problem));
        await Press(claim);
        await AnswerAllReasons(wellPrepared: true);
        return await Press("button.to_evidence");
    }

    /// <summary>
    /// Goes through the case file's questions giving no facts (skip, "don't know", "no reason given", "no"), until the
    /// question about the dispute claim.
    /// </summary>
    public async Task<Reply?> SkipFactsAsync(Reply? reply = null)
    {
        string[] neutral =
        [
            "button.skip", "button.done", "fact.SellerArgument.DontKnow", "fact.ClosingReason.NoReasonGiven", "button.no",
            "fact.FaultStart.FromTheStart", "fact.Tracking.NoUpdates", "fact.PaymentMethod.Other", "fact.Protection.DontKnow",
        ];
        IReadOnlyList<string> Buttons() => reply?.ButtonTexts ?? User.LastMessage.ButtonTexts;
        while (!Buttons().Contains(Label("compensation.FullRefund")))
        {
            var key = neutral.FirstOrDefault(k => Buttons().Contains(Label(k)))
                      ?? throw new InvalidOperationException($"Not a case file question: {User.LastMessage.Text}");
            reply = await Press(key);
        }

        return reply;
    }

    /// <summary>Waits for a reminder sent to this user at or after the bot's current (fake) time.</summary>
    public Task<RecordedCall> NextReminderAsync(BotUnderTest bot, string textKey)
    {
        var since = bot.Clock.GetUtcNow();
        return bot.Server.WaitForCallAsync("sendMessage", c => c.ChatId == User.Id && c.Succeeded && c.At >= since
            && (c.Text ?? "").Contains(Localizer.For(Language)[textKey].Split("</b>")[0], StringComparison.Ordinal));
    }

    /// <summary>
    /// Answers every loss-reason question until the advice shows: as a buyer whose dispute was well prepared (no reason
    /// applies), or as one for whom every reason applies. Questions are asked positively, except "too much asked".
    /// </summary>
    public async Task<Reply> AnswerAllReasons(bool wellPrepared)
    {
        Reply? reply = null;
        do
        {
            var asksTooMuch = reply?.Last.Text.Contains(Label("reason.question.TooMuchAsked"), StringComparison.Ordinal) == true;
            reply = await Press(wellPrepared != asksTooMuch ? "button.yes" : "button.no");
        }
        while (reply.ButtonTexts.Contains(Label("button.yes")));

        return reply;
    }
}
