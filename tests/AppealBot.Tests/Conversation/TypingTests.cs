using AppealBot.Conversation;
using AppealBot.Localization;
using AppealBot.Tests.TestKit;
using AppealBot.Tests.TestKit.PostgreSql;

namespace AppealBot.Tests.Conversation;

/// <summary>What people type instead of tapping: understood where a person would expect it, or told in one line what is needed.</summary>
public class TypingTests : BotTests
{
    [Theory]
    [InlineData("ru", "Новосибирск", "Asia/Krasnoyarsk", "UTC+7")]
    [InlineData("ru", "UTC+7", "Asia/Krasnoyarsk", "UTC+7")]
    [InlineData("it", "Milano", "Europe/Rome", "UTC+1")]
    [InlineData("en", "UTC+5:30", "Asia/Kolkata", "UTC+5:30")]
    public async Task A_city_or_offset_typed_after_timezone_sets_the_zone_not_the_case_step(string code, string typed, string zone, string offset)
    {
        var language = Lang(code);
        var buyer = Buyer.Of(Bot, 14001, language);
        await buyer.Send("/new");
        await buyer.Send("8123456789012345");

        await buyer.Send("/timezone");
        var reply = await buyer.Send(typed);

        Assert.Single(reply.Messages);
        Assert.Contains(offset, reply.Last.Text, StringComparison.Ordinal);
        Assert.Equal([zone], await Bot.QueryAsync<string>("SELECT time_zone FROM users WHERE id = 14001"));
        Assert.Equal(["ClosedDate"], await Bot.QueryAsync<string>("SELECT step FROM cases WHERE user_id = 14001"));
        Assert.Equal([0L], await Bot.QueryAsync<long>("SELECT COUNT(*) FROM users WHERE id = 14001 AND pending_question IS NOT NULL"));

        // The question is answered: the next message goes to the case again.
        var next = await buyer.Send(language == Language.Ru ? "вчера" : language == Language.It ? "ieri" : "yesterday");
        Assert.Equal(["Problem"], await Bot.QueryAsync<string>("SELECT step FROM cases WHERE user_id = 14001"));
        Assert.Contains(buyer.Label("problem.Damaged"), next.ButtonTexts);
    }

    [Fact]
    public async Task A_zone_typed_wrong_keeps_the_question_open_until_cancel()
    {
        var buyer = Buyer.Of(Bot, 14002, Language.It);
        await buyer.Send("/timezone");

        var unclear = await buyer.Send("boh, non lo so");
        Assert.Equal(buyer.Label("timezone.not_understood"), unclear.Last.Text);

        var cancelled = await buyer.Send("/cancel");
        Assert.Equal(buyer.Label("pending.cancelled"), cancelled.Last.Text);
        Assert.Equal([0L], await Bot.QueryAsync<long>("SELECT COUNT(*) FROM users WHERE id = 14002 AND time_zone IS NOT NULL"));

        var after = await buyer.Send("Milano");
        Assert.Equal(buyer.Label("input.no_case"), after.Last.Text);
    }

