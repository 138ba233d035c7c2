namespace AppealBot.Reminders;

/// <summary>The process's timings and the reminder rules. AliExpress changes its rules often, so every one is configuration.</summary>
internal sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>How long after filing the complaint the user should check back with support.</summary>
    public TimeSpan CheckBackAfter { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The local time of day for reminders that fall on a date (decision day, refund day, "remind me tomorrow").</summary>
    public TimeOnly DayTime { get; set; } = new(10, 0);

    /// <summary>Nothing is delivered between these local times; a reminder due then moves to the end of the quiet time.</summary>
    public TimeOnly QuietHoursStart { get; set; } = new(22, 0);

    public TimeOnly QuietHoursEnd { get; set; } = new(9, 0);

    /// <summary>A case left untouched this long gets one gentle nudge; zero switches nudges off for everyone.</summary>
    public TimeSpan NudgeAfter { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Reminders overdue by more than this (the bot was down) are folded into one "while I was away" message per user.</summary>
    public TimeSpan FoldAfter { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How many due reminders one dispatch round claims.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>A reminder claimed this long ago and never marked sent is claimed again (its sender died).</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);
}
