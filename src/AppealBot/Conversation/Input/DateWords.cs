using System.Collections.Concurrent;
using System.Globalization;

namespace AppealBot.Conversation.Input;

internal enum DateUnit
{
    Day,
    Week,
    Month,
    Year,
}

/// <summary>A fixed phrase for a day relative to today: «позавчера» is two days back, «last week» about seven.</summary>
internal sealed record RelativePhrase(string[] Words, int Days, int Months, bool Approximate);

/// <summary>A word for a unit of time; <see cref="Alone"/> when it means one of them without a number («неделю назад»).</summary>
internal readonly record struct UnitWord(DateUnit Unit, bool Alone);

/// <summary>
/// The words dates are written with in one language, folded (<see cref="TypedText.Folded"/>): written here as people
/// spell them, compared without accents, so «lunedì» and «lunedi», «ещё» and «еще» are the same word.
/// </summary>
internal sealed class DateWords
{
    private DateWords(
        IEnumerable<(string Word, int Month)> months,
        IEnumerable<(string Word, DayOfWeek Day)> weekdays,
        IEnumerable<RelativePhrase> phrases,
        IEnumerable<(string Word, UnitWord Unit)> units,
        IEnumerable<(string Words, int Value)> numbers,
        IEnumerable<string> ago,
        IEnumerable<string> after,
        IEnumerable<string> hedges,
        IEnumerable<string> vague,
        IEnumerable<string> previous,
        IEnumerable<string> following,
        IEnumerable<string> ordinals)
    {
        Months = months.ToDictionary(m => Fold(m.Word), m => m.Month);
        Weekdays = weekdays.ToDictionary(d => Fold(d.Word), d => d.Day);
        Phrases = [.. phrases.Select(p => p with { Words = [.. p.Words.Select(Fold)] }).OrderByDescending(p => p.Words.Length)];
        Units = units.ToDictionary(u => Fold(u.Word), u => u.Unit);
        Numbers = [.. numbers.Select(n => (Words: Split(Fold(n.Words)), n.Value)).OrderByDescending(n => n.Words.Length)];
        Ago = Set(ago);
        After = Set(after);
        Hedges = [.. hedges.Select(h => Split(Fold(h))).OrderByDescending(h => h.Length)];
        Vague = Set(vague);
        Previous = Set(previous);
        Following = Set(following);
        Ordinals = Set(ordinals);
    }

    /// <summary>Month names in every form typed after a day number: «ноября», «ноябрь», «нояб», «nov».</summary>
    public IReadOnlyDictionary<string, int> Months { get; }

    /// <summary>Weekday names in every case people use: «в среду», «в пятницу», «lunedì».</summary>
    public IReadOnlyDictionary<string, DayOfWeek> Weekdays { get; }

    /// <summary>Longest first, so «l'altro ieri» wins over «ieri».</summary>
    public IReadOnlyList<RelativePhrase> Phrases { get; }

    public IReadOnlyDictionary<string, UnitWord> Units { get; }

    /// <summary>Number words, longest first («un paio di» before «un»), in the cases a unit governs («двух недель»).</summary>
    public IReadOnlyList<(string[] Words, int Value)> Numbers { get; }

    /// <summary>After the amount: «назад», «fa», «ago».</summary>
    public IReadOnlySet<string> Ago { get; }

    /// <summary>Before the amount: «через», «tra», «fra», «in».</summary>
    public IReadOnlySet<string> After { get; }

    /// <summary>Words that make a date approximate: «примерно», «circa», «about».</summary>
    public IReadOnlyList<string[]> Hedges { get; }

    /// <summary>«несколько», «qualche», «few»: an amount nobody can count, so no date.</summary>
    public IReadOnlySet<string> Vague { get; }

    /// <summary>«прошлый», «scorso», «last»: the weekday before today.</summary>
    public IReadOnlySet<string> Previous { get; }

    /// <summary>«следующий», «prossimo», «next»: the weekday after today.</summary>
    public IReadOnlySet<string> Following { get; }

