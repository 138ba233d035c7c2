using AppealBot.Conversation;

namespace AppealBot.Reminders;

/// <summary>
/// Which reminders a case should have right now. Pure: storage makes the stored reminders match this plan
/// after every change, so a case that moved on or closed loses the reminders it no longer needs.
/// </summary>
internal static class ReminderPlan
{
    public static IReadOnlyList<PlannedReminder> For(Case c, UserProfile user, ReminderOptions options, DeadlineOptions deadlines)
    {
        if (c.IsClosed)
        {
            return [];
        }

        var zone = user.TimeZone;
        DateTimeOffset Quiet(DateTimeOffset at) => LocalTime.OutOfQuietHours(at, zone, options.QuietHoursStart, options.QuietHoursEnd);
        DateTimeOffset OnDay(DateOnly day) => Quiet(LocalTime.At(day, options.DayTime, zone));

        // A few days before each window closes; only ahead of the case's last change, so a deadline already close when
        // the buyer learned of it (they read it in the advice) is not announced again at once.
        var plan = Deadlines.For(c, Deadlines.CountryOf(user), deadlines)
            .Where(d => d.Until is not null)
            .Select(d => new PlannedReminder(ReminderKinds.ForDeadline(d.Kind), OnDay(d.Until!.Value.AddDays(-deadlines.RemindBefore.Days))))
            .Where(r => r.DueAt > c.UpdatedAt)
            .ToList();

        var step = c.Step switch
        {
            CaseStep.CheckBack when c.CheckBackDue is { } due => new PlannedReminder(ReminderKind.CheckBack, Quiet(due)),
            CaseStep.AwaitingDecision when c.DecisionDue is { } day => new PlannedReminder(ReminderKind.Decision, OnDay(day)),
            CaseStep.AwaitingRefund when c.RefundDue is { } day => new PlannedReminder(ReminderKind.Refund, OnDay(day)),
            _ => null,
        };
        if (step is not null)
        {
            plan.Add(step);
        }
        else if (!c.Paused && user.NudgesEnabled && options.NudgeAfter > TimeSpan.Zero && c.OrderNumber is not null && c.Step != CaseStep.CheckBackLater)
        {
            plan.Add(new PlannedReminder(ReminderKind.Nudge, Quiet(c.UpdatedAt + options.NudgeAfter)));
        }

        return plan;
    }
}
