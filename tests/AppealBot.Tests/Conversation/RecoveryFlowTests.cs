using AppealBot.Localization;
using AppealBot.Tests.TestKit;

namespace AppealBot.Tests.Conversation;

public sealed class RecoveryFlowTests : BotTests
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

        var problem = await buyer.Send("8123 4567-8901 2345");
        Assert.Contains("8123456789012345", problem.Last.Text, StringComparison.Ordinal);
        await buyer.Press("problem.Damaged");
        await buyer.Press("compensation.PartialRefund");
        var closed = await buyer.Send("1 500 руб");
        Assert.Contains(buyer.Label("button.yesterday"), closed.ButtonTexts);
        var firstQuestion = await buyer.Press("button.yesterday");
        Assert.Contains("1", firstQuestion.Last.Text, StringComparison.Ordinal);

        var advice = await buyer.AnswerAllReasons(yes: true);
        Assert.Contains(Localizer.For(Language.Ru)["advice.NoEvidence"], advice.Last.Html, StringComparison.Ordinal);
        Assert.Contains("1. ", advice.Last.Text, StringComparison.Ordinal);

        await buyer.Press("button.to_evidence");
        await buyer.Tick("UnboxingVideo");
        var evidence = await buyer.Tick("Photos");
        Assert.Contains(buyer.Label("evidence.label.Collage"), evidence.Last.Text, StringComparison.Ordinal);
        Assert.Single(evidence.Messages);

        await buyer.Press("button.to_compensation");
        await buyer.Press("compensation.PartialRefund");
        var survey = await buyer.Send("700 ₽");
        Assert.Contains("1 из 6", survey.Last.Text, StringComparison.Ordinal);
        Assert.Contains("8123456789012345", survey.Last.Text, StringComparison.Ordinal);

        var support = await buyer.Press("button.survey_done");
        Assert.Contains("2 из 6", support.Last.Text, StringComparison.Ordinal);

        var complaint = await buyer.Press("button.to_complaint");
        Assert.Equal(4, complaint.Messages.Count);
        var russianDraft = complaint.Messages[1].Text;
        var englishDraft = complaint.Messages[2].Text;
        Assert.Contains("8123456789012345", russianDraft, StringComparison.Ordinal);
        Assert.Contains("700 RUB", russianDraft, StringComparison.Ordinal);
        Assert.Contains("Order 8123456789012345: the item arrived damaged.", englishDraft, StringComparison.Ordinal);
        Assert.Contains("partial refund of 700 RUB", englishDraft, StringComparison.Ordinal);
        Assert.Contains("<pre>", complaint.Messages[2].Html, StringComparison.Ordinal);

        var checkBack = await buyer.Press("button.filed");
        Assert.Contains("4 из 6", checkBack.Last.Text, StringComparison.Ordinal);
        Assert.Contains("26 ноября 2026", checkBack.Last.Text, StringComparison.Ordinal);
        var stored = await Bot.QueryAsync<(string FiledOn, long CheckBackDue)>("SELECT filed_on, check_back_due FROM cases WHERE user_id = 5001");
        Assert.Equal(("2026-11-25", BotUnderTest.Start.AddDays(1).ToUnixTimeMilliseconds()), stored.Single());

        await buyer.Press("button.all_fine");
        var awaiting = await buyer.PressDays(5);
        Assert.Contains("30 ноября 2026", awaiting.Last.Text, StringComparison.Ordinal);

        var accepted = await buyer.Press("button.accepted");
        Assert.Contains(buyer.Label("step.accepted"), accepted.Last.Text, StringComparison.Ordinal);
        await buyer.Send("700");
        var refundDue = await buyer.PressDays(7);
        Assert.Contains("700 RUB", refundDue.Last.Text, StringComparison.Ordinal);
        Assert.Contains("2 декабря 2026", refundDue.Last.Text, StringComparison.Ordinal);

        var won = await buyer.Press("button.money_arrived");
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
        await buyer.Press("button.all_fine");
        await buyer.Send("/status");
        await buyer.PressDays(3);

        var refile = await buyer.Press("button.rejected");
        Assert.Contains("3/6", Normalize(refile.Messages[0].Text), StringComparison.Ordinal);
        Assert.Contains(Texts.Plain(Language.It, "advice.refile.evidence"), refile.Messages[0].Text, StringComparison.Ordinal);
        var improvedEnglish = refile.Messages[2].Text;
        Assert.Contains(Texts.Plain(Language.En, "draft.complaint.point.repeat"), improvedEnglish, StringComparison.Ordinal);

        await buyer.Press("button.filed_again");
        await buyer.Press("button.all_fine");
        var notDecided = await buyer.PressDays(5);
        Assert.Contains(buyer.Label("button.not_decided"), notDecided.ButtonTexts);
        var speedUp = await buyer.Press("button.not_decided");
        Assert.Contains("<pre>", speedUp.Last.Html, StringComparison.Ordinal);
        await buyer.Send("10/12/2026");
        var escalation = await buyer.Press("button.rejected");

        Assert.Contains("PayPal", escalation.Last.Text, StringComparison.Ordinal);
        Assert.Contains("chargeback", escalation.Last.Text, StringComparison.OrdinalIgnoreCase);
        var closed = await buyer.Press("button.close_case");
        Assert.Contains(buyer.Label("step.closed.GaveUp"), closed.Last.Text, StringComparison.Ordinal);
        Assert.Equal([(2L, "GaveUp")], await Bot.QueryAsync<(long, string)>("SELECT rejections, outcome FROM cases WHERE user_id = 5002"));
    }

    [Fact]
    public async Task An_english_buyer_whose_parcel_never_arrived_gets_tracking_advice()
    {
        var buyer = Buyer.Of(Bot, 5003, Language.En);
        await buyer.Send("/new");
        await buyer.Send("81234567890123456");
        await buyer.Press("problem.NotReceived");
        await buyer.Press("compensation.FullRefund");
        var questions = await buyer.Send("20/11/2026");
        Assert.Contains("Question 1 of 2", questions.Last.Text, StringComparison.Ordinal);
        await buyer.Press("button.no");
        var advice = await buyer.Press("button.yes");
        Assert.Contains(buyer.Label("advice.NoEvidence"), advice.Last.Text, StringComparison.Ordinal);

        var evidence = await buyer.Press("button.to_evidence");
        Assert.Equal(
            [buyer.Label("button.evidence.missing", ("item", "Tracking number")), buyer.Label("button.evidence.missing", ("item", "Tracking screenshot")),
             buyer.Label("button.evidence.missing", ("item", "Chat with the seller")), buyer.Label("button.to_compensation"), buyer.Label("button.back")],
            evidence.ButtonTexts);
        await buyer.Tick("TrackingNumber");
        await buyer.Tick("TrackingScreenshot");
        var compensation = await buyer.Press("button.to_compensation");
        Assert.Contains(buyer.Label("compensation.rule.full"), compensation.Last.Text, StringComparison.Ordinal);
        await buyer.Press("compensation.FullRefund");
        await buyer.Press("button.no_survey_button");
        var complaint = await buyer.Press("button.to_complaint");

        Assert.Equal(3, complaint.Messages.Count);
        var draft = complaint.Messages[1].Text;
        Assert.StartsWith("Complaint, in English:\nOrder 81234567890123456: I did not receive the parcel.", draft, StringComparison.Ordinal);
        Assert.Contains("1. The dispute was closed on 20 November 2026", draft, StringComparison.Ordinal);
        Assert.Contains("- tracking number", draft, StringComparison.Ordinal);
        Assert.Contains("I ask for a full refund", draft, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_cases_are_kept_apart_and_listed_with_their_steps()
    {
        var buyer = await PrepareCaseAsync(5004, Language.En, "problem.WrongItem", "compensation.ReturnAndRefund");
        await buyer.Send("/new");
        await buyer.Send("8999 0000 1111 2222");
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
            [("8100000000005004", "SupportChat"), ("8999000011112222", "DisputeClaim")],
            await Bot.QueryAsync<(string, string)>("SELECT order_number, step FROM cases WHERE user_id = 5004 ORDER BY id"));
    }

    [Fact]
    public async Task After_a_restart_the_buyer_continues_exactly_where_they_were()
    {
        var buyer = Buyer.Of(Bot, 5005, Language.Ru);
        await buyer.Send("/new");
        await buyer.Send("8123456789012345");
        var question = await buyer.Press("problem.Damaged");

        await Bot.RestartAsync();

        var next = await buyer.Press("compensation.FullRefund");
        Assert.Contains(buyer.Label("button.today"), next.ButtonTexts);
        Assert.Equal(question.Last.Id, next.Last.Id);
        var status = await buyer.Send("/status");
        Assert.Contains(buyer.Label("button.yesterday"), status.ButtonTexts);
    }

    [Fact]
    public async Task Typing_where_a_button_is_expected_shows_the_step_again_with_a_hint()
    {
        var buyer = Buyer.Of(Bot, 5006, Language.It);
        await buyer.Send("/new");
        await buyer.Send("8123456789012345");

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
        await buyer.Press("problem.Damaged");
        await buyer.Press("compensation.FullRefund");
        await buyer.Press("button.today");
        await buyer.Press("button.yes");
        var second = await buyer.Press("button.no");
        Assert.Contains("Question 3 of 5", second.Last.Text, StringComparison.Ordinal);

        var back = await buyer.Press("button.back");
        Assert.Contains("Question 2 of 5", back.Last.Text, StringComparison.Ordinal);
        await buyer.Press("button.back");
        var toDate = await buyer.Press("button.back");
        Assert.Contains(buyer.Label("button.today"), toDate.ButtonTexts);
    }

    private async Task<Buyer> PrepareCaseAsync(long id, Language language, string problem, string compensation)
    {
        var buyer = Buyer.Of(Bot, id, language);
        await buyer.ToEvidenceAsync($"8100 0000 0000 {id:0000}", problem, compensation);
        await buyer.Tick("Photos");
        await buyer.Press("button.to_compensation");
        await buyer.Press(compensation);
        return buyer;
    }

    private static string Normalize(string text) => text.Replace(" di ", "/", StringComparison.Ordinal);
}