    /// <summary>What may follow a day number: «5-го», «1°», «1º», «5th».</summary>
    public IReadOnlySet<string> Ordinals { get; }

    public static DateWords Russian { get; } = new(
        months: Forms(
            ["январь", "января", "январе", "янв"], ["февраль", "февраля", "феврале", "фев", "февр"], ["март", "марта", "марте", "мар"],
            ["апрель", "апреля", "апреле", "апр"], ["май", "мая", "мае"], ["июнь", "июня", "июне", "июн"], ["июль", "июля", "июле", "июл"],
            ["август", "августа", "августе", "авг"], ["сентябрь", "сентября", "сентябре", "сен", "сент"], ["октябрь", "октября", "октябре", "окт"],
            ["ноябрь", "ноября", "ноябре", "ноя", "нояб"], ["декабрь", "декабря", "декабре", "дек"]),
        weekdays: Days(
            ["понедельник", "понедельника", "понедельнику", "понедельнике", "понедельником"],
            ["вторник", "вторника", "вторнику", "вторнике", "вторником"],
            ["среда", "среду", "среды", "среде", "средой"],
            ["четверг", "четверга", "четвергу", "четверге", "четвергом"],
            ["пятница", "пятницу", "пятницы", "пятнице", "пятницей"],
            ["суббота", "субботу", "субботы", "субботе", "субботой"],
            ["воскресенье", "воскресенья", "воскресенью", "воскресеньем", "воскресение"]),
        phrases:
        [
            Day(0, "сегодня"), Day(-1, "вчера"), Day(-2, "позавчера"), Day(1, "завтра"), Day(2, "послезавтра"), Day(2, "после завтра"),
            About(-7, 0, "на прошлой неделе"), About(7, 0, "на следующей неделе"), About(0, -1, "в прошлом месяце"), About(0, 1, "в следующем месяце"),
        ],
        units:
        [
            ("день", new(DateUnit.Day, true)), ("дня", new(DateUnit.Day, true)), ("дней", new(DateUnit.Day, false)),
            ("сутки", new(DateUnit.Day, true)), ("суток", new(DateUnit.Day, false)),
            ("неделя", new(DateUnit.Week, true)), ("неделю", new(DateUnit.Week, true)), ("недели", new(DateUnit.Week, true)), ("недель", new(DateUnit.Week, false)),
            ("месяц", new(DateUnit.Month, true)), ("месяца", new(DateUnit.Month, true)), ("месяцев", new(DateUnit.Month, false)),
            ("год", new(DateUnit.Year, true)), ("года", new(DateUnit.Year, true)), ("лет", new(DateUnit.Year, false)),
        ],
        numbers:
        [
            ("один", 1), ("одну", 1), ("одна", 1), ("одного", 1), ("одной", 1), ("пару", 2), ("пара", 2), ("пары", 2),
            ("два", 2), ("две", 2), ("двух", 2), ("три", 3), ("трёх", 3), ("четыре", 4), ("четырёх", 4), ("пять", 5), ("пяти", 5),
            ("шесть", 6), ("шести", 6), ("семь", 7), ("семи", 7), ("восемь", 8), ("восьми", 8), ("девять", 9), ("девяти", 9),
            ("десять", 10), ("десяти", 10), ("одиннадцать", 11), ("одиннадцати", 11), ("двенадцать", 12), ("двенадцати", 12),
            ("пятнадцать", 15), ("пятнадцати", 15), ("двадцать", 20), ("двадцати", 20), ("тридцать", 30), ("тридцати", 30),
        ],
        ago: ["назад"],
        after: ["через"],
        hedges: ["примерно", "около", "приблизительно", "почти", "где то", "порядка", "наверное", "наверно", "может", "вроде", "где нибудь"],
        vague: ["несколько", "нескольких", "много", "многих", "сколько"],
        previous: ["прошлый", "прошлую", "прошлое", "прошлой", "прошлом", "прошедший", "прошедшую", "прошедшее"],
        following: ["следующий", "следующую", "следующее", "будущий", "будущую", "будущее", "ближайший", "ближайшую", "ближайшее"],
        ordinals: ["го", "е", "ое", "ого"]);

