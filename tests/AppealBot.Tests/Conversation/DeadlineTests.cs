using AppealBot.Conversation;
using AppealBot.Localization;
using AppealBot.Tests.FakeTelegram;
using AppealBot.Tests.TestKit;

namespace AppealBot.Tests.Conversation;

/// <summary>
/// The windows that close on a buyer, through the real host on the fake clock (it starts on 25 November 2026, 10:00
/// UTC): said as soon as the closing date is known, planned per payment and country, reminded before they close, and
/// the routes that still fit once the appeal is no longer possible.
/// </summary>
public sealed class DeadlineTests : BotTests
{
    protected override void Configure(Dictionary<string, string?> settings) => settings["Reminders:NudgeAfter"] = "00:00:00";

    [Fact]
    public async Task A_case_closed_today_shows_the_appeal_window_and_is_reminded_before_it_closes()
    {
        var buyer = Buyer.Of(Bot, 8501, Language.Ru);
        await buyer.Send("/new");
        await buyer.Send("8123456789012345");

        var problem = await buyer.Press("button.today");

        Assert.Contains("до 2 декабря 2026 (через 7 дней)", problem.Last.Text, StringComparison.Ordinal);
        await PrepareAsync(buyer, "problem.Damaged");
        Assert.Equal([new DateTimeOffset(2026, 11, 29, 7, 0, 0, TimeSpan.Zero)], await PendingAsync(8501, "AppealDeadline"));

        Bot.AdvanceTo(new DateTimeOffset(2026, 11, 29, 7, 0, 0, TimeSpan.Zero));
        var reminder = await Bot.Server.WaitForCallAsync("sendMessage",
            c => c.ChatId == 8501 && (c.Text ?? "").Contains("Срок обжалования, по имеющимся данным, истекает через 3 дня", StringComparison.Ordinal));
        Assert.Contains("2 декабря 2026", reminder.Text, StringComparison.Ordinal);

        await buyer.Press("button.continue");
        await buyer.Press("button.survey_done");
        await buyer.Press("button.to_complaint");
        await buyer.Press("button.filed");
        Assert.Empty(await PendingAsync(8501, "AppealDeadline"));
    }

    [Fact]
    public async Task A_case_closed_beyond_the_window_says_so_and_goes_to_the_routes()
    {
        var buyer = Buyer.Of(Bot, 8502, Language.En);
        await buyer.Send("/new");
        await buyer.Send("8123456789012345");

        var problem = await buyer.Send("01/03/2026");

        Assert.Contains("it has probably gone", problem.Last.Text, StringComparison.Ordinal);
        var routes = await PrepareAsync(buyer, "problem.Damaged");
        Assert.Contains("The appeal window has probably passed", routes.Last.Text, StringComparison.Ordinal);
        Assert.Contains("other routes", routes.Last.Text, StringComparison.Ordinal);
        Assert.Contains(buyer.Label("route.ConsumerAuthority"), routes.Last.Text, StringComparison.Ordinal);
        Assert.Contains("general information, not legal advice", routes.Last.Text, StringComparison.Ordinal);
        Assert.Empty(await PendingAsync(8502, "AppealDeadline"));

        var survey = await buyer.Press("button.try_support");
        Assert.Contains(buyer.Label("button.survey_done"), survey.ButtonTexts);
    }

    [Fact]
    public async Task An_italian_PayPal_payer_with_an_item_not_as_described_sees_the_thirty_day_limit_from_delivery_and_gets_the_text()
    {
        var buyer = Buyer.Of(Bot, 8503, Language.It);
        await buyer.Send("/new");
        await buyer.Send("8123456789012345");
        await buyer.Press("button.yesterday");
        await buyer.Press("problem.NotAsDescribed");
        await buyer.TickDifference("Colour");
        await buyer.Press("button.done");
        await buyer.Send("nero");
        await buyer.Send("bianco");
        await buyer.Press("fact.SellerArgument.AsDescribed");
        var payment = await buyer.Press("fact.ClosingReason.NoReasonGiven");
        Assert.DoesNotContain(buyer.Label("fact.PaymentMethod.MirOrSbp"), payment.ButtonTexts);
        var paidQuestion = await buyer.Press("fact.PaymentMethod.PayPal");
        Assert.Contains(buyer.Label("fact.ago.14"), paidQuestion.ButtonTexts);
        await buyer.Press("fact.ago.14");
        await buyer.Send("18/11/2026");
        await buyer.Press("fact.Protection.Over");
        await buyer.Press("compensation.FullRefund");
        var advice = await buyer.AnswerAllReasons(wellPrepared: true);

        Assert.Contains("Contestazione PayPal: fino al 18 dicembre 2026 (tra 23 giorni)", advice.Last.Text, StringComparison.Ordinal);
        Assert.Contains("entro 30 giorni dalla consegna o 180 giorni dal pagamento", advice.Last.Text, StringComparison.Ordinal);
        Assert.Equal([new DateTimeOffset(2026, 12, 15, 9, 0, 0, TimeSpan.Zero)], await PendingAsync(8503, "PayPalDeadline"));

        await FileAndGetRejectedAsync(buyer);
        var routes = buyer.User.LastMessage;
        Assert.Contains("PayPal", routes.Text, StringComparison.Ordinal);
        Assert.Contains(buyer.Label("routes.warning"), routes.Text, StringComparison.Ordinal);
        Assert.Contains("per i difetti copre 2 anni dalla consegna, fino al 18 novembre 2028; il difetto va segnalato entro 2 mesi", routes.Text, StringComparison.Ordinal);
        var texts = await buyer.Press("button.paypal_text");
        Assert.Equal(2, texts.Messages.Count);
        Assert.Contains("Ordine 8123456789012345 su AliExpress: l'articolo non corrisponde alla descrizione.", texts.Messages[0].Text, StringComparison.Ordinal);
        Assert.Contains("Ordinato: nero. Ricevuto: bianco.", texts.Messages[0].Text, StringComparison.Ordinal);
        Assert.Contains("Ordered: “nero” (in Italian)", texts.Messages[1].Text, StringComparison.Ordinal);
        Assert.All(texts.Messages, m => Assert.InRange(m.Text.Length, 1, 4096));
    }

