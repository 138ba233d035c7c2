using AppealBot.Hosting;

namespace AppealBot.Reminders;

/// <summary>Wakes the dispatcher when a reminder was planned, so one due sooner than it expected is not late.</summary>
internal sealed class ReminderSignal : WakeSignal;
