using System.Globalization;
using AppealBot.Conversation.Input;

namespace AppealBot.Tests.Conversation.Input;

public sealed class DateInputTests
{
    /// <summary>Mid-year, so a date without a year moves one way or the other depending on the direction.</summary>
    private static readonly DateOnly MidJune = new(2026, 6, 15);

    [Theory]
    // Numbers, day before month.
    [InlineData("ru-RU", "25.11.2025", "2025-11-25")]
    [InlineData("it-IT", "25/11/2025", "2025-11-25")]
    [InlineData("en-GB", "25-11-2025", "2025-11-25")]
    [InlineData("ru-RU", "25.11.25", "2025-11-25")]
    [InlineData("it-IT", "25/11/26", "2026-11-25")]
    [InlineData("ru-RU", "5.1.2026", "2026-01-05")]
    [InlineData("ru-RU", "05.01.2026", "2026-01-05")]
    [InlineData("ru-RU", "25.11.2025.", "2025-11-25")]
    [InlineData("ru-RU", "  25.11.2025  ", "2025-11-25")]
    [InlineData("ru-RU", "\u00A025.11.2025\u00A0", "2025-11-25")]
    [InlineData("ru-RU", "25 . 11 . 2025", "2025-11-25")]
    [InlineData("it-IT", "25.11/2025", "2025-11-25")]
    [InlineData("it-IT", "25-11/25", "2025-11-25")]
    [InlineData("ru-RU", "29.02.2024", "2024-02-29")]
    [InlineData("ru-RU", "01.01.2000", "2000-01-01")]
    [InlineData("ru-RU", "31.12.2100", "2100-12-31")]
    // ISO.
    [InlineData("en-GB", "2026-11-25", "2026-11-25")]
    [InlineData("en-GB", "2026-1-5", "2026-01-05")]
    [InlineData("en-GB", "2026-11-25.", "2026-11-25")]
    // Month names: the user's language, in any case, full or abbreviated, nominative or genitive.
    [InlineData("ru-RU", "25 ноября 2025", "2025-11-25")]
    [InlineData("ru-RU", "25 НОЯБРЯ 2025", "2025-11-25")]
    [InlineData("ru-RU", "25 ноября 2025 г.", "2025-11-25")]
    [InlineData("ru-RU", "25 ноября 2025г.", "2025-11-25")]
    [InlineData("ru-RU", "25 ноября 2025 г", "2025-11-25")]
    [InlineData("ru-RU", "25 ноября 2025 года", "2025-11-25")]
    [InlineData("ru-RU", "25\u00A0ноября\u00A02025", "2025-11-25")]
    [InlineData("ru-RU", "25 нояб. 2025", "2025-11-25")]
    [InlineData("ru-RU", "1 мая 2026", "2026-05-01")]
    [InlineData("ru-RU", "1 май 2026", "2026-05-01")]
    [InlineData("ru-RU", "3 марта 2026 года", "2026-03-03")]
    [InlineData("ru-RU", "3 мар. 2026", "2026-03-03")]
    [InlineData("it-IT", "25 novembre 2025", "2025-11-25")]
    [InlineData("it-IT", "25 Novembre 2025", "2025-11-25")]
    [InlineData("it-IT", "1 gen 2026", "2026-01-01")]
    [InlineData("it-IT", "1 gen. 2026", "2026-01-01")]
    [InlineData("it-IT", "20 settembre 2025", "2025-09-20")]
    [InlineData("en-GB", "25 November 2025", "2025-11-25")]
    [InlineData("en-GB", "25 nov 2025", "2025-11-25")]
    [InlineData("en-GB", "20 Sept 2025", "2025-09-20")]
    // English names are understood whatever the language.
    [InlineData("ru-RU", "25 November 2025", "2025-11-25")]
    [InlineData("it-IT", "25 Nov 2025", "2025-11-25")]
    // No year: the nearest past date (today is 15 June 2026).
    [InlineData("ru-RU", "25.11", "2025-11-25")]
    [InlineData("ru-RU", "25-11", "2025-11-25")]
    [InlineData("it-IT", "25/11", "2025-11-25")]
    [InlineData("ru-RU", "05.01", "2026-01-05")]
    [InlineData("ru-RU", "15.06", "2026-06-15")]
    [InlineData("ru-RU", "16.06", "2025-06-16")]
    [InlineData("ru-RU", "25.11.", "2025-11-25")]
    [InlineData("ru-RU", "25 ноября", "2025-11-25")]
    [InlineData("ru-RU", "25 нояб.", "2025-11-25")]
    [InlineData("it-IT", "25 novembre", "2025-11-25")]
    [InlineData("en-GB", "25 November", "2025-11-25")]
    public void Accepts_a_past_date(string culture, string text, string expected)
    {
        Assert.True(DateInput.TryParse(text, CultureInfo.GetCultureInfo(culture), MidJune, DateDirection.Past, out var date), text);
        Assert.Equal(Iso(expected), date);
    }