    [Fact]
    public async Task The_zone_list_starts_with_the_users_own_country()
    {
        var italian = await Buyer.Of(Bot, 14003, Language.It).Send("/timezone");
        var russian = await Buyer.Of(Bot, 14004, Language.Ru).Send("/timezone");

        Assert.StartsWith(Localizer.For(Language.It)["tz.Europe/Rome"], italian.ButtonTexts[0], StringComparison.Ordinal);
        Assert.StartsWith(Localizer.For(Language.Ru)["tz.Europe/Kaliningrad"], russian.ButtonTexts[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ru", "по-итальянски", "it")]
    [InlineData("it", "russo", "ru")]
    [InlineData("en", "italiano", "it")]
    public async Task A_language_typed_after_language_is_chosen(string code, string typed, string chosenCode)
    {
        var (language, chosen) = (Lang(code), Lang(chosenCode));
        var buyer = Buyer.Of(Bot, 14005, language);
        await buyer.Send("/language");

        var reply = await buyer.Send(typed);

        Assert.Equal(Texts.Plain(chosen, "language.changed"), reply.Last.Text);
        Assert.Equal([chosen.Code()], await Bot.QueryAsync<string>("SELECT language FROM users WHERE id = 14005"));
    }

    [Fact]
    public async Task Delete_my_data_is_confirmed_only_while_deletemydata_asks()
    {
        var buyer = Buyer.Of(Bot, 14006, Language.Ru);
        await buyer.FileComplaintAsync();

        var forged = await buyer.User.PressDataAsync(buyer.User.LastMessage.Id, ButtonData.ForgetConfirmed);
        Assert.Equal(buyer.Label("forget.expired"), forged.Last.Text);
        Assert.Equal([1L], await Bot.QueryAsync<long>("SELECT COUNT(*) FROM cases WHERE user_id = 14006"));

        var confirm = await buyer.Send("/deletemydata");
        var typed = await buyer.Send("да");
        Assert.Equal(buyer.Label("forget.use_buttons"), typed.Last.Text);
        await buyer.Send("/status");
        var late = await buyer.User.PressDataAsync(confirm.Last.Id, ButtonData.ForgetConfirmed);
        Assert.Equal(buyer.Label("forget.expired"), late.Last.Text);
        Assert.Equal([1L], await Bot.QueryAsync<long>("SELECT COUNT(*) FROM cases WHERE user_id = 14006"));

        await buyer.Send("/deletemydata");
        var done = await buyer.Press("button.forget_yes");
        Assert.Equal(buyer.Label("forget.done"), done.Last.Text);
        Assert.Equal([0L], await Bot.QueryAsync<long>("SELECT COUNT(*) FROM cases WHERE user_id = 14006"));
    }

    [Fact]
    public async Task Closing_asks_first_and_a_closed_case_can_be_read_and_reopened()
    {
        var buyer = Buyer.Of(Bot, 14010, Language.Ru);
        await buyer.FileComplaintAsync();
        await buyer.Send("/status");

        var asked = await buyer.Press("button.close_gave_up");
        var kept = await buyer.Press("button.keep_open");
        Assert.Equal(asked.Last.Id, kept.Last.Id);
        Assert.Equal(buyer.Label("close.kept"), kept.Last.Text);
        Assert.Equal([("CheckBack", "Open")], await Bot.QueryAsync<(string, string)>("SELECT step, outcome FROM cases WHERE user_id = 14010"));

        await buyer.Send("/status");
        await buyer.Press("button.close_gave_up");
        await buyer.Press("button.close_confirm");
        Assert.Equal([("Closed", "GaveUp")], await Bot.QueryAsync<(string, string)>("SELECT step, outcome FROM cases WHERE user_id = 14010"));
        Assert.Empty(await Bot.QueryAsync<long>("SELECT id FROM reminders WHERE user_id = 14010 AND state = 'pending'"));

        var list = await buyer.Send("/cases");
        Assert.Contains(buyer.Label("cases.closed.GaveUp"), list.Last.Text, StringComparison.Ordinal);
        var read = await buyer.Press("button.read_case", ("order", "8123456789012345"));
        Assert.Contains(read.Messages, m => m.Text.Contains("Прошу", StringComparison.Ordinal) && m.Text.Contains("8123456789012345", StringComparison.Ordinal));
        Assert.Contains(buyer.Label("step.closed.GaveUp"), read.Last.Text, StringComparison.Ordinal);
        Assert.Contains(buyer.Label("button.reopen"), read.ButtonTexts);

        var reopened = await buyer.Press("button.reopen");
        Assert.Contains(buyer.Label("case.reopened"), reopened.Last.Text, StringComparison.Ordinal);
        Assert.Equal([("CheckBack", "Open")], await Bot.QueryAsync<(string, string)>("SELECT step, outcome FROM cases WHERE user_id = 14010"));
        Assert.Equal(["CheckBack"], await Bot.QueryAsync<string>("SELECT kind FROM reminders WHERE user_id = 14010 AND state = 'pending'"));
    }

    [Fact]
    public async Task Free_text_at_a_button_step_gets_one_short_message_with_the_steps_buttons_never_the_drafts_again()
    {
        var buyer = Buyer.Of(Bot, 14020, Language.It);
        var evidence = await buyer.ToEvidenceAsync();
        await AssertBrief(await buyer.Send("ecco"), "need.Evidence", buyer.Label("button.to_compensation"));
        await buyer.Tick("Photos");
        await buyer.Press("button.to_compensation");
        await buyer.Press("compensation.ReturnAndRefund");
        await buyer.Press("button.skip");
        await AssertBrief(await buyer.Send("fatto"), "need.Survey", buyer.Label("button.survey_done"));
        await buyer.Press("button.survey_done");
        await AssertBrief(await buyer.Send("ok"), "need.SupportChat", buyer.Label("button.to_complaint"));
        var complaint = await buyer.Press("button.to_complaint");
        Assert.True(complaint.Messages.Count >= 3, "The complaint step shows its texts once, when it is reached.");
        await AssertBrief(await buyer.Send("inviato il reclamo"), "need.Complaint", buyer.Label("button.filed"));

        // A question gets a hint about the step and /help, still in one message.
        var question = await buyer.Send("dove lo incollo?");
        Assert.Single(question.Messages);
        Assert.Contains(buyer.Label("input.step_help"), question.Last.Text, StringComparison.Ordinal);
        Assert.Equal(["Complaint"], await Bot.QueryAsync<string>("SELECT step FROM cases WHERE user_id = 14020"));
        Assert.NotNull(evidence);

        async Task AssertBrief(FakeTelegram.Reply reply, string needKey, string button)
        {
            Assert.Single(reply.Messages);
            Assert.Contains(buyer.Label(needKey, ("next", button)), reply.Last.Text, StringComparison.Ordinal);
            Assert.Contains(button, reply.ButtonTexts);
            Assert.DoesNotContain("<pre>", reply.Last.Text, StringComparison.Ordinal);
            Assert.True(reply.Last.Text.Length < 400, $"Not brief: {reply.Last.Text}");
            await Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Back_to_the_complaint_brings_the_prompt_back_not_both_drafts()
    {
        var buyer = Buyer.Of(Bot, 14021, Language.Ru);
        await buyer.FileComplaintAsync();

        var back = await buyer.Press("button.back");

        Assert.Single(back.Messages);
        Assert.Contains(buyer.Label("step.complaint.drafts_above"), back.Last.Text, StringComparison.Ordinal);
        Assert.Contains(buyer.Label("button.filed"), back.ButtonTexts);
        var again = await buyer.Press("button.show_drafts");
        Assert.Contains(again.Messages, m => m.Text.Contains("Прошу", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Заказ №8123456789012399")]
    [InlineData("ordine 8123456789012399")]
    [InlineData("Ordine n. 8123 4567 8901 2399")]
    public async Task A_known_order_number_opens_its_case_instead_of_a_second_one(string typed)
    {
        var buyer = Buyer.Of(Bot, 14022, Language.Ru);
        await buyer.Send("/new");
        await buyer.Send("8123456789012399");
        await buyer.Press("button.yesterday");

        await buyer.Send("/new");
        var reply = await buyer.Send(typed);

        Assert.Contains(buyer.Label("cases.already"), reply.Text, StringComparison.Ordinal);
        Assert.Equal([1L], await Bot.QueryAsync<long>("SELECT COUNT(*) FROM cases WHERE user_id = 14022 AND order_number = '8123456789012399'"));
        var list = await buyer.Send("/cases");
        Assert.Single(list.ButtonTexts, b => b.Contains("8123456789012399", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_command_for_another_bot_is_ignored_and_one_for_this_bot_works()
    {
        var buyer = Buyer.Of(Bot, 14023, Language.En);

        var other = await buyer.Send("/new@otherbot");
        var ours = await buyer.Send("/new@AppealTestBot");

        Assert.Empty(other.Messages);
        Assert.Contains(buyer.Label("case.ask_order"), ours.Last.Text, StringComparison.Ordinal);
        Assert.Equal([1L], await Bot.QueryAsync<long>("SELECT COUNT(*) FROM cases WHERE user_id = 14023"));
    }

    [Theory]
    [InlineData("ru", "левый наушник <не> заряжается & не включается")]
    [InlineData("it", "l'auricolare sinistro <non> si carica & non si accende")]
    public async Task A_typed_detail_that_goes_into_the_complaint_is_shown_back_as_typed(string code, string typed)
    {
        var buyer = Buyer.Of(Bot, 14025, Lang(code));
        await buyer.Send("/new");
        await buyer.Send("8123456789012345");
        await buyer.Press("button.yesterday");
        await buyer.Press("problem.Defective");

        var reply = await buyer.Send(typed);

        // Escaped like every user string: the markup characters arrive as text, not as HTML.
        Assert.Contains(Texts.Plain(Lang(code), "input.noted", ("value", typed)), reply.Last.Text, StringComparison.Ordinal);
        Assert.Contains("&lt;", reply.Last.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ru", "позавчера", -2)]
    [InlineData("it", "l'altro ieri", -2)]
    [InlineData("en", "yesterday", -1)]
    public async Task A_typed_closing_date_is_echoed_back(string code, string typed, int daysAgo)
    {
        var language = Lang(code);
        var buyer = Buyer.Of(Bot, 14024, language);
        await buyer.Send("/new");
        await buyer.Send("8123456789012345");

        var reply = await buyer.Send(typed);

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Bot.Clock.GetUtcNow(), UserTimeZones.DefaultFor(language)).DateTime);
        var closed = today.AddDays(daysAgo);
        Assert.Equal([closed.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)],
            await Bot.QueryAsync<string>("SELECT dispute_closed_on FROM cases WHERE user_id = 14024"));
        Assert.True(reply.Last.Text.Contains(Localizer.For(language).Date(closed), StringComparison.Ordinal), reply.Last.Text);
    }

    [Fact]
    public async Task A_step_that_fell_due_days_ago_is_due_now_in_status_and_cases_never_on_a_past_date()
    {
        var buyer = Buyer.Of(Bot, 14025, Language.En);
        await buyer.FileComplaintAsync();
        var checkBack = DateTimeOffset.FromUnixTimeMilliseconds((await Bot.QueryAsync<long>("SELECT check_back_due FROM cases WHERE user_id = 14025")).Single());
        var dueDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(checkBack, UserTimeZones.DefaultFor(Language.En)).DateTime);
        var onDueDay = buyer.Label("when.day.on", ("date", dueDay));

        var before = await buyer.Send("/cases");
        Assert.Contains(buyer.Label("when.tomorrow"), before.Last.Text, StringComparison.Ordinal);

        Bot.Clock.Advance(TimeSpan.FromDays(4));
        var status = await buyer.Send("/status");
        var cases = await buyer.Send("/cases");

        foreach (var text in new[] { status.Text, cases.Last.Text })
        {
            Assert.DoesNotContain(onDueDay, text.Replace(buyer.Label("when.day.overdue", ("date", dueDay)), "", StringComparison.Ordinal), StringComparison.Ordinal);
        }

        Assert.Contains(buyer.Label("when.day.overdue", ("date", dueDay)), cases.Last.Text, StringComparison.Ordinal);
        Assert.Contains(buyer.Label("step.checkback.question"), status.Text, StringComparison.Ordinal);
    }

    private static Language Lang(string code) => Languages.TryParse(code, out var language) ? language : throw new ArgumentException(code);
}

/// <summary>The same tests with the bot on PostgreSQL.</summary>
// One bot on PostgreSQL at a time: bots side by side on the one test cluster can exhaust its connections.
[Collection("Bots on PostgreSQL")]
public sealed class TypingTestsOnPostgreSql : TypingTests, IRunsOnPostgreSql;
