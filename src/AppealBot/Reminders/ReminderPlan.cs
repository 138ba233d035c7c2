using AppealBot.Conversation;

namespace AppealBot.Reminders;

/// <summary>
/// Which reminders a case should have right now. Pure: storage makes the stored reminders match this plan
/// after every change, so a case that moved on or closed loses the reminders it no longer needs.
/// </summary>
internal static class ReminderPlan
{
    public static IReadOnlyList<PlannedReminder> For(Case c, UserProfile user, ReminderOptions options)
    {
        if (c.IsClosed)
        {
            return [];
        }

        var zone = user.TimeZone;
        DateTimeOffset Quiet(DateTimeOffset at) => LocalTime.OutOfQuietHours(at, zone, options.QuietHoursStart, options.QuietHoursEnd);
        DateTimeOffset OnDay(DateOnly day) => Quiet(LocalTime.At(day, options.DayTime, zone));

        switch (c.Step)
        {
            case CaseStep.CheckBack when c.CheckBackDue is { } due:
                return [new PlannedReminder(ReminderKind.CheckBack, Quiet(due))];
            case CaseStep.AwaitingDecision when c.DecisionDue is { } day:
                return [new PlannedReminder(ReminderKind.Decision, OnDay(day))];
            case CaseStep.AwaitingRefund when c.RefundDue is { } day:
                return [new PlannedReminder(ReminderKind.Refund, OnDay(day))];
        }

        if (c.Paused || !user.NudgesEnabled || options.NudgeAfter <= TimeSpan.Zero || c.OrderNumber is null || c.Step == CaseStep.CheckBackLater)
        {
            return [];
        }

        return [new PlannedReminder(ReminderKind.Nudge, Quiet(c.UpdatedAt + options.NudgeAfter))];
    }
}
