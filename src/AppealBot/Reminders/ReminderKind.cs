using AppealBot.Conversation;

namespace AppealBot.Reminders;

/// <summary>What a reminder is about. Stored by name.</summary>
internal enum ReminderKind
{
    CheckBack,
    Decision,
    Refund,
    Nudge,

    // A few days before a window closes on the buyer.
    AppealDeadline,
    NewDisputeDeadline,
    PayPalDeadline,
    ChargebackDeadline,
}

internal static class ReminderKinds
{
    /// <summary>Deadline reminders follow the case's dates, not its step: the buyer may be at any step when one is due.</summary>
    public static bool IsDeadline(this ReminderKind kind) => kind >= ReminderKind.AppealDeadline;

    public static ReminderKind ForDeadline(DeadlineKind deadline) => deadline switch
    {
        DeadlineKind.Appeal => ReminderKind.AppealDeadline,
        DeadlineKind.NewDispute => ReminderKind.NewDisputeDeadline,
        DeadlineKind.PayPal => ReminderKind.PayPalDeadline,
        _ => ReminderKind.ChargebackDeadline,
    };

    public static DeadlineKind Deadline(this ReminderKind kind) => kind switch
    {
        ReminderKind.AppealDeadline => DeadlineKind.Appeal,
        ReminderKind.NewDisputeDeadline => DeadlineKind.NewDispute,
        ReminderKind.PayPalDeadline => DeadlineKind.PayPal,
        _ => DeadlineKind.Chargeback,
    };
}

/// <summary>A reminder the plan wants to exist: its kind and when it is due (UTC, already out of quiet hours).</summary>
internal sealed record PlannedReminder(ReminderKind Kind, DateTimeOffset DueAt);
