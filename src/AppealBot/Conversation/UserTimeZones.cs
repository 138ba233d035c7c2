using AppealBot.Localization;

namespace AppealBot.Conversation;

internal static class UserTimeZones
{
    /// <summary>The zones offered by /timezone: Russia's eleven, then those of the bot's other users. Buttons carry the index.</summary>
    public static IReadOnlyList<string> Offered { get; } =
    [
        "Europe/Kaliningrad", "Europe/Moscow", "Europe/Samara", "Asia/Yekaterinburg", "Asia/Omsk", "Asia/Krasnoyarsk",
        "Asia/Irkutsk", "Asia/Yakutsk", "Asia/Vladivostok", "Asia/Magadan", "Asia/Kamchatka",
        "Europe/Rome", "Europe/Minsk", "Europe/Kyiv", "Asia/Almaty", "Europe/London", "UTC",
    ];

    /// <summary>
    /// The offered zones in the order a user of this language looks for them: an Italian finds Rome first, an English
    /// speaker London and UTC; Russia's zones lead for Russian. Each keeps its index (the buttons carry it).
    /// </summary>
    public static IReadOnlyList<int> OrderFor(Language language)
    {
        string[] first = language switch
        {
            Language.It => ["Europe/Rome", "Europe/London", "UTC"],
            Language.En => ["Europe/London", "UTC", "Europe/Rome"],
            _ => [],
        };
        return [.. Offered.Select((id, i) => (id, i)).OrderBy(z => Array.IndexOf(first, z.id) is var at && at >= 0 ? at : first.Length).Select(z => z.i)];
    }

    /// <summary>"UTC+3", "UTC+5:30", "UTC" for the zone's offset at <paramref name="now"/>.</summary>
    public static string Offset(TimeZoneInfo zone, DateTimeOffset now)
    {
        var offset = zone.GetUtcOffset(now);
        if (offset == TimeSpan.Zero)
        {
            return "UTC";
        }

        var sign = offset < TimeSpan.Zero ? "−" : "+";
        var abs = offset.Duration();
        return abs.Minutes == 0
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"UTC{sign}{abs.Hours}")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"UTC{sign}{abs.Hours}:{abs.Minutes:00}");
    }

    public static TimeZoneInfo DefaultFor(Language language) => Find(language switch
    {
        Language.Ru => "Europe/Moscow",
        Language.It => "Europe/Rome",
        _ => null,
    }) ?? TimeZoneInfo.Utc;

    public static TimeZoneInfo? Find(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;
    }
}
