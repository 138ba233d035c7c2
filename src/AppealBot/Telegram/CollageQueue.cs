using System.Threading.Channels;
using AppealBot.Conversation;

namespace AppealBot.Telegram;

/// <summary>Collages to make for a chat.</summary>
internal sealed record CollageJob(long ChatId, CollageRequest Request);

/// <summary>
/// Collage work waiting for the <see cref="CollageWorker"/>. Making collages takes seconds, so it runs apart from
/// update handling (which must not hold up other users' updates); a case already queued is not queued twice.
/// </summary>
internal sealed class CollageQueue
{
    /// <summary>Jobs beyond this wait in no queue: the user is told to try again in a moment.</summary>
    private const int Capacity = 100;

    private readonly Channel<CollageJob> _jobs = Channel.CreateBounded<CollageJob>(new BoundedChannelOptions(Capacity) { SingleReader = true });
    private readonly Lock _gate = new();
    private readonly HashSet<long> _cases = [];

    /// <summary>False when collages for this case are already queued or being made, or the queue is full.</summary>
    public bool TryEnqueue(CollageJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        lock (_gate)
        {
            if (!_cases.Add(job.Request.CaseId))
            {
                return false;
            }

            if (!_jobs.Writer.TryWrite(job))
            {
                _cases.Remove(job.Request.CaseId);
                return false;
            }

            return true;
        }
    }

    public IAsyncEnumerable<CollageJob> ReadAllAsync(CancellationToken cancellationToken) => _jobs.Reader.ReadAllAsync(cancellationToken);

    /// <summary>The job is over (done or failed): the case may be queued again.</summary>
    public void Finished(CollageJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        lock (_gate)
        {
            _cases.Remove(job.Request.CaseId);
        }
    }
}