    public static DateWords Italian { get; } = new(
        months: Forms(
            ["gennaio", "gen"], ["febbraio", "feb"], ["marzo", "mar"], ["aprile", "apr"], ["maggio", "mag"], ["giugno", "giu"],
            ["luglio", "lug"], ["agosto", "ago"], ["settembre", "set", "sett"], ["ottobre", "ott"], ["novembre", "nov"], ["dicembre", "dic"]),
        weekdays: Days(["lunedì"], ["martedì"], ["mercoledì"], ["giovedì"], ["venerdì"], ["sabato"], ["domenica"]),
        phrases:
        [
            Day(0, "oggi"), Day(-1, "ieri"), Day(-2, "l'altro ieri"), Day(-2, "altro ieri"), Day(-2, "l'altroieri"), Day(-2, "altroieri"),
            Day(-2, "avantieri"), Day(-2, "ieri l'altro"), Day(1, "domani"), Day(2, "dopodomani"), Day(2, "dopo domani"),
            About(-7, 0, "settimana scorsa"), About(-7, 0, "scorsa settimana"), About(-7, 0, "settimana passata"),
            About(7, 0, "settimana prossima"), About(7, 0, "prossima settimana"),
            About(0, -1, "mese scorso"), About(0, -1, "scorso mese"), About(0, -1, "mese passato"), About(0, 1, "mese prossimo"), About(0, 1, "prossimo mese"),
        ],
        units:
        [
            ("giorno", new(DateUnit.Day, true)), ("giorni", new(DateUnit.Day, false)), ("gg", new(DateUnit.Day, false)),
            ("settimana", new(DateUnit.Week, true)), ("settimane", new(DateUnit.Week, false)),
            ("mese", new(DateUnit.Month, true)), ("mesi", new(DateUnit.Month, false)),
            ("anno", new(DateUnit.Year, true)), ("anni", new(DateUnit.Year, false)),
        ],
        numbers:
        [
            ("un", 1), ("uno", 1), ("una", 1), ("un paio di", 2), ("paio di", 2), ("due", 2), ("tre", 3), ("quattro", 4), ("cinque", 5),
            ("sei", 6), ("sette", 7), ("otto", 8), ("nove", 9), ("dieci", 10), ("undici", 11), ("dodici", 12), ("quindici", 15),
            ("venti", 20), ("trenta", 30),
        ],
        ago: ["fa"],
        after: ["tra", "fra"],
        hedges: ["circa", "quasi", "più o meno", "forse", "tipo", "verso", "all'incirca", "incirca"],
        vague: ["qualche", "alcuni", "alcune", "diversi", "diverse", "molti", "molte", "pochi", "poche", "tanti", "tante"],
        previous: ["scorso", "scorsa", "passato", "passata"],
        following: ["prossimo", "prossima"],
        ordinals: ["°", "º", "ª"]);

    public static DateWords English { get; } = new(
        months: Forms(
            ["january", "jan"], ["february", "feb"], ["march", "mar"], ["april", "apr"], ["may"], ["june", "jun"], ["july", "jul"],
            ["august", "aug"], ["september", "sep", "sept"], ["october", "oct"], ["november", "nov"], ["december", "dec"]),
        weekdays: Days(["monday"], ["tuesday"], ["wednesday"], ["thursday"], ["friday"], ["saturday"], ["sunday"]),
        phrases:
        [
            Day(0, "today"), Day(-1, "yesterday"), Day(-2, "day before yesterday"), Day(1, "tomorrow"), Day(2, "day after tomorrow"),
            About(-7, 0, "last week"), About(7, 0, "next week"), About(0, -1, "last month"), About(0, 1, "next month"),
        ],
        units:
        [
            ("day", new(DateUnit.Day, true)), ("days", new(DateUnit.Day, false)),
            ("week", new(DateUnit.Week, true)), ("weeks", new(DateUnit.Week, false)),
            ("month", new(DateUnit.Month, true)), ("months", new(DateUnit.Month, false)),
            ("year", new(DateUnit.Year, true)), ("years", new(DateUnit.Year, false)),
        ],
        numbers:
        [
            ("a", 1), ("an", 1), ("one", 1), ("a couple of", 2), ("couple of", 2), ("a couple", 2), ("two", 2), ("three", 3), ("four", 4),
            ("five", 5), ("six", 6), ("seven", 7), ("eight", 8), ("nine", 9), ("ten", 10), ("eleven", 11), ("twelve", 12),
            ("fifteen", 15), ("twenty", 20), ("thirty", 30),
        ],
        ago: ["ago"],
        after: ["in"],
        hedges: ["about", "around", "roughly", "approximately", "approx", "almost", "nearly", "maybe", "perhaps", "probably", "like", "some"],
        vague: ["few", "several", "many", "some", "couple"],
        previous: ["last", "past", "previous"],
        following: ["next", "coming"],
        ordinals: ["st", "nd", "rd", "th"]);