    [Fact]
    public async Task A_russian_card_payer_never_sees_PayPal_and_gets_the_chargeback_and_consumer_law()
    {
        var buyer = Buyer.Of(Bot, 8504, Language.Ru);
        await buyer.Send("/new");
        await buyer.Send("8123456789012345");
        await buyer.Press("button.yesterday");
        await buyer.Press("problem.Defective");
        await buyer.Send("не заряжается");
        await buyer.Press("fact.FaultStart.FromTheStart");
        await buyer.Press("fact.SellerArgument.NoAnswer");
        var payment = await buyer.Press("fact.ClosingReason.ResponseTimeout");
        Assert.Contains(buyer.Label("fact.PaymentMethod.MirOrSbp"), payment.ButtonTexts);
        await buyer.Press("fact.PaymentMethod.Card");
        await buyer.Send("1 ноября 2026");
        await buyer.Press("fact.ago.7");
        await buyer.Press("fact.Protection.Over");
        await buyer.Press("compensation.FullRefund");
        var advice = await buyer.AnswerAllReasons(wellPrepared: true);
        Assert.Contains("Чарджбэк по карте: примерно до 1 марта 2027", advice.Last.Text, StringComparison.Ordinal);

        await buyer.Press("button.to_evidence");
        await buyer.Tick("NotWorkingVideo");
        await buyer.Press("button.to_compensation");
        await buyer.Press("compensation.FullRefund");
        await buyer.Press("button.skip");
        await FileAndGetRejectedAsync(buyer);
        var routes = buyer.User.LastMessage;
        Assert.Contains("Чарджбэк", routes.Text, StringComparison.Ordinal);
        Assert.Contains("ООО «Алибаба.КОМ (РУ)»", routes.Text, StringComparison.Ordinal);
        var letter = await buyer.Press("button.bank_letter");
        Assert.Contains("Прошу оспорить (оформить чарджбэк) платёж по моей карте от 1 ноября 2026 в пользу AliExpress за заказ 8123456789012345", letter.Messages[0].Text, StringComparison.Ordinal);
        Assert.Contains("Что не работает: не заряжается.", letter.Messages[0].Text, StringComparison.Ordinal);
        Assert.Contains("- видео, на котором видно, что товар не работает", letter.Messages[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(buyer.User.Messages, m => m.Text.Contains("PayPal", StringComparison.Ordinal) && !m.Text.Contains("через банк или PayPal", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Deadline_reminders_wait_out_the_quiet_hours_and_go_when_the_case_closes()
    {
        await using var bot = await BotUnderTest.StartAsync(settings =>
        {
            settings["Reminders:DayTime"] = "23:00";
            settings["Reminders:NudgeAfter"] = "00:00:00";
        });
        var buyer = Buyer.Of(bot, 8505, Language.En);
        await buyer.Send("/new");
        await buyer.Send("8123456789012345");
        await buyer.Press("button.today");

        // 23:00 UTC is in the quiet hours (22:00–09:00): the reminder three days before the window closes waits for 09:00.
        Assert.Equal([new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero)],
            (await bot.QueryAsync<long>("SELECT due_at FROM reminders WHERE user_id = 8505 AND kind = 'AppealDeadline' AND state = 'pending'"))
                .Select(DateTimeOffset.FromUnixTimeMilliseconds));

        await buyer.Send("/status");
        await buyer.Press("button.close_gave_up");
        await buyer.Press("button.close_confirm");
        Assert.Empty(await bot.QueryAsync<long>("SELECT id FROM reminders WHERE user_id = 8505 AND state = 'pending'"));
    }

    /// <summary>After the problem: no facts beyond the payment questions' neutral answers, then the rest of the preparation.</summary>
    private static async Task<FakeTelegram.Reply> PrepareAsync(Buyer buyer, string problem)
    {
        await buyer.SkipFactsAsync(await buyer.Press(problem));
        await buyer.Press("compensation.FullRefund");
        await buyer.AnswerAllReasons(wellPrepared: true);
        await buyer.Press("button.to_evidence");
        await buyer.Tick("Photos");
        await buyer.Press("button.to_compensation");
        await buyer.Press("compensation.ReturnAndRefund");
        return await buyer.Press("button.skip");
    }

    private static async Task FileAndGetRejectedAsync(Buyer buyer)
    {
        if (buyer.User.LastMessage.ButtonTexts.Contains(buyer.Label("button.to_evidence")))
        {
            await buyer.Press("button.to_evidence");
            await buyer.Press("button.to_compensation");
            await buyer.Press("compensation.FullRefund");
            await buyer.Press("button.skip");
        }

        await buyer.Press("button.survey_done");
        await buyer.Press("button.to_complaint");
        await buyer.Press("button.filed");
        await buyer.Answer("button.all_fine");
        await buyer.PressDays(3);
        await buyer.Answer("button.rejected");
        await buyer.Press("rejection.NoReasonGiven");
    }

    private async Task<IReadOnlyList<DateTimeOffset>> PendingAsync(long userId, string kind) =>
        [.. (await Bot.QueryAsync<long>($"SELECT due_at FROM reminders WHERE user_id = {userId} AND kind = '{kind}' AND state = 'pending' ORDER BY due_at"))
            .Select(DateTimeOffset.FromUnixTimeMilliseconds)];
}
