namespace AppealBot.Reminders;

/// <summary>What a reminder is about. Stored by name.</summary>
internal enum ReminderKind
{
    CheckBack,
    Decision,
    Refund,
    Nudge,
}

/// <summary>A reminder the plan wants to exist: its kind and when it is due (UTC, already out of quiet hours).</summary>
internal sealed record PlannedReminder(ReminderKind Kind, DateTimeOffset DueAt);
