using System.Globalization;
using AppealBot.Conversation.Input;

namespace AppealBot.Tests.Conversation.Input;

/// <summary>
/// Real phrasings, per language, read against Thursday 10 December 2026: what buyers typed in the trials of issue 14
/// and what people would type to a person. Each row: the text, the question's direction, the date, how it was said.
/// </summary>
public sealed class DatePhraseTable
{
    private static readonly DateOnly Thursday = new(2026, 12, 10);

    [Theory]
    // Relative days.
    [InlineData("сегодня", "Past", "2026-12-10", "Relative", false)]
    [InlineData("Сегодня", "Past", "2026-12-10", "Relative", false)]
    [InlineData("вчера", "Past", "2026-12-09", "Relative", false)]
    [InlineData("ВЧЕРА!", "Past", "2026-12-09", "Relative", false)]
    [InlineData("Вчера.", "Past", "2026-12-09", "Relative", false)]
    [InlineData("позавчера", "Past", "2026-12-08", "Relative", false)]
    [InlineData("завтра", "Future", "2026-12-11", "Relative", false)]
    [InlineData("послезавтра", "Future", "2026-12-12", "Relative", false)]
    // Amounts of time, in digits and in words up to ten (and beyond), in the cases the unit takes.
    [InlineData("3 дня назад", "Past", "2026-12-07", "Relative", false)]
    [InlineData("3дня назад", "Past", "2026-12-07", "Relative", false)]
    [InlineData("неделю назад", "Past", "2026-12-03", "Relative", false)]
    [InlineData("неделю тому назад", "Past", "2026-12-03", "Relative", false)]
    [InlineData("две недели назад", "Past", "2026-11-26", "Relative", false)]
    [InlineData("2 недели назад", "Past", "2026-11-26", "Relative", false)]
    [InlineData("день назад", "Past", "2026-12-09", "Relative", false)]
    [InlineData("один день назад", "Past", "2026-12-09", "Relative", false)]
    [InlineData("два дня назад", "Past", "2026-12-08", "Relative", false)]
    [InlineData("три дня назад", "Past", "2026-12-07", "Relative", false)]
    [InlineData("четыре дня назад", "Past", "2026-12-06", "Relative", false)]
    [InlineData("пять дней назад", "Past", "2026-12-05", "Relative", false)]
    [InlineData("шесть дней назад", "Past", "2026-12-04", "Relative", false)]
    [InlineData("семь дней назад", "Past", "2026-12-03", "Relative", false)]
    [InlineData("восемь дней назад", "Past", "2026-12-02", "Relative", false)]
    [InlineData("девять дней назад", "Past", "2026-12-01", "Relative", false)]
    [InlineData("десять дней назад", "Past", "2026-11-30", "Relative", false)]
    [InlineData("двенадцать дней назад", "Past", "2026-11-28", "Relative", false)]
    [InlineData("пару дней назад", "Past", "2026-12-08", "Relative", false)]
    [InlineData("три недели назад", "Past", "2026-11-19", "Relative", false)]
    [InlineData("одну неделю назад", "Past", "2026-12-03", "Relative", false)]
    [InlineData("месяц назад", "Past", "2026-11-10", "Relative", false)]
    [InlineData("два месяца назад", "Past", "2026-10-10", "Relative", false)]
    [InlineData("5 месяцев назад", "Past", "2026-07-10", "Relative", false)]
    [InlineData("через неделю", "Future", "2026-12-17", "Relative", false)]
    [InlineData("через 3 дня", "Future", "2026-12-13", "Relative", false)]
    [InlineData("через два дня", "Future", "2026-12-12", "Relative", false)]
    [InlineData("через две недели", "Future", "2026-12-24", "Relative", false)]
    [InlineData("через месяц", "Future", "2027-01-10", "Relative", false)]
    [InlineData("через 10 дней", "Future", "2026-12-20", "Relative", false)]
    // Approximate: the result says so.
    [InlineData("примерно месяц назад", "Past", "2026-11-10", "Relative", true)]
    [InlineData("около недели назад", "Past", "2026-12-03", "Relative", true)]
    [InlineData("около двух недель назад", "Past", "2026-11-26", "Relative", true)]
    [InlineData("около трёх недель назад", "Past", "2026-11-19", "Relative", true)]
    [InlineData("около трех недель назад", "Past", "2026-11-19", "Relative", true)]
    [InlineData("где-то неделю назад", "Past", "2026-12-03", "Relative", true)]
    [InlineData("неделю назад примерно", "Past", "2026-12-03", "Relative", true)]
    [InlineData("примерно через неделю", "Future", "2026-12-17", "Relative", true)]
    [InlineData("на прошлой неделе", "Past", "2026-12-03", "Relative", true)]
    [InlineData("в прошлом месяце", "Past", "2026-11-10", "Relative", true)]
    [InlineData("примерно 5 ноября", "Past", "2026-11-05", "Calendar", true)]
    // Month names: genitive, nominative, abbreviated, ordinal «-го».
    [InlineData("5 ноября", "Past", "2026-11-05", "Calendar", false)]
    [InlineData("5-го ноября", "Past", "2026-11-05", "Calendar", false)]
    [InlineData("5го ноября", "Past", "2026-11-05", "Calendar", false)]
    [InlineData("5 ноябрь", "Past", "2026-11-05", "Calendar", false)]
    [InlineData("5 нояб.", "Past", "2026-11-05", "Calendar", false)]
    [InlineData("5 ноя", "Past", "2026-11-05", "Calendar", false)]
    [InlineData("1 декабря", "Past", "2026-12-01", "Calendar", false)]
    [InlineData("25 декабря 2025 г.", "Past", "2025-12-25", "Calendar", false)]
    [InlineData("5 ноября", "Future", "2027-11-05", "Calendar", false)]
    [InlineData("20 декабря", "Future", "2026-12-20", "Calendar", false)]
    // Weekdays in every case, towards the question's side, never today (a Thursday).
    [InlineData("в понедельник", "Past", "2026-12-07", "Weekday", false)]
    [InlineData("во вторник", "Past", "2026-12-08", "Weekday", false)]
    [InlineData("в среду", "Past", "2026-12-09", "Weekday", false)]
    [InlineData("в четверг", "Past", "2026-12-03", "Weekday", false)]
    [InlineData("в пятницу", "Past", "2026-12-04", "Weekday", false)]
    [InlineData("в субботу", "Past", "2026-12-05", "Weekday", false)]
    [InlineData("в воскресенье", "Past", "2026-12-06", "Weekday", false)]
    [InlineData("в прошлый вторник", "Past", "2026-12-08", "Weekday", false)]
    [InlineData("в прошлую пятницу", "Past", "2026-12-04", "Weekday", false)]
    [InlineData("в прошлое воскресенье", "Past", "2026-12-06", "Weekday", false)]
    [InlineData("в пятницу", "Future", "2026-12-11", "Weekday", false)]
    [InlineData("в четверг", "Future", "2026-12-17", "Weekday", false)]
    [InlineData("в следующий понедельник", "Future", "2026-12-14", "Weekday", false)]
    [InlineData("в следующую среду", "Past", "2026-12-16", "Weekday", false)]
    [InlineData("Понедельник", "Past", "2026-12-07", "Weekday", false)]
    // Text around the date.
    [InlineData("закрыли вчера", "Past", "2026-12-09", "Relative", false)]
    [InlineData("спор закрыли 5 ноября", "Past", "2026-11-05", "Calendar", false)]
    [InlineData("закрыли 25.11", "Past", "2026-11-25", "Calendar", false)]
    [InlineData("продавец ответил, что вернут через неделю", "Future", "2026-12-17", "Relative", false)]
    [InlineData("вчера, 9 декабря", "Past", "2026-12-09", "Calendar", false)]
    [InlineData("в среду 9 декабря", "Past", "2026-12-09", "Calendar", false)]
    public void Russian(string text, string direction, string expected, string form, bool approximate) =>
        Check(InputGen.Russian, text, direction, expected, form, approximate);

