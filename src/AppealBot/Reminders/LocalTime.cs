namespace AppealBot.Reminders;

/// <summary>Turns the user's local calendar and clock into instants, and keeps reminders out of the night.</summary>
internal static class LocalTime
{
    /// <summary>The instant of a local date and time; a time skipped by a DST change moves forward by an hour.</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    public static DateOnly Today(DateTimeOffset now, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);

    /// <summary>The instant itself, or the end of the quiet hours it falls into (the next morning).</summary>
    public static DateTimeOffset OutOfQuietHours(DateTimeOffset instant, TimeZoneInfo zone, TimeOnly quietStart, TimeOnly quietEnd)
    {
        if (quietStart == quietEnd)
        {
            return instant;
        }

        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var wraps = quietStart > quietEnd;
        if (wraps && time >= quietStart)
        {
            return At(date.AddDays(1), quietEnd, zone);
        }

        if ((wraps && time < quietEnd) || (!wraps && time >= quietStart && time < quietEnd))
        {
            return At(date, quietEnd, zone);
        }

        return instant;
    }
}
