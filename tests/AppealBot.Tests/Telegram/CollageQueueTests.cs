using AppealBot.Conversation;
using AppealBot.Localization;
using AppealBot.Telegram;

namespace AppealBot.Tests.Telegram;

public sealed class CollageQueueTests
{
    [Fact]
    public async Task A_case_is_queued_once_until_its_collages_are_done()
    {
        var queue = new CollageQueue();
        var first = Job(caseId: 1);

        Assert.True(queue.TryEnqueue(first));
        Assert.False(queue.TryEnqueue(Job(caseId: 1)));
        Assert.True(queue.TryEnqueue(Job(caseId: 2)));

        await using var jobs = queue.ReadAllAsync(CancellationToken.None).GetAsyncEnumerator();
        Assert.True(await jobs.MoveNextAsync());
        Assert.Same(first, jobs.Current);
        queue.Finished(first);
        Assert.True(queue.TryEnqueue(Job(caseId: 1)));
    }

    private static CollageJob Job(long caseId) =>
        new(ChatId: 5, new CollageRequest(caseId, CaseStep.Evidence, "8123456789012345", Language.En, []));
}