    [Theory]
    [InlineData("oggi", "Past", "2026-12-10", "Relative", false)]
    [InlineData("ieri", "Past", "2026-12-09", "Relative", false)]
    [InlineData("Ieri!", "Past", "2026-12-09", "Relative", false)]
    [InlineData("l'altro ieri", "Past", "2026-12-08", "Relative", false)]
    [InlineData("l’altro ieri", "Past", "2026-12-08", "Relative", false)]
    [InlineData("L'altroieri", "Past", "2026-12-08", "Relative", false)]
    [InlineData("altro ieri", "Past", "2026-12-08", "Relative", false)]
    [InlineData("avantieri", "Past", "2026-12-08", "Relative", false)]
    [InlineData("ieri l'altro", "Past", "2026-12-08", "Relative", false)]
    [InlineData("domani", "Future", "2026-12-11", "Relative", false)]
    [InlineData("dopodomani", "Future", "2026-12-12", "Relative", false)]
    [InlineData("2 settimane fa", "Past", "2026-11-26", "Relative", false)]
    [InlineData("due settimane fa", "Past", "2026-11-26", "Relative", false)]
    [InlineData("una settimana fa", "Past", "2026-12-03", "Relative", false)]
    [InlineData("un giorno fa", "Past", "2026-12-09", "Relative", false)]
    [InlineData("tre giorni fa", "Past", "2026-12-07", "Relative", false)]
    [InlineData("dieci giorni fa", "Past", "2026-11-30", "Relative", false)]
    [InlineData("un paio di giorni fa", "Past", "2026-12-08", "Relative", false)]
    [InlineData("un mese fa", "Past", "2026-11-10", "Relative", false)]
    [InlineData("tra 5 giorni", "Future", "2026-12-15", "Relative", false)]
    [InlineData("fra una settimana", "Future", "2026-12-17", "Relative", false)]
    [InlineData("tra due settimane", "Future", "2026-12-24", "Relative", false)]
    [InlineData("fra un mese", "Future", "2027-01-10", "Relative", false)]
    [InlineData("circa 3 settimane fa", "Past", "2026-11-19", "Relative", true)]
    [InlineData("più o meno un mese fa", "Past", "2026-11-10", "Relative", true)]
    [InlineData("piu o meno un mese fa", "Past", "2026-11-10", "Relative", true)]
    [InlineData("la settimana scorsa", "Past", "2026-12-03", "Relative", true)]
    [InlineData("il mese scorso", "Past", "2026-11-10", "Relative", true)]
    [InlineData("il 5 novembre", "Past", "2026-11-05", "Calendar", false)]
    [InlineData("5 novembre", "Past", "2026-11-05", "Calendar", false)]
    [InlineData("5 Novembre", "Past", "2026-11-05", "Calendar", false)]
    [InlineData("1° dicembre", "Past", "2026-12-01", "Calendar", false)]
    [InlineData("1º dicembre", "Past", "2026-12-01", "Calendar", false)]
    [InlineData("il 1° dicembre 2026", "Past", "2026-12-01", "Calendar", false)]
    [InlineData("5 nov", "Past", "2026-11-05", "Calendar", false)]
    [InlineData("5 sett.", "Past", "2026-09-05", "Calendar", false)]
    [InlineData("circa il 5 novembre", "Past", "2026-11-05", "Calendar", true)]
    [InlineData("lunedì", "Past", "2026-12-07", "Weekday", false)]
    [InlineData("lunedi", "Past", "2026-12-07", "Weekday", false)]
    [InlineData("Lunedì", "Past", "2026-12-07", "Weekday", false)]
    [InlineData("lunedì scorso", "Past", "2026-12-07", "Weekday", false)]
    [InlineData("lo scorso lunedì", "Past", "2026-12-07", "Weekday", false)]
    [InlineData("sabato scorso", "Past", "2026-12-05", "Weekday", false)]
    [InlineData("domenica scorsa", "Past", "2026-12-06", "Weekday", false)]
    [InlineData("giovedì", "Past", "2026-12-03", "Weekday", false)]
    [InlineData("venerdì", "Future", "2026-12-11", "Weekday", false)]
    [InlineData("venerdì prossimo", "Future", "2026-12-11", "Weekday", false)]
    [InlineData("lunedì prossimo", "Past", "2026-12-14", "Weekday", false)]
    [InlineData("martedi", "Past", "2026-12-08", "Weekday", false)]
    [InlineData("mercoledì", "Past", "2026-12-09", "Weekday", false)]
    [InlineData("l'hanno chiusa il 5 novembre", "Past", "2026-11-05", "Calendar", false)]
    [InlineData("l'hanno chiusa ieri", "Past", "2026-12-09", "Relative", false)]
    [InlineData("chiusa il 25/11", "Past", "2026-11-25", "Calendar", false)]
    [InlineData("sabato 5 dicembre", "Past", "2026-12-05", "Calendar", false)]
    [InlineData("martedì 5 novembre", "Past", "2026-11-05", "Calendar", false)]
    public void Italian(string text, string direction, string expected, string form, bool approximate) =>
        Check(InputGen.Italian, text, direction, expected, form, approximate);

