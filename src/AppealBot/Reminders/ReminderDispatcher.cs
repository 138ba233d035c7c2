using AppealBot.Conversation;
using AppealBot.Storage;
using AppealBot.Telegram;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AppealBot.Reminders;

/// <summary>
/// Sends due reminders. Each round claims the earliest due rows, checks each against its case as it is now
/// (a case that moved on or closed drops it), keeps the night quiet, folds long-overdue ones into one message
/// per user, and marks a reminder sent only after Telegram accepted it. A crash between Telegram's answer
/// and that mark makes the reminder go out once more after the claim lease: at least once, never lost.
/// </summary>
internal sealed partial class ReminderDispatcher(
    IReminderQueue queue,
    IUpdateWriter writer,
    IChatSender sender,
    ReminderSignal signal,
    DispatchRounds rounds,
    TimeProvider time,
    IOptions<ReminderOptions> options,
    IOptions<DeadlineOptions> deadlines,
    ILogger<ReminderDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan LongestSleep = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan StorageRetry = TimeSpan.FromSeconds(5);
    private const int ParallelUsers = 8;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var round = rounds.Start();
                signal.RoundStarted();
                var now = time.GetUtcNow();
                await queue.ReleaseAbandonedAsync(now - settings.ClaimLease, stoppingToken);
                var due = await queue.ClaimDueAsync(now, settings.BatchSize, stoppingToken);
                if (due.Count > 0)
                {
                    await DeliverAsync(due, now, stoppingToken);
                    continue;
                }

                rounds.Idle(round);
                var next = await queue.NextDueAsync(stoppingToken);
                var sleep = next is { } at ? at - now : LongestSleep;
                sleep = sleep < TimeSpan.Zero ? TimeSpan.Zero : sleep > LongestSleep ? LongestSleep : sleep;
                signal.SleepingUntil(now + sleep);
                await signal.WaitAsync(sleep, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (StorageException e)
            {
                LogStorageFailed(e.Reason);
                try
                {
                    await Task.Delay(StorageRetry, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task DeliverAsync(IReadOnlyList<DueReminder> due, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = ParallelUsers, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(due.GroupBy(r => r.UserId), parallel, async (forUser, ct) =>
        {
            try
            {
                await DeliverToUserAsync(forUser.Key, [.. forUser], now, ct);
            }
            catch (StorageException e)
            {
                // The claims expire after the lease and are tried again then.
                LogStorageFailed(e.Reason);
            }
        });
    }

    private async Task DeliverToUserAsync(long userId, IReadOnlyList<DueReminder> reminders, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        UserProfile? user;
        var cases = new Dictionary<long, Case>();
        await using (var read = await writer.BeginReadAsync(cancellationToken))
        {
            user = await read.FindUserAsync(userId);
            var book = read.CasesOf(userId);
            foreach (var reminder in reminders)
            {
                if (await book.FindAsync(reminder.CaseId) is { } found)
                {
                    cases[found.Id] = found;
                }
            }
        }

        if (user is null || user.IsBlocked)
        {
            await queue.DropAsync(reminders.Select(r => r.Id), now, cancellationToken);
            return;
        }

        var ctx = new ConversationContext { User = user, Cases = NoCases.Instance, Now = now, Reminders = settings, Deadlines = deadlines.Value };
        var stillWanted = reminders.Where(r => cases.TryGetValue(r.CaseId, out var c) && IsStillWanted(r, c, user)).ToList();
        await queue.DropAsync(reminders.Except(stillWanted).Select(r => r.Id), now, cancellationToken);

        var morning = LocalTime.OutOfQuietHours(now, user.TimeZone, settings.QuietHoursStart, settings.QuietHoursEnd);
        if (morning > now)
        {
            foreach (var reminder in stillWanted)
            {
                await queue.RescheduleAsync(reminder.Id, morning, failedAttempt: false, cancellationToken);
            }

            return;
        }

        var overdue = stillWanted.Where(r => now - r.PlannedAt > settings.FoldAfter).ToList();
        if (overdue.Count > 0)
        {
            var folded = overdue.Select(r => cases[r.CaseId]).DistinctBy(c => c.Id).ToList();
            var away = ReminderMessages.WhileAway(folded, ctx);
            await SendAsync(user, overdue, new Reply(away.Html, away.Buttons, ReplacesPressedMessage: false), now, cancellationToken);
        }

        foreach (var reminder in stillWanted.Except(overdue))
        {
            var message = ReminderMessages.Render(reminder.Kind, cases[reminder.CaseId], ctx);
            if (!await SendAsync(user, [reminder], new Reply(message.Html, message.Buttons, ReplacesPressedMessage: false), now, cancellationToken))
            {
                return;
            }
        }
    }

    /// <summary>False when nothing more should go to this user in this round.</summary>
    private async Task<bool> SendAsync(UserProfile user, IReadOnlyList<DueReminder> reminders, Reply reply, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var outcome = await sender.SendAsync(user.ChatId, reply, SendPriority.Background, cancellationToken);
        var ids = reminders.Select(r => r.Id).ToList();
        switch (outcome)
        {
            case SendOutcome.Sent:
                await queue.MarkSentAsync(ids, time.GetUtcNow(), cancellationToken);
                LogSent(ids.Count, user.Id);
                return true;
            case SendOutcome.ChatGone:
                await queue.DropAllForUserAsync(user.Id, cancellationToken);
                return false;
            case SendOutcome.Transient:
                foreach (var reminder in reminders)
                {
                    await queue.RescheduleAsync(reminder.Id, now + Telegram.TransientFailures.Backoff(reminder.Attempts + 2), failedAttempt: true, cancellationToken);
                }

                return false;
            default:
                foreach (var id in ids)
                {
                    await queue.MarkFailedAsync(id, now, cancellationToken);
                }

                return true;
        }
    }

    /// <summary>The case still wants exactly this reminder: nothing moved it on, closed it or paused it meanwhile.</summary>
    private bool IsStillWanted(DueReminder reminder, Case c, UserProfile user) =>
        (reminder.Kind.IsDeadline() || c.Step.ToString() == reminder.Step)
        && ReminderPlan.For(c, user, options.Value, deadlines.Value).Any(p => p.Kind == reminder.Kind && p.DueAt == reminder.PlannedAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Count} reminder(s) to user {UserId}")]
    private partial void LogSent(int count, long userId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reminders could not be read or updated ({Reason}); trying again shortly")]
    private partial void LogStorageFailed(string reason);

    /// <summary>Rendering a reminder never needs to look up other cases.</summary>
    private sealed class NoCases : ICaseBook
    {
        public static readonly NoCases Instance = new();

        public Task<Case?> FindAsync(long caseId) => Task.FromResult<Case?>(null);

        public Task<IReadOnlyList<Case>> ListAsync() => Task.FromResult<IReadOnlyList<Case>>([]);

        public Task<Case> OpenNewAsync(DateTimeOffset now) => throw new InvalidOperationException("Reminders do not open cases.");

        public Task<IReadOnlyList<CasePhoto>> PhotosAsync(long caseId) => Task.FromResult<IReadOnlyList<CasePhoto>>([]);

        public Task<CasePhoto> AddPhotoAsync(long caseId, PhotoFile file, DateTimeOffset now) => throw new InvalidOperationException("Reminders do not keep photos.");

        public Task RemovePhotosAsync(long caseId, IReadOnlyCollection<int> numbers) => throw new InvalidOperationException("Reminders do not keep photos.");

        public Task ClearPhotosAsync(long caseId) => throw new InvalidOperationException("Reminders do not keep photos.");

        public Task<IReadOnlyList<PhotoCheckRecord>> PhotoChecksAsync(long caseId) => Task.FromResult<IReadOnlyList<PhotoCheckRecord>>([]);

        public Task<bool> KeepPhotoAsync(long caseId, long checkId) => throw new InvalidOperationException("Reminders do not keep photos.");

        public Task<bool> SetPhotoShowsAsync(long caseId, int number, string fileUniqueId, PhotoShows shows) =>
            throw new InvalidOperationException("Reminders do not keep photos.");
    }
}
