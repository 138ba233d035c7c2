using System.Globalization;
using System.Text.RegularExpressions;

namespace AppealBot.Conversation.Input;

/// <summary>
/// Reads a calendar date as people type it: 25.11.2026, 25/11/26, 25-11, 2026-11-25, "25 ноября", "25 novembre 2026".
/// Day comes before month, as in Russian and Italian usage; a date without a year is the nearest one
/// in the direction the question expects.
/// </summary>
internal static partial class DateInput
{
    public static bool TryParse(string? text, CultureInfo culture, DateOnly today, DateDirection direction, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40)
        {
            return false;
        }

        var trimmed = TypedText.WithoutInvisibles(text).Trim().TrimEnd('.').ToLowerInvariant();
        var iso = IsoDate().Match(trimmed);
        if (iso.Success)
        {
            return TryMake(Number(iso, "y"), Number(iso, "m"), Number(iso, "d"), out date);
        }

        var numeric = NumericDate().Match(trimmed);
        if (numeric.Success)
        {
            return TryWithOptionalYear(numeric.Groups["y"], Number(numeric, "m"), Number(numeric, "d"), today, direction, out date);
        }

        var named = NamedMonthDate().Match(trimmed);
        if (named.Success && MonthFromName(named.Groups["month"].Value, culture) is { } month)
        {
            return TryWithOptionalYear(named.Groups["y"], month, Number(named, "d"), today, direction, out date);
        }

        return false;
    }

    private static bool TryWithOptionalYear(Group yearGroup, int month, int day, DateOnly today, DateDirection direction, out DateOnly date)
    {
        if (yearGroup.Success)
        {
            var year = int.Parse(yearGroup.Value, CultureInfo.InvariantCulture);
            return TryMake(year < 100 ? 2000 + year : year, month, day, out date);
        }

        if (!TryMake(today.Year, month, day, out date))
        {
            // 29 February in a year without it: try the neighbouring year the question points to.
            return TryMake(direction == DateDirection.Past ? today.Year - 1 : today.Year + 1, month, day, out date);
        }

        if (direction == DateDirection.Past && date > today)
        {
            return TryMake(today.Year - 1, month, day, out date);
        }

        if (direction == DateDirection.Future && date < today)
        {
            return TryMake(today.Year + 1, month, day, out date);
        }

        return true;
    }

    private static bool TryMake(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year is < 2000 or > 2100 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static int? MonthFromName(string name, CultureInfo culture)
    {
        foreach (var candidate in new[] { culture, CultureInfo.InvariantCulture })
        {
            var format = candidate.DateTimeFormat;
            for (var m = 1; m <= 12; m++)
            {
                string[] names =
                [
                    format.GetMonthName(m), format.GetAbbreviatedMonthName(m),
                    format.MonthGenitiveNames[m - 1], format.AbbreviatedMonthGenitiveNames[m - 1],
                ];
                if (names.Any(n => n.Length > 0 && string.Equals(n.TrimEnd('.'), name, StringComparison.OrdinalIgnoreCase)))
                {
                    return m;
                }
            }
        }

        return null;
    }

    private static int Number(Match match, string group) =>
        int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<y>[0-9]{4})-(?<m>[0-9]{1,2})-(?<d>[0-9]{1,2})$")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^(?<d>[0-9]{1,2})\s*[./-]\s*(?<m>[0-9]{1,2})(\s*[./-]\s*(?<y>[0-9]{4}|[0-9]{2}))?(\s*(г|г\.|года))?$")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"^(?<d>[0-9]{1,2})\s+(?<month>\p{L}+)\.?(\s+(?<y>[0-9]{4}))?(\s*(г|г\.|года))?$")]
    private static partial Regex NamedMonthDate();
}

internal enum DateDirection
{
    Past,
    Future,
}