    [Theory]
    [InlineData("today", "Past", "2026-12-10", "Relative", false)]
    [InlineData("yesterday", "Past", "2026-12-09", "Relative", false)]
    [InlineData("Yesterday.", "Past", "2026-12-09", "Relative", false)]
    [InlineData("the day before yesterday", "Past", "2026-12-08", "Relative", false)]
    [InlineData("day before yesterday", "Past", "2026-12-08", "Relative", false)]
    [InlineData("tomorrow", "Future", "2026-12-11", "Relative", false)]
    [InlineData("day after tomorrow", "Future", "2026-12-12", "Relative", false)]
    [InlineData("the day after tomorrow", "Future", "2026-12-12", "Relative", false)]
    [InlineData("a week ago", "Past", "2026-12-03", "Relative", false)]
    [InlineData("one week ago", "Past", "2026-12-03", "Relative", false)]
    [InlineData("two weeks ago", "Past", "2026-11-26", "Relative", false)]
    [InlineData("3 days ago", "Past", "2026-12-07", "Relative", false)]
    [InlineData("ten days ago", "Past", "2026-11-30", "Relative", false)]
    [InlineData("a couple of days ago", "Past", "2026-12-08", "Relative", false)]
    [InlineData("a month ago", "Past", "2026-11-10", "Relative", false)]
    [InlineData("in 3 days", "Future", "2026-12-13", "Relative", false)]
    [InlineData("in a week", "Future", "2026-12-17", "Relative", false)]
    [InlineData("in two weeks", "Future", "2026-12-24", "Relative", false)]
    [InlineData("about 3 weeks ago", "Past", "2026-11-19", "Relative", true)]
    [InlineData("about a month ago", "Past", "2026-11-10", "Relative", true)]
    [InlineData("~2 weeks ago", "Past", "2026-11-26", "Relative", true)]
    [InlineData("in about a week", "Future", "2026-12-17", "Relative", true)]
    [InlineData("last week", "Past", "2026-12-03", "Relative", true)]
    [InlineData("November 5", "Past", "2026-11-05", "Calendar", false)]
    [InlineData("November 5th", "Past", "2026-11-05", "Calendar", false)]
    [InlineData("Nov 5, 2026", "Past", "2026-11-05", "Calendar", false)]
    [InlineData("5 Nov", "Past", "2026-11-05", "Calendar", false)]
    [InlineData("5th November", "Past", "2026-11-05", "Calendar", false)]
    [InlineData("on the 5th of November", "Past", "2026-11-05", "Calendar", false)]
    [InlineData("1 December", "Past", "2026-12-01", "Calendar", false)]
    [InlineData("monday", "Past", "2026-12-07", "Weekday", false)]
    [InlineData("on Monday", "Past", "2026-12-07", "Weekday", false)]
    [InlineData("last monday", "Past", "2026-12-07", "Weekday", false)]
    [InlineData("last Thursday", "Past", "2026-12-03", "Weekday", false)]
    [InlineData("next friday", "Future", "2026-12-11", "Weekday", false)]
    [InlineData("next friday", "Past", "2026-12-11", "Weekday", false)]
    [InlineData("friday", "Future", "2026-12-11", "Weekday", false)]
    [InlineData("it was closed yesterday", "Past", "2026-12-09", "Relative", false)]
    [InlineData("they closed it on 5 November", "Past", "2026-11-05", "Calendar", false)]
    public void English(string text, string direction, string expected, string form, bool approximate) =>
        Check(InputGen.English, text, direction, expected, form, approximate);

