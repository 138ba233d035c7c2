namespace AppealBot.Reminders;

/// <summary>The process's timings. AliExpress changes its rules often, so every one is configuration.</summary>
internal sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>How long after filing the complaint the user should check back with support.</summary>
    public TimeSpan CheckBackAfter { get; set; } = TimeSpan.FromDays(1);
}
