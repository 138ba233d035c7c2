using AppealBot.Hosting;
using AppealBot.Telegram;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AppealBot.Tests.Telegram;

/// <summary>
/// Telegram's 30 messages a second are the bot's, not each instance's: instances sharing a database take equal shares.
/// The budget runs on its clock, frozen here, so what passes at once is exactly what the budget allows.
/// </summary>
public sealed class SendBudgetTests
{
    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 15)]
    [InlineData(3, 10)]
    public async Task Each_of_several_instances_sends_its_share_of_the_bots_rate(int instances, int perSecond)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var budget = new SendBudget(Options.Create(new TelegramOptions()), clock);
        budget.ShareWith(instances);

        // Sixty chats want one message each, now.
        var sends = Enumerable.Range(1, 60).Select(chat => budget.AcquireAsync(chat, SendPriority.Reply, CancellationToken.None)).ToList();
        Assert.Equal(perSecond, sends.Count(send => send.IsCompleted));

        var waiting = sends.Where(send => !send.IsCompleted).ToList();
        clock.Advance(TimeSpan.FromSeconds(1));
        await Task.WhenAny(waiting);
        Assert.InRange(sends.Count(send => send.IsCompleted), perSecond + 1, 2 * perSecond);
    }

    [Fact]
    public void Background_messages_still_pass_when_the_share_is_smaller_than_the_reserve_for_replies()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var budget = new SendBudget(Options.Create(new TelegramOptions()), clock);

        // Six instances: 5 messages a second each, the same as the reserve kept for replies.
        budget.ShareWith(6);

        Assert.True(budget.AcquireAsync(1, SendPriority.Background, CancellationToken.None).IsCompleted);
    }
}