    [Theory]
    [InlineData("ru-RU", "25.11", "2026-11-25")]
    [InlineData("ru-RU", "05.01", "2027-01-05")]
    [InlineData("ru-RU", "15.06", "2026-06-15")]
    [InlineData("ru-RU", "14.06", "2027-06-14")]
    [InlineData("ru-RU", "25 ноября", "2026-11-25")]
    [InlineData("it-IT", "5 gennaio", "2027-01-05")]
    [InlineData("en-GB", "5 Jan", "2027-01-05")]
    [InlineData("ru-RU", "25.11.2026", "2026-11-25")]
    [InlineData("en-GB", "2026-11-25", "2026-11-25")]
    public void Accepts_a_future_date(string culture, string text, string expected)
    {
        Assert.True(DateInput.TryParse(text, CultureInfo.GetCultureInfo(culture), MidJune, DateDirection.Future, out var date), text);
        Assert.Equal(Iso(expected), date);
    }

    [Theory]
    [InlineData(null, "nothing typed")]
    [InlineData("", "nothing typed")]
    [InlineData("   ", "only spaces")]
    [InlineData("31.02.2026", "31 February does not exist")]
    [InlineData("30.02", "30 February does not exist in any year")]
    [InlineData("29.02.2026", "2026 is not a leap year")]
    [InlineData("29.02.2100", "2100 is not a leap year")]
    [InlineData("31.04.2026", "April has 30 days")]
    [InlineData("2026-02-31", "31 February does not exist (ISO)")]
    [InlineData("00.11.2026", "day zero")]
    [InlineData("32.01.2026", "day 32")]
    [InlineData("25.13.2026", "month 13")]
    [InlineData("25.00.2026", "month zero")]
    [InlineData("2026-13-01", "month 13 (ISO)")]
    [InlineData("31.12.1999", "before 2000")]
    [InlineData("1999-12-31", "before 2000 (ISO)")]
    [InlineData("25 ноября 1999", "before 2000 (month name)")]
    [InlineData("01.01.2101", "after 2100")]
    [InlineData("2101-01-01", "after 2100 (ISO)")]
    [InlineData("25.11.026", "three-digit year")]
    [InlineData("25.11.20266", "five-digit year")]
    [InlineData("25", "day only")]
    [InlineData("11.2026", "month and year only")]
    [InlineData("25..11", "two separators in a row")]
    [InlineData("25 11 2026", "spaces alone do not separate numbers")]
    [InlineData("25 брюмера", "not a month")]
    [InlineData("25 novembre", "Italian month name in a Russian conversation")]
    [InlineData("ноября 25", "month before day")]
    [InlineData("в ноябре", "a month without a day")]
    [InlineData("25.11 и 26.11", "two different dates")]
    [InlineData("вчера или 25.11", "two different dates, one relative")]
    [InlineData("192.168.1.1", "an address, not a date")]
    [InlineData("версия 1.2.3", "a version, not a date")]
    [InlineData("v1.2", "a number glued to a letter")]
    [InlineData("25.11abc", "a date glued to a word")]
    [InlineData("вчера 31.02", "an impossible date spoils the message")]
    [InlineData("несколько дней назад", "no amount")]
    [InlineData("дней назад", "a plural unit without an amount")]
    [InlineData("3 дня", "an amount with no direction")]
    [InlineData("через 3 дня назад", "both directions")]
    public void Rejects(string? text, string reason)
    {
        Assert.False(DateInput.TryParse(text, InputGen.Russian, MidJune, DateDirection.Past, out var date), reason);
        Assert.Equal(default, date);
    }