    private static readonly ConcurrentDictionary<string, IReadOnlyList<DateWords>> ByCulture = new();

    private static readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, int>> CultureMonths = new();

    /// <summary>The user's language first, then English, understood whatever the language (as month names always were).</summary>
    public static IReadOnlyList<DateWords> For(CultureInfo culture) => ByCulture.GetOrAdd(culture.TwoLetterISOLanguageName, language => language switch
    {
        "ru" => [Russian, English],
        "it" => [Italian, English],
        _ => [English],
    });

    /// <summary>
    /// The culture's own month names (full, abbreviated, genitive), folded and without dots, so whatever .NET writes
    /// for the culture reads back whether or not the lists above have it.
    /// </summary>
    public static IReadOnlyDictionary<string, int> MonthNamesOf(CultureInfo culture) => CultureMonths.GetOrAdd(culture.Name, _ =>
    {
        var names = new Dictionary<string, int>();
        var format = culture.DateTimeFormat;
        for (var m = 1; m <= 12; m++)
        {
            foreach (var name in new[] { format.GetMonthName(m), format.GetAbbreviatedMonthName(m), format.MonthGenitiveNames[m - 1], format.AbbreviatedMonthGenitiveNames[m - 1] })
            {
                var folded = Fold(name).Trim('.', ' ');
                if (folded.Length > 0 && folded.All(char.IsLetter))
                {
                    names.TryAdd(folded, m);
                }
            }
        }

        return names;
    });

    /// <summary>The hedge that starts at <paramref name="index"/>, or 0.</summary>
    public int HedgeAt(IReadOnlyList<Token> tokens, int index)
    {
        if (index < tokens.Count && tokens[index].IsSymbol('~'))
        {
            return 1;
        }

        foreach (var hedge in Hedges)
        {
            if (Phrase.Length(tokens, index, hedge) is > 0 and var length)
            {
                return length;
            }
        }

        return 0;
    }

    /// <summary>The number word (or «un paio di») that starts at <paramref name="index"/>: its value and token count.</summary>
    public (int Value, int Length) NumberAt(IReadOnlyList<Token> tokens, int index)
    {
        foreach (var (words, value) in Numbers)
        {
            if (Phrase.Length(tokens, index, words) is > 0 and var length)
            {
                return (value, length);
            }
        }

        return (0, 0);
    }

    private static string Fold(string word) => TypedText.Folded(word);

    private static HashSet<string> Set(IEnumerable<string> words) => [.. words.Select(Fold)];

    private static IEnumerable<(string, int)> Forms(params string[][] months) =>
        months.SelectMany((forms, i) => forms.Select(form => (form, i + 1)));

    /// <summary>Monday first, as the lists above are written.</summary>
    private static IEnumerable<(string, DayOfWeek)> Days(params string[][] days) =>
        days.SelectMany((forms, i) => forms.Select(form => (form, (DayOfWeek)((i + 1) % 7))));

    private static RelativePhrase Day(int days, string words) => new(Split(words), days, 0, false);

    private static RelativePhrase About(int days, int months, string words) => new(Split(words), days, months, true);

    private static string[] Split(string words) => words.Split(' ', '\'');
}
