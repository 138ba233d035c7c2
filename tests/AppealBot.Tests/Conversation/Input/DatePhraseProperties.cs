using System.Globalization;
using AppealBot.Conversation.Input;
using CsCheck;

namespace AppealBot.Tests.Conversation.Input;

/// <summary>Dates as each language writes and says them, against a random today; and text that holds no date.</summary>
public sealed class DatePhraseProperties
{
    private static readonly Gen<DateDirection> Direction = Gen.OneOfConst(DateDirection.Past, DateDirection.Future);

    private static readonly Gen<DateOnly> Date = Gen.DateOnly[new DateOnly(2001, 1, 1), new DateOnly(2099, 12, 31)];

    private static readonly Gen<string> Language = Gen.OneOfConst("ru", "it", "en");

    [Fact]
    public void A_date_written_as_the_language_writes_it_inside_a_sentence_reads_back() =>
        Gen.Select(Date, Language, Gen.Int[0, 5], Gen.Int[0, 2], Gen.Select(InputGen.Today, Direction))
            .Sample((date, language, style, frame, context) =>
            {
                var text = Written(date, language, style, frame);
                Assert.True(DateInput.TryRead(text, CultureOf(language), context.Item1, context.Item2, out var reading), text);
                Assert.Equal((date, DateForm.Calendar, false), (reading.Date, reading.Form, reading.IsApproximate));
            }, print: t => $"\"{Written(t.Item1, t.Item2, t.Item3, t.Item4)}\", today {t.Item5.Item1:yyyy-MM-dd}");

    [Fact]
    public void An_amount_of_time_ago_or_ahead_counts_from_today() =>
        Gen.Select(InputGen.Today, Language, Gen.Select(Gen.Int[1, 10], Gen.OneOfConst(DateUnit.Day, DateUnit.Week, DateUnit.Month), Gen.Bool, Gen.Bool), Gen.Bool)
            .Sample((today, language, amount, hedged) =>
            {
                var (n, unit, ahead, inWords) = amount;
                var text = AmountOfTime(language, n, unit, ahead, inWords, hedged);
                var signed = ahead ? n : -n;
                var expected = unit switch
                {
                    DateUnit.Day => today.AddDays(signed),
                    DateUnit.Week => today.AddDays(7 * signed),
                    _ => today.AddMonths(signed),
                };
                Assert.True(DateInput.TryRead(text, CultureOf(language), today, ahead ? DateDirection.Future : DateDirection.Past, out var reading), text);
                Assert.Equal((expected, DateForm.Relative, hedged), (reading.Date, reading.Form, reading.IsApproximate));
            }, print: t => $"\"{AmountOfTime(t.Item2, t.Item3.Item1, t.Item3.Item2, t.Item3.Item3, t.Item3.Item4, t.Item4)}\", today {t.Item1:yyyy-MM-dd}");

    [Fact]
    public void A_weekday_is_that_day_within_a_week_on_the_side_asked_for_never_today() =>
        Gen.Select(InputGen.Today, Language, Gen.Int[0, 6].Select(d => (DayOfWeek)d), Gen.Int[-1, 1], Direction)
            .Sample((today, language, day, modifier, direction) =>
            {
                var text = Weekday(language, day, modifier);
                Assert.True(DateInput.TryRead(text, CultureOf(language), today, direction, out var reading), text);
                var past = modifier < 0 || (modifier == 0 && direction == DateDirection.Past);
                var distance = reading.Date.DayNumber - today.DayNumber;
                Assert.Equal(day, reading.Date.DayOfWeek);
                Assert.Equal(DateForm.Weekday, reading.Form);
                Assert.InRange(past ? -distance : distance, 1, 7);
            }, print: t => $"\"{Weekday(t.Item2, t.Item3, t.Item4)}\", today {t.Item1:yyyy-MM-dd} ({t.Item1.DayOfWeek}), {t.Item5}");

