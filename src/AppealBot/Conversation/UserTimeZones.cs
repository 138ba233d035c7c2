using AppealBot.Localization;

namespace AppealBot.Conversation;

internal static class UserTimeZones
{
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
