using System.Diagnostics;
using AppealBot.Localization;
using AppealBot.Tests.FakeTelegram;
using AppealBot.Tests.TestKit;
using Xunit.Abstractions;

namespace AppealBot.Tests.Telegram;

/// <summary>
/// Replies go out per chat from the outbox, within Telegram's real limits (on here, and enforced by the fake server):
/// nobody waits for another user, every press is answered at once, 429 and transient failures are waited out.
/// </summary>
public sealed class ReplyLaneTests(ITestOutputHelper output) : BotTests
{
    /// <summary>A request already on its way when a 429 left the server may still arrive just after it.</summary>
    private static readonly TimeSpan InFlight = TimeSpan.FromMilliseconds(50);

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Telegram:MessagesPerSecond"] = "30";
        settings["Telegram:RetryFirstDelay"] = "00:00:00.050";
        settings["Telegram:ShutdownDrain"] = "00:00:00";
    }

    [Fact]
    public async Task Fifty_rapid_presses_of_one_button_are_all_answered_with_one_effect_and_no_edit_that_changes_nothing()
    {
        Bot.Server.EnforceFloodLimits(perSecond: 30, perChatPerSecond: 1, chatBurst: 3);
        var buyer = Buyer.Of(Bot, 9501, Language.En);
        await buyer.Send("/new");
        await buyer.Send("8123456789012345");
        var step = await buyer.Press("button.yesterday");
        var damaged = step.Last.FindButton(buyer.Label("problem.Damaged"))!.CallbackData!;

        var presses = Enumerable.Range(0, 50).Select(_ => buyer.User.EnqueuePress(step.Last.Id, damaged)).ToList();
        await Bot.Server.WaitUntilAnsweredAsync(presses[^1].UpdateId, TimeSpan.FromSeconds(30));

        Assert.All(presses, press => Assert.NotNull(Bot.Server.AnswerTo(press.QueryId)));
        Assert.Equal(["Facts"], await Bot.QueryAsync<string>("SELECT step FROM cases"));
        Assert.DoesNotContain(Bot.Server.Calls, call => call.ErrorCode is 400 or 429);
        var edits = Bot.Server.CallsTo("editMessageText").Count(call => call.ChatId == buyer.User.ChatId);
        output.WriteLine($"50 presses: 50 answered, {edits} edit(s), 0 × 400, 0 × 429");
    }

    [Fact]
    public async Task A_user_sending_twenty_texts_does_not_delay_another_users_start()
    {
        Bot.Server.EnforceFloodLimits(perSecond: 30, perChatPerSecond: 1, chatBurst: 3);
        var noisy = Buyer.Of(Bot, 9511, Language.Ru);
        var other = Buyer.Of(Bot, 9512, Language.It);
        var texts = Enumerable.Range(0, 20).Select(i => noisy.User.EnqueueMessage($"hello {i}")).ToList();
        other.User.EnqueueMessage("/start");

        var greeting = await Bot.Server.WaitForCallAsync("sendMessage", call => call.Succeeded && call.ChatId == other.User.ChatId);

        // The noisy chat goes at about one message a second after a burst of three; the other chat does not queue behind it.
        var noisyBefore = Bot.Server.CallsTo("sendMessage").TakeWhile(call => call != greeting).Count(call => call.ChatId == noisy.User.ChatId);
        Assert.InRange(noisyBefore, 0, 4);
        await Bot.Server.WaitForCallAsync("sendMessage", call => call.Succeeded && call.ChatId == noisy.User.ChatId && call.Text!.Length > 0
            && Bot.Server.CallsTo("sendMessage").Count(c => c.ChatId == noisy.User.ChatId) >= 6, TimeSpan.FromSeconds(30));
        Assert.DoesNotContain(Bot.Server.Calls, call => call.ErrorCode == 429);
        output.WriteLine($"{noisyBefore} of {texts.Count} replies to the noisy user went before the other user's greeting");
    }

    [Fact]
    public async Task A_user_writing_faster_than_Telegram_lets_the_bot_answer_is_told_once_to_slow_down()
    {
        var noisy = Buyer.Of(Bot, 9515, Language.It);
        var texts = Enumerable.Range(0, 30).Select(i => noisy.User.EnqueueMessage($"ciao {i}")).ToList();
        await Bot.Server.WaitUntilConfirmedAsync(texts[^1]);

        // Recorded as handled (Telegram does not send them again), answered up to the limit, then one notice.
        var handled = await Bot.QueryAsync<long>("SELECT update_id FROM handled_updates");
        Assert.All(texts, id => Assert.Contains(id, handled));
        var owed = await Bot.QueryAsync<long>("SELECT COUNT(*) FROM outbox WHERE chat_id = 9515");
        Assert.InRange(owed.Single(), 1, 11);
        await Bot.Server.WaitForCallAsync("sendMessage", call => call.ChatId == noisy.User.ChatId && call.Text == noisy.Label("input.slow_down"), TimeSpan.FromSeconds(30));
        Assert.Single(Bot.Server.CallsTo("sendMessage"), call => call.Text == noisy.Label("input.slow_down"));
    }

    [Fact]
    public async Task In_a_429_storm_nothing_is_sent_before_retry_after_has_passed_polling_included()
    {
        var users = Enumerable.Range(0, 10).Select(i => Buyer.Of(Bot, 9520 + i, Language.En)).ToList();
        Bot.Server.FailNext("sendMessage", FakeFault.TooManyRequests(1), times: 3);
        var updates = users.Select(user => user.User.EnqueueMessage("/start")).ToList();
        await Bot.Server.WaitUntilAnsweredAsync(updates[^1], TimeSpan.FromSeconds(30));

        // A 429 on getUpdates while one chat still has paced replies to send: they wait too.
        var paced = users[0];
        var more = Enumerable.Range(0, 5).Select(i => paced.User.EnqueueMessage($"text {i}")).ToList();
        await Bot.Server.WaitForCallAsync("sendMessage", call => call.ChatId == paced.User.ChatId && call.Text!.Length > 0
            && Bot.Server.CallsTo("sendMessage").Count(c => c.ChatId == paced.User.ChatId) >= 2);
        Bot.Server.FailNext("getUpdates", FakeFault.TooManyRequests(2));
        var last = users[1].User.EnqueueMessage("/help");
        await Bot.Server.WaitUntilAnsweredAsync(Math.Max(last, more[^1]), TimeSpan.FromSeconds(30));

        var throttles = Bot.Server.Calls.Where(call => call.ErrorCode == 429).ToList();
        Assert.Equal(4, throttles.Count);
        Assert.Contains(throttles, call => call.Method == "getUpdates");
        var sends = Bot.Server.Calls.Where(call => call.Method is "sendMessage" or "editMessageText" or "sendDocument").ToList();
        foreach (var throttle in throttles)
        {
            var from = throttle.AnsweredStamp + Ticks(InFlight);
            var until = throttle.AnsweredStamp + Ticks(TimeSpan.FromSeconds(throttle.RetryAfterSeconds!.Value));
            Assert.DoesNotContain(sends, send => send.ReceivedStamp > from && send.ReceivedStamp < until);
        }

        Assert.All(users, user => Assert.Contains(Bot.Server.CallsTo("sendMessage"), call => call.Succeeded && call.ChatId == user.User.ChatId));
    }

    [Fact]
    public async Task A_reply_that_fails_four_times_in_a_row_is_still_delivered()
    {
        var buyer = Buyer.Of(Bot, 9531, Language.It);
        Bot.Server.FailNext("sendMessage", FakeFault.ServerError(502), times: 2);
        Bot.Server.FailNext("sendMessage", FakeFault.DropConnection, times: 2);
        Bot.Server.FailNext("sendMessage", FakeFault.ServerError(500));

        var reply = await buyer.Send("/start");

        Assert.StartsWith("Ciao! Sono AppealBot.", reply.Last.Text, StringComparison.Ordinal);
        Assert.Equal(6, Bot.Server.CallsTo("sendMessage").Count);
        Assert.Contains(Bot.Logs.Lines, line => line.Contains("sendMessage to 127.0.0.1:", StringComparison.Ordinal) && line.Contains("502", StringComparison.Ordinal));
        Assert.Contains(Bot.Logs.Lines, line => line.Contains("sendMessage to 127.0.0.1:", StringComparison.Ordinal) && line.Contains("connection", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(Bot.Logs.Lines, line => line.Contains(Bot.Server.Token, StringComparison.Ordinal));
        output.WriteLine(string.Join("\n", Bot.Logs.Lines.Where(line => line.Contains("sendMessage to", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task A_message_Telegram_applied_but_whose_answer_was_lost_is_repeated_once_and_only_then()
    {
        const int Faults = 20;
        var users = Enumerable.Range(0, Faults).Select(i => Buyer.Of(Bot, 9540 + i, Language.En)).ToList();
        Bot.Server.FailNext("sendMessage", FakeFault.AppliedThenDropped, times: Faults);
        var updates = users.Select(user => user.User.EnqueueMessage("/start")).ToList();
        await Bot.Server.WaitUntilAnsweredAsync(updates[^1], TimeSpan.FromSeconds(30));

        var applied = Bot.Server.CallsTo("sendMessage").Where(call => call.Applied).ToList();
        var repeated = applied.Count - users.Count;
        Assert.All(users, user => Assert.Contains(applied, call => call.ChatId == user.User.ChatId));
        Assert.All(users, user => Assert.InRange(applied.Count(call => call.ChatId == user.User.ChatId), 1, 2));
        output.WriteLine($"{Faults} × \"applied, then connection lost\": {repeated} message(s) repeated");
    }

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);
}
