using AppealBot.Localization;
using AppealBot.Tests.TestKit;
using AppealBot.Tests.TestKit.PostgreSql;

namespace AppealBot.Tests.Conversation;

public class RecoveryFlowTests : BotTests
{

    [Fact]
    public async Task A_russian_buyer_goes_from_start_to_a_refund()
    {
        var buyer = Buyer.Of(Bot, 5001, Language.Ru);

        var start = await buyer.Send("/start");
        Assert.Contains(buyer.Label("button.new_case"), start.ButtonTexts);
        var askOrder = await buyer.Press("button.new_case");
        Assert.Contains("номер заказа", askOrder.Last.Text, StringComparison.OrdinalIgnoreCase);

        var badOrder = await buyer.Send("мой заказ 123");
        Assert.Contains(buyer.Label("input.bad_order", ("min", 12), ("max", 20)), badOrder.Last.Text, StringComparison.Ordinal);

        var closed = await buyer.Send("8123 4567-8901 2345");
        Assert.Contains("8123456789012345", closed.Last.Text, StringComparison.Ordinal);
        Assert.Contains(buyer.Label("button.yesterday"), closed.ButtonTexts);
        var problem = await buyer.Press("button.yesterday");
        Assert.Contains("⏰", problem.Last.Text, StringComparison.Ordinal);
        Assert.Contains("1 декабря 2026", problem.Last.Text, StringComparison.Ordinal);
        var damage = await buyer.Press("problem.Damaged");
        Assert.Contains(buyer.Label("fact.question.Damage", ("max", 200)), damage.Last.Text, StringComparison.Ordinal);
        await buyer.Send("треснул корпус");
        await buyer.Press("button.yes");
        await buyer.Press("fact.SellerArgument.BuyerCausedDamage");
        await buyer.Press("fact.ClosingReason.NotEnoughEvidence");
        await buyer.Press("fact.PaymentMethod.Card");
        await buyer.Press("fact.ago.30");
        await buyer.Press("fact.ago.7");
        await buyer.Press("fact.Protection.Over");
        await buyer.Press("compensation.PartialRefund");
        var firstQuestion = await buyer.Send("1 500 руб");
        Assert.Contains("1 из", firstQuestion.Last.Text, StringComparison.Ordinal);
        Assert.Contains("✓ Записано: 1 500 ₽", firstQuestion.Last.Text.Replace('\u00A0', ' ').Replace('\u202F', ' '), StringComparison.Ordinal);

        var advice = await buyer.AnswerAllReasons(wellPrepared: false);
        Assert.Contains(Localizer.For(Language.Ru)["advice.NoEvidence"], advice.Last.Html, StringComparison.Ordinal);
        Assert.Contains(buyer.Label("deadline.title"), advice.Last.Text, StringComparison.Ordinal);
        Assert.Contains("до 1 декабря 2026 (через 6 дней)", advice.Last.Text, StringComparison.Ordinal);
        Assert.Contains("примерно до 23 февраля 2027 (через 90 дней)", advice.Last.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Localizer.For(Language.Ru)["advice.WeakEvidence"], advice.Last.Html, StringComparison.Ordinal);
        Assert.Contains("1. ", advice.Last.Text, StringComparison.Ordinal);

        var evidenceStep = await buyer.Press("button.to_evidence");
        Assert.Contains(buyer.Label("button.evidence.missing", ("item", buyer.Label("evidence.label.ParcelPhotos"))), evidenceStep.ButtonTexts);
        await buyer.Tick("UnboxingVideo");
        var evidence = await buyer.Tick("Photos");
        Assert.Contains(buyer.Label("evidence.label.Collage"), evidence.Last.Text, StringComparison.Ordinal);
        Assert.Single(evidence.Messages);

        await buyer.Press("button.to_compensation");
        await buyer.Press("compensation.PartialRefund");
        var note = await buyer.Send("700 ₽");
        Assert.Contains(buyer.Label("fact.question.Note", ("max", 300)), note.Last.Text, StringComparison.Ordinal);
        var survey = await buyer.Press("button.skip");
        Assert.Contains("1 из 6", survey.Last.Text, StringComparison.Ordinal);
        Assert.Contains("8123456789012345", survey.Last.Text, StringComparison.Ordinal);

        var support = await buyer.Press("button.survey_done");
        Assert.Contains("2 из 6", support.Last.Text, StringComparison.Ordinal);

        var complaint = await buyer.Press("button.to_complaint");
        Assert.Equal(4, complaint.Messages.Count);
        var russianDraft = complaint.Messages[1].Text;
        var englishDraft = complaint.Messages[2].Text;
        Assert.Contains("Заказ 8123456789012345: товар пришёл повреждённым.", russianDraft, StringComparison.Ordinal);
        Assert.Contains("Повреждение: треснул корпус.", russianDraft, StringComparison.Ordinal);
        Assert.Contains("700\u00a0₽", russianDraft, StringComparison.Ordinal);
        Assert.Contains("Order 8123456789012345: the item arrived damaged.", englishDraft, StringComparison.Ordinal);
        Assert.Contains("Damage: “треснул корпус” (in Russian).", englishDraft, StringComparison.Ordinal);
        Assert.Contains("the attached unboxing video shows the item as it came out of the parcel", englishDraft, StringComparison.Ordinal);
        Assert.Contains("partial refund of 700 ₽", englishDraft, StringComparison.Ordinal);
        Assert.Contains("<pre>", complaint.Messages[2].Html, StringComparison.Ordinal);

        var checkBack = await buyer.Press("button.filed");
        Assert.Contains("4 из 6", checkBack.Last.Text, StringComparison.Ordinal);
        Assert.Contains("Вернитесь в чат с поддержкой завтра", checkBack.Last.Text, StringComparison.Ordinal);
        Assert.Contains(buyer.Label("step.checkback.wait", ("due", "завтра")), checkBack.Last.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(buyer.Label("button.all_fine"), checkBack.ButtonTexts);
        var stored = await Bot.QueryAsync<(string FiledOn, long CheckBackDue)>("SELECT filed_on, check_back_due FROM cases WHERE user_id = 5001");
        Assert.Equal(("2026-11-25", BotUnderTest.Start.AddDays(1).ToUnixTimeMilliseconds()), stored.Single());

        await buyer.Answer("button.all_fine");
        var awaiting = await buyer.PressDays(5);
        Assert.Contains("30 ноября 2026", awaiting.Last.Text, StringComparison.Ordinal);

        var accepted = await buyer.Answer("button.accepted");
        Assert.Contains(buyer.Label("step.accepted"), accepted.Last.Text, StringComparison.Ordinal);
        await buyer.Send("700");
        var refundDue = await buyer.PressDays(7);
        Assert.Contains("700\u00a0₽", refundDue.Last.Text, StringComparison.Ordinal);
        Assert.Contains("2 декабря 2026", refundDue.Last.Text, StringComparison.Ordinal);

        Assert.Contains(buyer.Label("button.money_arrived_early"), refundDue.ButtonTexts);
        var won = await buyer.Press("button.money_arrived_early");
        Assert.Contains(buyer.Label("step.closed.Won"), won.Last.Text, StringComparison.Ordinal);
        Assert.Equal([("Closed", "Won")], await Bot.QueryAsync<(string, string)>("SELECT step, outcome FROM cases WHERE user_id = 5001"));
    }

    [Fact]
    public async Task An_italian_buyer_is_rejected_files_again_and_then_learns_the_options_outside_AliExpress()
    {
        var buyer = await PrepareCaseAsync(5002, Language.It, "problem.NotAsDescribed", "compensation.FullRefund");
        await buyer.Press("button.survey_done");
        await buyer.Press("button.to_complaint");
        await buyer.Press("button.filed");
        await buyer.Answer("button.all_fine");
        await buyer.Send("/status");
        await buyer.PressDays(3);

        var why = await buyer.Answer("button.rejected");
        Assert.Contains(buyer.Label("rejection.NotEnoughEvidence"), why.ButtonTexts);
        var routes = await buyer.Press("rejection.NotEnoughEvidence");
        Assert.Contains(buyer.Label("routes.intro.rejected"), routes.Last.Text, StringComparison.Ordinal);
        Assert.Contains(buyer.Label("button.file_once_more"), routes.ButtonTexts);
        var evidence = await buyer.Press("button.file_once_more");
        Assert.Contains("3/6", Normalize(evidence.Last.Text), StringComparison.Ordinal);
        Assert.Contains(buyer.Label("refile.advice.NotEnoughEvidence"), evidence.Last.Text, StringComparison.Ordinal);
        await buyer.Tick("ListingScreenshots");
        var refile = await buyer.Press("button.to_new_complaint");
        var improvedEnglish = refile.Messages[2].Text;
        Assert.Contains("My previous complaint was rejected for lack of evidence. I have now added: screenshots of the listing.", improvedEnglish, StringComparison.Ordinal);

        await buyer.Press("button.filed_again");
        await buyer.Answer("button.all_fine");
        var notDecided = await buyer.PressDays(5);
        Assert.Contains(buyer.Label("button.have_answer"), notDecided.ButtonTexts);
        Assert.Contains(buyer.Label("button.not_decided"), (await buyer.Press("button.have_answer")).ButtonTexts);
        var speedUp = await buyer.Answer("button.not_decided");
        Assert.Contains("<pre>", speedUp.Last.Html, StringComparison.Ordinal);
        await buyer.Send("10/12/2026");
        await buyer.Answer("button.rejected");
        var escalation = await buyer.Press("rejection.SellerEvidenceBelieved");

        Assert.Contains(buyer.Label("route.ItalianConsumerHelp"), escalation.Last.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("PayPal", escalation.Last.Text, StringComparison.Ordinal);
        var asked = await buyer.Press("button.close_case");
        Assert.Equal(buyer.Label("close.confirm.GaveUp", ("order", "8100000000005002")), asked.Last.Text);
        Assert.Equal([("Escalation", "Open")], await Bot.QueryAsync<(string, string)>("SELECT step, outcome FROM cases WHERE user_id = 5002"));
        var closed = await buyer.Press("button.close_confirm");
        Assert.Contains(buyer.Label("step.closed.GaveUp"), closed.Last.Text, StringComparison.Ordinal);

        // The routes stay readable above: closing answered in the confirmation's own message.
        Assert.Equal(escalation.Last.Text, buyer.User.Messages.Single(m => m.Id == escalation.Last.Id).Text);
        Assert.Equal([(2L, 2L, "GaveUp")], await Bot.QueryAsync<(long, long, string)>("SELECT filings, rejections, outcome FROM cases WHERE user_id = 5002"));
    }

    [Fact]
    public async Task An_english_buyer_whose_parcel_was_marked_delivered_gets_a_complaint_that_answers_the_tracking()
    {
        var buyer = Buyer.Of(Bot, 5003, Language.En);
        await buyer.Send("/new");
        await buyer.Send("81234567890123456");
        await buyer.Send("20/11/2026");
        var tracking = await buyer.Press("problem.NotReceived");
        Assert.Contains(buyer.Label("fact.Tracking.Delivered"), tracking.ButtonTexts);
        await buyer.Press("fact.Tracking.Delivered");
        var badNumber = await buyer.Send("no idea");
        Assert.Contains(buyer.Label("input.bad_tracking", ("min", 8), ("max", 40)), badNumber.Last.Text, StringComparison.Ordinal);
        var promised = await buyer.Send("rr 1234 5678 9cn");
        Assert.Contains("RR123456789CN", promised.Last.Text, StringComparison.Ordinal);
        await buyer.Press("button.skip");
        await buyer.Press("fact.SellerArgument.DeliveredPerTracking");
        await buyer.Press("fact.ClosingReason.TrackingShowsDelivered");
        await buyer.SkipFactsAsync();
        var questions = await buyer.Press("compensation.FullRefund");
        Assert.Contains("Question 1 of 2", questions.Last.Text, StringComparison.Ordinal);
        await buyer.Press("button.no");
        var advice = await buyer.Press("button.no");
        Assert.Contains(buyer.Label("advice.NoEvidence"), advice.Last.Text, StringComparison.Ordinal);

        var evidence = await buyer.Press("button.to_evidence");
        Assert.Equal(
            [buyer.Label("button.evidence.missing", ("item", "Tracking screenshot")), buyer.Label("button.evidence.missing", ("item", "Statement from post/courier")),
             buyer.Label("button.evidence.missing", ("item", "Chat with the seller")), buyer.Label("button.to_compensation"), buyer.Label("button.back")],
            evidence.ButtonTexts);
        Assert.Contains(buyer.Label("evidence.how.CarrierStatement.NotReceived"), evidence.Last.Text, StringComparison.Ordinal);
        await buyer.Tick("TrackingScreenshot");
        var compensation = await buyer.Press("button.to_compensation");
        Assert.Contains(buyer.Label("compensation.rule.full"), compensation.Last.Text, StringComparison.Ordinal);
        await buyer.Press("compensation.FullRefund");
        await buyer.Press("button.skip");
        await buyer.Press("button.no_survey_button");
        var complaint = await buyer.Press("button.to_complaint");

        Assert.Equal(3, complaint.Messages.Count);
        var draft = complaint.Messages[1].Text;
        Assert.StartsWith("Complaint, in English:\nOrder 81234567890123456: the tracking says the parcel was delivered, but I have not received it.", draft, StringComparison.Ordinal);
        Assert.Contains("1. Tracking number: RR123456789CN.", draft, StringComparison.Ordinal);
        Assert.Contains("2. The dispute was closed on 20 November 2026", draft, StringComparison.Ordinal);
        Assert.Contains("In the dispute the seller relied on the tracking status.", draft, StringComparison.Ordinal);
        Assert.Contains("A “delivered” status does not prove that the parcel was handed to me.", draft, StringComparison.Ordinal);
        Assert.Contains("- screenshot of the tracking page", draft, StringComparison.Ordinal);
        Assert.DoesNotContain("statement", draft, StringComparison.Ordinal);
        Assert.Contains("I ask for a full refund", draft, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_cases_are_kept_apart_and_listed_with_their_steps()
    {
        var buyer = await PrepareCaseAsync(5004, Language.En, "problem.WrongItem", "compensation.ReturnAndRefund");
        await buyer.Send("/new");
        await buyer.Send("8999 0000 1111 2222");
        await buyer.Press("button.yesterday");
        await buyer.Press("problem.Other");

        var list = await buyer.Send("/cases");

        Assert.Contains("You have 2 cases", list.Last.Text, StringComparison.Ordinal);
        Assert.Contains("8100000000005004 — step 1 of 6: survey", list.Last.Text, StringComparison.Ordinal);
        Assert.Contains("▶ 8999000011112222 — getting ready", list.Last.Text, StringComparison.Ordinal);
        var reopened = await buyer.User.PressAsync(buyer.Label("button.open_case", ("order", "8100000000005004")));
        Assert.Contains("Order 8100000000005004 · step 1 of 6", reopened.Last.Text, StringComparison.Ordinal);
        var support = await buyer.Press("button.survey_done");
        Assert.Contains("Order 8100000000005004 · step 2 of 6", support.Last.Text, StringComparison.Ordinal);
        Assert.Equal(
            [("8100000000005004", "SupportChat"), ("8999000011112222", "Facts")],
            await Bot.QueryAsync<(string, string)>("SELECT order_number, step FROM cases WHERE user_id = 5004 ORDER BY id"));
    }

    [Fact]
    public async Task After_a_restart_the_buyer_continues_exactly_where_they_were()
    {
        var buyer = Buyer.Of(Bot, 5005, Language.Ru);
        await buyer.Send("/new");
        await buyer.Send("8123456789012345");
        await buyer.Press("button.yesterday");
        var question = await buyer.Press("problem.Damaged");
        await buyer.Send("вмятина на корпусе");

        await Bot.RestartAsync();

        var next = await buyer.Press("button.no");
        Assert.Contains(buyer.Label("fact.SellerArgument.DontKnow"), next.ButtonTexts);
        var status = await buyer.Send("/status");
        Assert.Contains(buyer.Label("fact.SellerArgument.DontKnow"), status.ButtonTexts);
        Assert.Equal(["""{"Damage":"вмятина на корпусе","ParcelDamaged":false}"""], await Bot.QueryAsync<string>("SELECT facts FROM cases WHERE user_id = 5005"));
    }

    [Fact]
    public async Task Typing_where_a_button_is_expected_shows_the_step_again_with_a_hint()
    {
        var buyer = Buyer.Of(Bot, 5006, Language.It);
        await buyer.Send("/new");
        await buyer.Send("8123456789012345");
        await buyer.Press("button.yesterday");

        var reply = await buyer.Send("<b>rotto</b> & '; DROP TABLE cases; --");

        Assert.Contains(buyer.Label("input.use_buttons"), reply.Last.Text, StringComparison.Ordinal);
        Assert.Contains(buyer.Label("problem.Damaged"), reply.ButtonTexts);
        Assert.Single(await Bot.QueryAsync<long>("SELECT id FROM cases"));
    }

    [Fact]
    public async Task Cancel_steps_out_without_losing_the_case()
    {
        var buyer = Buyer.Of(Bot, 5007, Language.En);
        await buyer.Send("/new");
        await buyer.Send("8123456789012345");
        await buyer.Press("button.yesterday");

        var cancelled = await buyer.Send("/cancel");
        var text = await buyer.Send("hello?");

        Assert.Contains(buyer.Label("cancel.done"), cancelled.Last.Text, StringComparison.Ordinal);
        Assert.Contains(buyer.Label("button.continue_case", ("order", "8123456789012345")), cancelled.ButtonTexts);
        Assert.Contains(buyer.Label("input.choose_case"), text.Last.Text, StringComparison.Ordinal);
        var status = await buyer.Send("/status");
        Assert.Contains("8123456789012345", status.Last.Text, StringComparison.Ordinal);
        var resumed = await buyer.Press("button.continue_case", ("order", "8123456789012345"));
        Assert.Contains(buyer.Label("problem.Damaged"), resumed.ButtonTexts);
    }

    [Fact]
    public async Task Back_walks_back_through_the_steps_and_the_questions()
    {
        var buyer = Buyer.Of(Bot, 5008, Language.En);
        await buyer.Send("/new");
        await buyer.Send("8123456789012345");
        await buyer.Press("button.yesterday");
        await buyer.Press("problem.Damaged");
        await buyer.Press("button.skip");
        var parcel = await buyer.Press("button.yes");
        Assert.Contains(buyer.Label("fact.question.SellerArgument"), parcel.Last.Text, StringComparison.Ordinal);
        var backToParcel = await buyer.Press("button.back");
        Assert.Contains(buyer.Label("fact.question.ParcelDamaged"), backToParcel.Last.Text, StringComparison.Ordinal);
        await buyer.Press("button.no");
        await buyer.Press("fact.SellerArgument.DontKnow");
        await buyer.Press("fact.ClosingReason.NoReasonGiven");
        await buyer.SkipFactsAsync();
        await buyer.Press("compensation.FullRefund");
        await buyer.Press("button.yes");
        var third = await buyer.Press("button.yes");
        Assert.Contains("Question 3 of 5", third.Last.Text, StringComparison.Ordinal);

        var back = await buyer.Press("button.back");
        Assert.Contains("Question 2 of 5", back.Last.Text, StringComparison.Ordinal);
        var noPhotos = await buyer.Press("button.no");
        Assert.Contains("Question 3 of 3", noPhotos.Last.Text, StringComparison.Ordinal);
        Assert.Contains(buyer.Label("reason.question.TooMuchAsked"), noPhotos.Last.Text, StringComparison.Ordinal);
        await buyer.Press("button.back");
        await buyer.Press("button.back");
        var toClaim = await buyer.Press("button.back");
        Assert.Contains(buyer.Label("compensation.FullRefund"), toClaim.ButtonTexts);
        var lastFact = await buyer.Press("button.back");
        Assert.Contains(buyer.Label("fact.question.Protection"), lastFact.Last.Text, StringComparison.Ordinal);
        Assert.Equal(["""{"ParcelDamaged":false,"SellerArgument":"DontKnow","ClosingReason":"NoReasonGiven","Payment":"Other","Protection":"DontKnow"}"""],
            await Bot.QueryAsync<string>("SELECT facts FROM cases WHERE user_id = 5008"));
    }

    private async Task<Buyer> PrepareCaseAsync(long id, Language language, string problem, string compensation)
    {
        var buyer = Buyer.Of(Bot, id, language);
        await buyer.ToEvidenceAsync($"8100 0000 0000 {id:0000}", problem, compensation);
        await buyer.Tick("Photos");
        await buyer.Press("button.to_compensation");
        await buyer.Press(compensation);
        await buyer.Press("button.skip");
        return buyer;
    }

    private static string Normalize(string text) => text.Replace(" di ", "/", StringComparison.Ordinal);
}

/// <summary>The same tests with the bot on PostgreSQL.</summary>
// One bot on PostgreSQL at a time: bots side by side on the one test cluster can exhaust its connections.
[Collection("Bots on PostgreSQL")]
public sealed class RecoveryFlowTestsOnPostgreSql : RecoveryFlowTests, IRunsOnPostgreSql;
