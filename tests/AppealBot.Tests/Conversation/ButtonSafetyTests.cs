using AppealBot.Localization;
using AppealBot.Tests.TestKit;

namespace AppealBot.Tests.Conversation;

public sealed class ButtonSafetyTests : BotTests
{

    [Fact]
    public async Task A_button_from_an_earlier_step_changes_nothing_and_shows_the_current_step()
    {
        var buyer = Buyer.Of(Bot, 6001, Language.En);
        await buyer.Send("/new");
        await buyer.Send("8123456789012345");
        var problemStep = await buyer.Press("button.yesterday");
        var staleData = problemStep.Last.Buttons[0][0].CallbackData!;
        await buyer.Press("problem.Damaged");

        var stale = await buyer.User.PressDataAsync(problemStep.Last.Id, staleData);

        Assert.Equal(buyer.Label("input.stale_button"), stale.CallbackAnswerText);
        Assert.Empty(stale.Messages); // the pressed message already shows the current step
        Assert.Contains(buyer.Label("button.skip"), buyer.User.LastMessage.ButtonTexts);
        Assert.Equal([("Facts", "Damaged")], await Bot.QueryAsync<(string, string)>("SELECT step, problem FROM cases"));
    }

    [Fact]
    public async Task Double_and_triple_taps_have_one_effect()
    {
        var buyer = Buyer.Of(Bot, 6002, Language.En);
        await buyer.Send("/new");
        await buyer.Send("8123456789012345");
        var step = await buyer.Press("button.yesterday");
        var damaged = step.Last.FindButton(buyer.Label("problem.Damaged"))!.CallbackData!;

        await buyer.User.PressDataAsync(step.Last.Id, damaged);
        await buyer.User.PressDataAsync(step.Last.Id, damaged);
        var third = await buyer.User.PressDataAsync(step.Last.Id, damaged);

        Assert.Equal(buyer.Label("input.stale_button"), third.CallbackAnswerText);
        Assert.Equal(["Facts"], await Bot.QueryAsync<string>("SELECT step FROM cases"));
    }

    [Fact]
    public async Task A_second_tap_on_a_questions_button_does_not_answer_the_next_question_with_it()
    {
        var buyer = Buyer.Of(Bot, 6008, Language.En);
        await buyer.Send("/new");
        await buyer.Send("8123456789012345");
        await buyer.Press("button.yesterday");
        await buyer.Press("problem.Damaged");
        await buyer.Press("button.skip");
        var parcel = await buyer.Press("button.yes");
        var seller = parcel.Last;
        var dontKnow = seller.FindButton(buyer.Label("fact.SellerArgument.DontKnow"))!.CallbackData!;

        await buyer.User.PressDataAsync(seller.Id, dontKnow);
        var again = await buyer.User.PressDataAsync(seller.Id, dontKnow);

        Assert.Equal(buyer.Label("input.stale_button"), again.CallbackAnswerText);
        Assert.Equal([("Facts", 3L, """{"ParcelDamaged":true,"SellerArgument":"DontKnow"}""")],
            await Bot.QueryAsync<(string, long, string)>("SELECT step, facts_answered, facts FROM cases"));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("")]
    [InlineData("s:1:1:pick:99999999999")]
    [InlineData("s:abc:1:pick:0")]
    [InlineData("s:1:999:pick:0")]
    [InlineData("open:-1")]
    [InlineData("lang:de")]
    [InlineData("s:1:1:pick:0:extra:parts:that:make:it:far:too:long:for:telegram:anyway:xxxxxxxxxxxxxxxx")]
    public async Task Forged_button_data_is_answered_and_changes_nothing(string data)
    {
        var buyer = Buyer.Of(Bot, 6003, Language.It);
        await buyer.Send("/new");
        await buyer.Send("8123456789012345");
        var step = await buyer.Press("button.yesterday");

        var reply = await buyer.User.PressDataAsync(step.Last.Id, data);

        Assert.Equal(buyer.Label("input.stale_button"), reply.CallbackAnswerText);
        Assert.Equal(["Problem"], await Bot.QueryAsync<string>("SELECT step FROM cases"));
        Assert.DoesNotContain(Bot.Server.CallsTo("editMessageText"), call => call.ErrorCode == 400); // no edit to what it already shows
    }

    [Fact]
    public async Task Another_users_case_cannot_be_read_or_changed()
    {
        var owner = Buyer.Of(Bot, 6004, Language.En);
        await owner.Send("/new");
        await owner.Send("8123456789012345");
        var ownersStep = await owner.Press("button.yesterday");
        var ownersData = ownersStep.Last.FindButton(owner.Label("problem.Damaged"))!.CallbackData!;
        var caseId = (await Bot.QueryAsync<long>("SELECT id FROM cases WHERE user_id = 6004")).Single();
        var intruder = Buyer.Of(Bot, 6005, Language.En);
        await intruder.Send("/start");

        var pressed = await intruder.User.PressDataAsync(ownersStep.Last.Id, ownersData);
        var opened = await intruder.User.PressDataAsync(ownersStep.Last.Id, $"open:{caseId}");

        Assert.Equal(intruder.Label("input.stale_button"), pressed.CallbackAnswerText);
        Assert.Equal(intruder.Label("input.stale_button"), opened.CallbackAnswerText);
        Assert.DoesNotContain(intruder.User.Messages, m => m.Text.Contains("8123456789012345", StringComparison.Ordinal));
        Assert.Equal(["Problem"], await Bot.QueryAsync<string>("SELECT step FROM cases WHERE user_id = 6004"));
    }

    [Fact]
    public async Task A_closed_cases_buttons_are_stale()
    {
        var buyer = Buyer.Of(Bot, 6006, Language.Ru);
        await buyer.Send("/new");
        await buyer.Send("8123456789012345");
        await buyer.Press("button.yesterday");
        var status = await buyer.Send("/status");
        var problemData = status.Last.FindButton(buyer.Label("problem.Damaged"))!.CallbackData!;
        await buyer.Press("button.close_gave_up");
        await buyer.Press("button.close_confirm");

        var reply = await buyer.User.PressDataAsync(status.Last.Id, problemData);

        Assert.Equal(buyer.Label("input.stale_button"), reply.CallbackAnswerText);
        Assert.Equal([("Closed", "GaveUp", (string?)null)], await Bot.QueryAsync<(string, string, string?)>("SELECT step, outcome, problem FROM cases"));
    }

    [Fact]
    public async Task The_token_and_what_users_type_never_reach_the_logs()
    {
        var buyer = Buyer.Of(Bot, 6007, Language.En);
        await buyer.Send("/new");
        await buyer.Send("8123456789012345");
        await buyer.Press("button.yesterday");
        await buyer.Send("my secret complaint text");
        await buyer.Press("problem.Damaged");
        await buyer.Send("my secret damage detail");
        await buyer.SkipFactsAsync(await buyer.Press("button.no"));
        await buyer.Press("compensation.PartialRefund");
        await buyer.Send("12.50 EUR");

        var logs = string.Join("\n", Bot.Logs.Lines);
        Assert.NotEmpty(Bot.Logs.Lines);
        Assert.DoesNotContain(Bot.Server.Token, logs, StringComparison.Ordinal);
        Assert.DoesNotContain("TEST-token", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("my secret complaint text", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("my secret damage detail", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("8123456789012345", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("12.50", logs, StringComparison.Ordinal);
    }
}
