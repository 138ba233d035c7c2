using AppealBot.Conversation;
using AppealBot.Localization;
using AppealBot.Tests.TestKit;

namespace AppealBot.Tests.Conversation;

/// <summary>What people type instead of tapping: understood where a person would expect it, or told in one line what is needed.</summary>
public sealed class TypingTests : BotTests
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

    private static Language Lang(string code) => Languages.TryParse(code, out var language) ? language : throw new ArgumentException(code);
}