    [Fact]
    public void The_relative_days_are_fixed_distances_from_today() =>
        Gen.Select(InputGen.Today, Gen.OneOfConst(
                ("ru", "позавчера", -2), ("ru", "вчера", -1), ("ru", "сегодня", 0), ("ru", "завтра", 1), ("ru", "послезавтра", 2),
                ("it", "l'altro ieri", -2), ("it", "avantieri", -2), ("it", "ieri", -1), ("it", "oggi", 0), ("it", "domani", 1), ("it", "dopodomani", 2),
                ("en", "the day before yesterday", -2), ("en", "yesterday", -1), ("en", "today", 0), ("en", "tomorrow", 1), ("en", "the day after tomorrow", 2)),
                Direction)
            .Sample((today, word, direction) =>
            {
                Assert.True(DateInput.TryRead(word.Item2, CultureOf(word.Item1), today, direction, out var reading), word.Item2);
                Assert.Equal(today.AddDays(word.Item3), reading.Date);
            });

    private static readonly HashSet<string> DateWordsOfAnyLanguage =
        [.. new[] { DateWords.Russian, DateWords.Italian, DateWords.English }.SelectMany(w => w.Months.Keys.Concat(w.Weekdays.Keys).Concat(w.Units.Keys).Concat(w.Phrases.SelectMany(p => p.Words)))];

    /// <summary>Words of the conversation that are not about dates, and numbers no date is written with alone.</summary>
    private static readonly Gen<string> NonDateWord = Gen.OneOf(
        Gen.OneOfConst(
            "заказ", "продавец", "спор", "деньги", "вернули", "товар", "не", "пришёл", "сломан", "фото", "на", "в", "и", "мне", "что", "это",
            "ordine", "venditore", "rimborso", "non", "arrivato", "rotto", "foto", "il", "di", "che", "la", "è", "un", "una",
            "order", "seller", "refund", "never", "arrived", "broken", "photo", "the", "was", "it", "in", "a", "of", "on", "and", "last", "next",
            "?", ",", "!", "…", "😀", "👍"),
        Gen.Int[32, 999].Select(n => n.ToString(CultureInfo.InvariantCulture)),
        Gen.Long[10_000, 99_999_999_999_999].Select(n => n.ToString(CultureInfo.InvariantCulture)),
        Gen.String[Gen.Char['a', 'z'], 5, 9].Where(w => !DateWordsOfAnyLanguage.Contains(w)));

    [Fact]
    public void Text_without_a_date_is_not_read_as_one() =>
        Gen.Select(NonDateWord.Array[1, 12], InputGen.Culture, InputGen.Today, Direction)
            .Sample((words, culture, today, direction) =>
            {
                var text = string.Join(' ', words);
                Assert.False(DateInput.TryRead(text, culture, today, direction, out var reading), $"\"{text}\" -> {reading}");
            }, print: t => $"\"{string.Join(' ', t.Item1)}\"");

    private static CultureInfo CultureOf(string language) => language switch
    {
        "ru" => InputGen.Russian,
        "it" => InputGen.Italian,
        _ => InputGen.English,
    };

    /// <summary>The ways each language writes a date, in a sentence or alone.</summary>
    private static string Written(DateOnly date, string language, int style, int frame)
    {
        var culture = CultureOf(language);
        var month = date.ToString("MMMM", culture);
        var genitive = culture.DateTimeFormat.MonthGenitiveNames[date.Month - 1];
        var year = date.Year.ToString(CultureInfo.InvariantCulture);
        var day = date.Day.ToString(CultureInfo.InvariantCulture);
        var inv = CultureInfo.InvariantCulture;
        var written = (language, style) switch
        {
            ("ru", 0) => $"{day} {genitive} {year}",
            ("ru", 1) => $"{day}-го {genitive} {year} г.",
            ("ru", 2) => date.ToString("dd.MM.yyyy", inv),
            ("ru", 3) => date.ToString("d MMM yyyy", culture),
            ("ru", 4) => $"{day} {genitive} {year} года",
            ("ru", _) => date.ToString("d.M.yy", inv),
            ("it", 0) => $"il {(date.Day == 1 ? "1°" : day)} {month} {year}",
            ("it", 1) => $"{day} {month} {year}",
            ("it", 2) => date.ToString("d/M/yyyy", inv),
            ("it", 3) => date.ToString("d MMM yyyy", culture),
            ("it", 4) => date.ToString("dddd d MMMM yyyy", culture),
            ("it", _) => date.ToString("dd/MM/yy", inv),
            (_, 0) => date.ToString("MMMM d, yyyy", culture),
            (_, 1) => date.ToString("d MMM yyyy", culture),
            (_, 2) => $"the {day}{Suffix(date.Day)} of {month} {year}",
            (_, 3) => $"{date.ToString("MMM", culture)} {day}{Suffix(date.Day)} {year}",
            (_, 4) => date.ToString("dddd, d MMMM yyyy", culture),
            (_, _) => date.ToString("yyyy-MM-dd", inv),
        };
        return (language, frame) switch
        {
            (_, 0) => written,
            ("ru", 1) => $"спор закрыли {written}",
            ("ru", _) => $"Закрыт {written}, продавец выиграл",
            ("it", 1) => $"l'hanno chiusa {written}",
            ("it", _) => $"Chiusa {written}, ha vinto il venditore",
            (_, 1) => $"it was closed on {written}",
            (_, _) => $"Closed {written}, the seller won",
        };
    }

