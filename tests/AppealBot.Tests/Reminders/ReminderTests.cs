using AppealBot.Localization;
using AppealBot.Tests.FakeTelegram;
using AppealBot.Tests.TestKit;

namespace AppealBot.Tests.Reminders;

public sealed class ReminderTests : BotTests
{

    [Fact]
    public async Task Every_date_of_the_process_brings_its_reminder_and_the_reminder_moves_the_case_on()
    {
        var buyer = Buyer.Of(Bot, 8001, Language.Ru);
        await buyer.FileComplaintAsync();

        Bot.Advance(TimeSpan.FromDays(1));
        var checkBack = await buyer.NextReminderAsync(Bot, "reminder.CheckBack");
        Assert.Equal(BotUnderTest.Start.AddDays(1), checkBack.At);
        Assert.Contains(buyer.Label("button.all_fine"), buyer.User.LastMessage.ButtonTexts);

        await buyer.Answer("button.all_fine");
        await buyer.PressDays(5);
        Assert.Equal([BotUnderTest.Start.AddDays(6).Date.AddHours(7)], await DueTimes(8001));

        Bot.AdvanceTo(new DateTimeOffset(2026, 12, 1, 7, 0, 0, TimeSpan.Zero));
        var decision = await buyer.NextReminderAsync(Bot, "reminder.Decision");
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 7, 0, 0, TimeSpan.Zero), decision.At);

        await buyer.Answer("button.not_decided");
        await buyer.PressDays(3);
        Bot.AdvanceTo(new DateTimeOffset(2026, 12, 4, 7, 0, 0, TimeSpan.Zero));
        await buyer.NextReminderAsync(Bot, "reminder.Decision");
        Assert.Equal(2, Sent(8001).Count(text => text.Contains(Localizer.For(Language.Ru)["reminder.Decision"], StringComparison.Ordinal)));

        await buyer.Answer("button.accepted");
        await buyer.Send("2 000 ₽");
        await buyer.PressDays(7);
        Bot.AdvanceTo(new DateTimeOffset(2026, 12, 11, 7, 0, 0, TimeSpan.Zero));
        var refund = await buyer.NextReminderAsync(Bot, "reminder.Refund");
        Assert.Contains("2 000 ₽", System.Net.WebUtility.HtmlDecode(refund.Text ?? "").Replace('\u00A0', ' ').Replace('\u202F', ' '), StringComparison.Ordinal);

        await buyer.Press("button.money_arrived");
        Assert.Equal([("Closed", "Won")], await Bot.QueryAsync<(string, string)>("SELECT step, outcome FROM cases WHERE user_id = 8001"));
        Assert.Empty(await DueTimes(8001));
    }

    [Theory]
    [InlineData("ru", 20, 0, 6)]   // 23:00 in Moscow → 09:00 Moscow = 06:00 UTC
    [InlineData("it", 21, 30, 8)]  // 22:30 in Rome → 09:00 Rome = 08:00 UTC
    public async Task A_reminder_due_at_night_waits_for_nine_in_the_morning(string code, int hour, int minute, int utcMorningHour)
    {
        var buyer = Buyer.Of(Bot, 8002, Languages.FromTelegramCode(code));
        Bot.AdvanceTo(new DateTimeOffset(2026, 11, 25, hour, minute, 0, TimeSpan.Zero));
        await buyer.FileComplaintAsync();

        var morning = new DateTimeOffset(2026, 11, 27, utcMorningHour, 0, 0, TimeSpan.Zero);
        Assert.Equal([morning], await DueTimes(8002));

        Bot.AdvanceTo(morning);
        var reminder = await buyer.NextReminderAsync(Bot, "reminder.CheckBack");
        Assert.Equal(morning, reminder.At);
    }

    [Fact]
    public async Task Remind_me_later_brings_the_check_back_again_the_next_day()
    {
        var buyer = Buyer.Of(Bot, 8003, Language.It);
        await buyer.FileComplaintAsync();
        Bot.Advance(TimeSpan.FromDays(1));
        await buyer.NextReminderAsync(Bot, "reminder.CheckBack");

        await buyer.Press("button.remind_later");
        var snoozed = await buyer.Press("button.tomorrow");
        Assert.Contains(buyer.Label("input.snoozed", ("due", buyer.Label("when.tomorrow"))), snoozed.Last.Text, StringComparison.Ordinal);
        Assert.Contains(buyer.Label("button.have_answer"), snoozed.ButtonTexts);

        var tomorrowAtTen = new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero); // 10:00 in Rome
        Assert.Equal([tomorrowAtTen], await DueTimes(8003));
        Bot.AdvanceTo(tomorrowAtTen);
        var again = await buyer.NextReminderAsync(Bot, "reminder.CheckBack");
        Assert.Equal(tomorrowAtTen, again.At);
    }

    [Fact]
    public async Task A_case_that_moved_on_drops_its_reminder()
    {
        var buyer = Buyer.Of(Bot, 8004, Language.En);
        await buyer.FileComplaintAsync();
        Assert.Single(await DueTimes(8004));

        await buyer.Answer("button.all_fine");

        Assert.Equal(0, await Count("SELECT COUNT(*) FROM reminders WHERE kind = 'CheckBack'"));
        Assert.Equal(["Nudge"], await Bot.QueryAsync<string>("SELECT kind FROM reminders WHERE state = 'pending'"));
    }

    [Fact]
    public async Task A_stored_reminder_whose_case_has_moved_on_is_dropped_at_sending_time_without_a_message()
    {
        var buyer = Buyer.Of(Bot, 8005, Language.En);
        await buyer.FileComplaintAsync();
        await Bot.ExecuteAsync("UPDATE reminders SET step = 'Survey' WHERE user_id = 8005");

        Bot.Advance(TimeSpan.FromDays(1));
        await Bot.RemindersSettledAsync();

        Assert.Equal(["dropped"], await Bot.QueryAsync<string>("SELECT state FROM reminders WHERE user_id = 8005"));
        Assert.DoesNotContain(Bot.Server.CallsTo("sendMessage"), c => c.ChatId == 8005 && (c.Text ?? "").Contains('⏰', StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reminders_due_while_the_bot_was_down_are_delivered_once_after_the_restart()
    {
        var buyer = Buyer.Of(Bot, 8007, Language.Ru);
        await buyer.FileComplaintAsync();
        await Bot.StopAsync();

        Bot.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(2));
        await Bot.RestartAsync();
        await Bot.RemindersSettledAsync();

        await Bot.RestartAsync();
        await Bot.RemindersSettledAsync();
        Assert.Equal(["sent"], await Bot.QueryAsync<string>("SELECT state FROM reminders WHERE user_id = 8007"));
        Assert.Single(Bot.Server.CallsTo("sendMessage"), c => c.ChatId == 8007 && c.Succeeded && (c.Text ?? "").Contains('⏰', StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_a_long_downtime_overdue_reminders_come_as_one_message()
    {
        var buyer = Buyer.Of(Bot, 8008, Language.En);
        await buyer.FileComplaintAsync("8111111111111111");
        await buyer.FileComplaintAsync("8222222222222222");
        await Bot.StopAsync();

        Bot.Clock.Advance(TimeSpan.FromDays(3));
        await Bot.RestartAsync();
        await Bot.RemindersSettledAsync();
        var away = Bot.Server.CallsTo("sendMessage").Single(c => c.ChatId == 8008 && (c.Text ?? "").Contains("While I was away", StringComparison.Ordinal));

        Assert.Contains("8111111111111111", away.Text, StringComparison.Ordinal);
        Assert.Contains("8222222222222222", away.Text, StringComparison.Ordinal);
        Assert.Equal(["sent", "sent"], await Bot.QueryAsync<string>("SELECT state FROM reminders WHERE user_id = 8008"));
    }

    [Fact]
    public async Task A_blocked_user_gets_nothing_more_while_others_get_their_reminders()
    {
        var blocker = Buyer.Of(Bot, 8009, Language.En);
        await blocker.FileComplaintAsync();
        var other = Buyer.Of(Bot, 8010, Language.It);
        await other.FileComplaintAsync();
        blocker.User.BlockBot();

        Bot.Advance(TimeSpan.FromDays(1));
        await Bot.RemindersSettledAsync();

        Assert.Single(Sent(8010), text => text.Contains('⏰', StringComparison.Ordinal));
        Assert.Equal(["sent"], await Bot.QueryAsync<string>("SELECT state FROM reminders WHERE user_id = 8010"));

        Assert.Equal(["dropped"], await Bot.QueryAsync<string>("SELECT state FROM reminders WHERE user_id = 8009"));
        Assert.Equal([true], await Bot.QueryAsync<bool>("SELECT blocked_at IS NOT NULL FROM users WHERE id = 8009"));
    }

    [Fact]
    public async Task Too_many_requests_holds_the_reminder_until_retry_after_and_loses_nothing()
    {
        var buyer = Buyer.Of(Bot, 8011, Language.En);
        await buyer.FileComplaintAsync();
        Bot.Server.FailNext("sendMessage", FakeFault.TooManyRequests(1));

        Bot.Advance(TimeSpan.FromDays(1));
        await Bot.RemindersSettledAsync();

        var attempts = Bot.Server.CallsTo("sendMessage").Where(c => c.ChatId == 8011 && (c.Text ?? "").Contains('⏰', StringComparison.Ordinal)).ToList();
        Assert.Equal([429, null], attempts.Select(c => c.ErrorCode));
        Assert.Equal(["sent"], await Bot.QueryAsync<string>("SELECT state FROM reminders WHERE user_id = 8011"));
    }

    [Fact]
    public async Task A_reminder_that_hits_a_server_error_is_kept_and_sent_on_a_later_try()
    {
        var buyer = Buyer.Of(Bot, 8014, Language.It);
        await buyer.FileComplaintAsync();
        Bot.Server.FailNext("sendMessage", FakeFault.ServerError());

        Bot.Advance(TimeSpan.FromDays(1));
        await Bot.RemindersSettledAsync();
        Assert.Equal([("pending", 1L)], await Bot.QueryAsync<(string, long)>("SELECT state, attempts FROM reminders WHERE user_id = 8014"));

        Bot.Advance(TimeSpan.FromMinutes(1));
        await Bot.RemindersSettledAsync();

        Assert.Equal([("sent", 1L)], await Bot.QueryAsync<(string, long)>("SELECT state, attempts FROM reminders WHERE user_id = 8014"));
        Assert.Single(Sent(8014), text => text.Contains('⏰', StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reminder_overdue_at_night_after_downtime_waits_for_the_morning_and_is_then_sent()
    {
        var buyer = Buyer.Of(Bot, 8015, Language.Ru);
        await buyer.FileComplaintAsync(); // due tomorrow 13:00 in Moscow
        await Bot.StopAsync();

        Bot.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 26, 19, 30, 0, TimeSpan.Zero)); // 22:30 in Moscow
        await Bot.RestartAsync();
        await Bot.RemindersSettledAsync();
        var morning = new DateTimeOffset(2026, 11, 27, 6, 0, 0, TimeSpan.Zero); // 09:00 in Moscow
        Assert.Equal([morning], await DueTimes(8015));
        Assert.DoesNotContain(Sent(8015), text => text.Contains('⏰', StringComparison.Ordinal));

        // By then it is overdue by more than FoldAfter, so it comes as the "while I was away" message.
        Bot.AdvanceTo(morning);
        var reminder = await buyer.NextReminderAsync(Bot, "reminder.away");

        Assert.Equal(morning, reminder.At);
        Assert.Contains("8123456789012345", reminder.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_case_left_waiting_gets_one_nudge_that_can_pause_it()
    {
        var buyer = Buyer.Of(Bot, 8012, Language.En);
        await buyer.Send("/new");
        await buyer.Send("8123456789012345");

        Bot.Advance(TimeSpan.FromDays(3));
        var nudge = await Bot.Server.WaitForCallAsync("sendMessage", c => c.ChatId == 8012 && (c.Text ?? "").Contains("waiting for 3 days", StringComparison.Ordinal));
        Assert.Contains("👋", nudge.Text, StringComparison.Ordinal);

        var paused = await buyer.Press("button.pause_case");
        Assert.Contains(buyer.Label("reminder.paused"), paused.Last.Text, StringComparison.Ordinal);
        Assert.Empty(await DueTimes(8012));
    }

    [Fact]
    public async Task Changing_the_time_zone_moves_pending_reminders_to_the_new_local_time()
    {
        var buyer = Buyer.Of(Bot, 8013, Language.Ru);
        await buyer.FileComplaintAsync();
        await buyer.Answer("button.all_fine");
        await buyer.PressDays(5);
        Assert.Equal([new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero)], await DueTimes(8013));

        await buyer.Send("/timezone");
        var changed = await buyer.User.PressAsync(buyer.Label("timezone.label", ("city", new Html(Localizer.For(Language.Ru)["tz.Asia/Vladivostok"])), ("offset", "UTC+10")));

        Assert.Contains(Localizer.For(Language.Ru)["tz.Asia/Vladivostok"], changed.Last.Text, StringComparison.Ordinal);
        Assert.Equal([new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero)], await DueTimes(8013));
    }

    private async Task<IReadOnlyList<DateTimeOffset>> DueTimes(long userId) =>
        [.. (await Bot.QueryAsync<long>("SELECT due_at FROM reminders WHERE user_id = @userId AND state = 'pending' ORDER BY due_at", new { userId }))
            .Select(DateTimeOffset.FromUnixTimeMilliseconds)];

    private IEnumerable<string> Sent(long chatId) =>
        Bot.Server.CallsTo("sendMessage").Where(c => c.ChatId == chatId && c.Succeeded).Select(c => c.Text ?? "");

    private async Task<long> Count(string sql) => (await Bot.QueryAsync<long>(sql)).Single();
}
