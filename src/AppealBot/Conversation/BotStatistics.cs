namespace AppealBot.Conversation;

/// <summary>What an operator sees with /stats.</summary>
internal sealed record BotStatistics(
    long Users,
    long ActiveUsers,
    long BlockedUsers,
    IReadOnlyList<StepCount> OpenCasesByStep,
    long OpenCases,
    long WonCases,
    long GaveUpCases,
    long RejectedAtLeastOnce,
    long RemindersPending,
    long RemindersSent,
    long RemindersFailed);

internal sealed record StepCount(string Step, long Count);

/// <summary>Counts over all users, for operators; the conversation never sees one user's data through it.</summary>
internal interface IBotStatistics
{
    /// <summary>Users active since <paramref name="activeSince"/>; reminders sent or failed since <paramref name="remindersSince"/>.</summary>
    Task<BotStatistics> CollectAsync(DateTimeOffset activeSince, DateTimeOffset remindersSince);
}

/// <summary>The running process: which build, and since when.</summary>
internal interface IRuntimeFacts
{
    string Version { get; }

    DateTimeOffset StartedAt { get; }
}