    [Theory]
    // Around New Year: the year flips to the side the question points to.
    [InlineData("2026-01-03", "30.12", "Past", "2025-12-30")]
    [InlineData("2026-01-03", "30.12", "Future", "2026-12-30")]
    [InlineData("2026-12-30", "03.01", "Future", "2027-01-03")]
    [InlineData("2026-12-30", "03.01", "Past", "2026-01-03")]
    [InlineData("2026-01-01", "31.12", "Past", "2025-12-31")]
    [InlineData("2026-01-01", "31.12", "Future", "2026-12-31")]
    [InlineData("2026-01-01", "02.01", "Past", "2025-01-02")]
    [InlineData("2026-12-31", "01.01", "Future", "2027-01-01")]
    [InlineData("2026-01-03", "30 декабря", "Past", "2025-12-30")]
    [InlineData("2026-12-30", "3 января", "Future", "2027-01-03")]
    [InlineData("2026-12-30", "3 янв.", "Future", "2027-01-03")]
    // Today itself counts in both directions.
    [InlineData("2026-01-01", "01.01", "Past", "2026-01-01")]
    [InlineData("2026-01-01", "01.01", "Future", "2026-01-01")]
    [InlineData("2026-12-31", "31.12", "Past", "2026-12-31")]
    [InlineData("2026-12-31", "31.12", "Future", "2026-12-31")]
    // From a leap day.
    [InlineData("2024-02-29", "28.02", "Future", "2025-02-28")]
    [InlineData("2024-02-29", "01.03", "Past", "2023-03-01")]
    [InlineData("2024-02-29", "29.02", "Past", "2024-02-29")]
    // 29 February moves to the nearest leap year on the expected side, when that is the next one over.
    [InlineData("2025-01-10", "29.02", "Past", "2024-02-29")]
    [InlineData("2024-03-01", "29.02", "Past", "2024-02-29")]
    [InlineData("2024-02-28", "29.02", "Future", "2024-02-29")]
    [InlineData("2027-03-01", "29.02", "Future", "2028-02-29")]
    // An explicit year is kept even against the direction: the dialogue explains the problem to the user.
    [InlineData("2026-01-03", "30.12.2026", "Past", "2026-12-30")]
    [InlineData("2026-12-30", "03.01.2026", "Future", "2026-01-03")]
    public void Infers_the_year_from_today_and_the_direction(string today, string text, string direction, string expected)
    {
        Assert.True(DateInput.TryParse(text, InputGen.Russian, Iso(today), Enum.Parse<DateDirection>(direction), out var date), text);
        Assert.Equal(Iso(expected), date);
    }

    [Theory]
    [InlineData("2000-06-01", "10.10", "Past", "the previous year would be 1999")]
    [InlineData("2100-06-01", "10.01", "Future", "the next year would be 2101")]
    public void Rejects_an_inferred_year_outside_2000_to_2100(string today, string text, string direction, string reason)
    {
        Assert.False(DateInput.TryParse(text, InputGen.Russian, Iso(today), Enum.Parse<DateDirection>(direction), out _), reason);
    }

    [Theory]
    [InlineData("25.11.2025 г.")]
    [InlineData("25.11.2025г.")]
    [InlineData("25.11.2025 года")]
    public void Accepts_a_numeric_date_followed_by_the_year_abbreviation(string text)
    {
        Assert.True(DateInput.TryParse(text, InputGen.Russian, MidJune, DateDirection.Past, out var date), text);
        Assert.Equal(new DateOnly(2025, 11, 25), date);
    }

    [Theory]
    [InlineData("٠.0", "Arabic-Indic zero as the day")]
    [InlineData("٢٥.١١.٢٠٢٥", "Arabic-Indic digits")]
    [InlineData("۲۵/۱۱", "Persian digits")]
    [InlineData("１２.１２", "full-width digits")]
    [InlineData("2026-١١-25", "ISO with Arabic-Indic month")]
    [InlineData("٥ May", "month name with an Arabic-Indic day")]
    public void Digits_of_other_scripts_are_rejected_without_throwing(string text, string reason)
    {
        var exception = Record.Exception(() => DateInput.TryParse(text, InputGen.English, MidJune, DateDirection.Past, out _));
        Assert.Null(exception);
        Assert.False(DateInput.TryParse(text, InputGen.English, MidJune, DateDirection.Past, out _), reason);
    }

    private static DateOnly Iso(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