    [Theory]
    [InlineData("ru-RU", "yesterday", "2026-12-09")]
    [InlineData("ru-RU", "3 days ago", "2026-12-07")]
    [InlineData("it-IT", "yesterday", "2026-12-09")]
    [InlineData("it-IT", "last monday", "2026-12-07")]
    public void English_words_are_understood_whatever_the_language(string culture, string text, string expected)
    {
        Assert.True(DateInput.TryParse(text, CultureInfo.GetCultureInfo(culture), Thursday, DateDirection.Past, out var date), text);
        Assert.Equal(Iso(expected), date);
    }

    [Theory]
    [InlineData("ru-RU", "ieri", "an Italian word in a Russian conversation")]
    [InlineData("it-IT", "вчера", "a Russian word in an Italian conversation")]
    [InlineData("ru-RU", "несколько дней назад", "no amount")]
    [InlineData("it-IT", "qualche giorno fa", "no amount")]
    [InlineData("en-GB", "a few days ago", "no amount")]
    [InlineData("en-GB", "some days ago", "no amount")]
    [InlineData("ru-RU", "вчера или позавчера", "two dates")]
    [InlineData("it-IT", "ieri o oggi", "two dates")]
    [InlineData("en-GB", "may 3 days ago", "a modal verb, then an amount of time")]
    [InlineData("ru-RU", "не помню", "no date at all")]
    [InlineData("it-IT", "non ricordo", "no date at all")]
    [InlineData("en-GB", "I don't remember", "no date at all")]
    [InlineData("ru-RU", "в ноябре", "a month without a day")]
    [InlineData("en-GB", "in November", "a month without a day")]
    public void Rejects(string culture, string text, string reason)
    {
        var c = CultureInfo.GetCultureInfo(culture);
        if (text == "may 3 days ago")
        {
            // Read as the amount of time it is, never as 3 May.
            Assert.True(DateInput.TryParse(text, c, Thursday, DateDirection.Past, out var read), reason);
            Assert.Equal(Thursday.AddDays(-3), read);
            return;
        }

        Assert.False(DateInput.TryParse(text, c, Thursday, DateDirection.Past, out _), reason);
    }

    private static void Check(CultureInfo culture, string text, string direction, string expected, string form, bool approximate)
    {
        Assert.True(DateInput.TryRead(text, culture, Thursday, Enum.Parse<DateDirection>(direction), out var reading), text);
        Assert.Equal((Iso(expected), Enum.Parse<DateForm>(form), approximate), (reading.Date, reading.Form, reading.IsApproximate));
        Assert.Equal(reading.Form != DateForm.Calendar, reading.IsRelative);
    }

    private static DateOnly Iso(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