    private static string Suffix(int day) => (day % 10, day / 10) switch
    {
        (_, 1) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };

    /// <summary>«3 дня назад», «через две недели», «circa un mese fa», «in about 5 days», with each language's grammar.</summary>
    private static string AmountOfTime(string language, int n, DateUnit unit, bool ahead, bool inWords, bool hedged)
    {
        string[] ruWords = ["", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять", "десять"];
        string[] itWords = ["", "un", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove", "dieci"];
        string[] enWords = ["", "a", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
        var digits = n.ToString(CultureInfo.InvariantCulture);
        switch (language)
        {
            case "ru":
            {
                var few = n % 10 is >= 2 and <= 4 && n % 100 is < 12 or > 14;
                var one = n % 10 == 1 && n % 100 != 11;
                var noun = unit switch
                {
                    DateUnit.Day => one ? "день" : few ? "дня" : "дней",
                    DateUnit.Week => one ? "неделю" : few ? "недели" : "недель",
                    _ => one ? "месяц" : few ? "месяца" : "месяцев",
                };
                var number = !inWords ? digits : (n, unit) switch
                {
                    (1, DateUnit.Week) => "одну",
                    (2, DateUnit.Week) => "две",
                    _ => ruWords[n],
                };
                var amount = $"{number} {noun}";
                return ahead ? $"{(hedged ? "примерно " : "")}через {amount}" : $"{(hedged ? "примерно " : "")}{amount} назад";
            }

            case "it":
            {
                var noun = unit switch
                {
                    DateUnit.Day => n == 1 ? "giorno" : "giorni",
                    DateUnit.Week => n == 1 ? "settimana" : "settimane",
                    _ => n == 1 ? "mese" : "mesi",
                };
                var number = !inWords ? digits : n == 1 && unit == DateUnit.Week ? "una" : itWords[n];
                var amount = $"{(hedged ? "circa " : "")}{number} {noun}";
                return ahead ? $"tra {amount}" : $"{amount} fa";
            }

            default:
            {
                var noun = unit switch
                {
                    DateUnit.Day => "day",
                    DateUnit.Week => "week",
                    _ => "month",
                } + (n == 1 ? "" : "s");
                var amount = $"{(hedged ? "about " : "")}{(inWords ? enWords[n] : digits)} {noun}";
                return ahead ? $"in {amount}" : $"{amount} ago";
            }
        }
    }

    /// <summary>«в прошлую пятницу», «lunedì scorso», «next sunday»: -1 the one before today, +1 the one after, 0 plain.</summary>
    private static string Weekday(string language, DayOfWeek day, int modifier)
    {
        var index = ((int)day + 6) % 7;
        switch (language)
        {
            case "ru":
            {
                string[] accusative = ["понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье"];
                string[] previous = ["прошлый", "прошлый", "прошлую", "прошлый", "прошлую", "прошлую", "прошлое"];
                string[] next = ["следующий", "следующий", "следующую", "следующий", "следующую", "следующую", "следующее"];
                var preposition = index == 1 && modifier == 0 ? "во" : "в";
                var adjective = modifier switch { < 0 => previous[index] + " ", > 0 => next[index] + " ", _ => "" };
                return $"{preposition} {adjective}{accusative[index]}";
            }

            case "it":
            {
                string[] names = ["lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"];
                var feminine = index == 6;
                var adjective = modifier switch { < 0 => feminine ? " scorsa" : " scorso", > 0 => feminine ? " prossima" : " prossimo", _ => "" };
                return names[index] + adjective;
            }

            default:
                return (modifier switch { < 0 => "last ", > 0 => "next ", _ => "on " }) + day.ToString().ToLowerInvariant();
        }
    }
}
