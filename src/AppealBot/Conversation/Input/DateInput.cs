using System.Globalization;

namespace AppealBot.Conversation.Input;

/// <summary>
/// Reads a date as people type it, alone or inside a sentence («закрыли вчера», «l'hanno chiusa il 5 novembre»):
/// numbers (25.11.2026, 25/11/26, 25-11, 2026-11-25), a day and a month name («5-го ноября», «1° dicembre»,
/// «November 5»), a relative day («позавчера», «l'altro ieri», «the day before yesterday»), an amount of time
/// («3 дня назад», «tra 5 giorni», «about 3 weeks ago»), or a weekday («в прошлый вторник», «lunedì», «next friday»).
/// Day comes before month, as in Russian and Italian usage; a date without a year, and a weekday, is the nearest one
/// in the direction the question expects. Words are the culture's language and English. Two different dates in one
/// message are not guessed between.
/// </summary>
internal static class DateInput
{
    /// <summary>Longer messages are not dates: a cap that keeps the work per message tiny whatever is pasted.</summary>
    public const int MaxLength = 120;

    private static readonly DateOnly First = new(2000, 1, 1);
    private static readonly DateOnly Last = new(2100, 12, 31);

    public static bool TryParse(string? text, CultureInfo culture, DateOnly today, DateDirection direction, out DateOnly date)
    {
        var read = TryRead(text, culture, today, direction, out var reading);
        date = reading.Date;
        return read;
    }

    /// <summary>The date and how it was written, so the reply can echo it («closed on 1 December — ok», «around 20 May»).</summary>
    public static bool TryRead(string? text, CultureInfo culture, DateOnly today, DateDirection direction, out DateReading reading)
    {
        reading = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength)
        {
            return false;
        }

        var scan = new DateScan(Tokens.Split(TypedText.Folded(text)), DateWords.For(culture), DateWords.MonthNamesOf(culture), today, direction);
        return scan.TryRead(out reading);
    }

    /// <summary>One pass over the tokens; each place is tried as a calendar date, a relative phrase, an amount of time, a weekday.</summary>
    private sealed class DateScan(
        List<Token> tokens,
        IReadOnlyList<DateWords> languages,
        IReadOnlyDictionary<string, int> cultureMonths,
        DateOnly today,
        DateDirection direction)
    {
        private readonly List<DateReading> _found = [];

        /// <summary>A date was typed that cannot be (31.02, 25 ноября 1999): the message is refused, not read around it.</summary>
        private bool _impossible;

        public bool TryRead(out DateReading reading)
        {
            reading = default;
            for (var i = 0; i < tokens.Count;)
            {
                var used = Calendar(i);
                used = used > 0 ? used : Relative(i);
                used = used > 0 ? used : Offset(i);
                used = used > 0 ? used : Weekday(i);
                if (_impossible)
                {
                    return false;
                }

                i += Math.Max(used, 1);
            }

            // «sabato 5 novembre»: the weekday decorates the date, it does not compete with it.
            var readings = _found.Exists(r => r.Form == DateForm.Calendar) ? _found.FindAll(r => r.Form != DateForm.Weekday) : _found;
            if (readings.Count == 0 || readings.Exists(r => r.Date != readings[0].Date))
            {
                return false;
            }

            reading = new DateReading(readings[0].Date, readings.Min(r => r.Form), readings.TrueForAll(r => r.IsApproximate));
            return true;
        }

        private int Count => tokens.Count;

        private int Calendar(int i)
        {
            var token = tokens[i];
            if (token.IsWord)
            {
                return MonthFirst(i);
            }

            if (!token.IsNumber || ContinuesANumber(i) || (i > 0 && tokens[i - 1].IsWord && tokens[i - 1].Touches(token)))
            {
                return 0;
            }

            var used = Iso(i);
            used = used > 0 ? used : Numeric(i);
            return used > 0 ? used : DayMonth(i);
        }

        /// <summary>2026-11-25.</summary>
        private int Iso(int i)
        {
            if (!(NumberOf(i, 4, 4) is { } year && IsSymbol(i + 1, '-') && NumberOf(i + 2, 1, 2) is { } month
                  && IsSymbol(i + 3, '-') && NumberOf(i + 4, 1, 2) is { } day) || !EndsHere(i + 5))
            {
                return 0;
            }

            return Exact(year, month, day, HedgedBefore(i)) ? 5 : 0;
        }

        /// <summary>25.11.2026, 25/11/26, 25-11, «25.11.2025 г.».</summary>
        private int Numeric(int i)
        {
            if (!(NumberOf(i, 1, 2) is { } day && IsSeparator(i + 1) && NumberOf(i + 2, 1, 2) is { } month))
            {
                return 0;
            }

            var end = i + 3;
            int? year = null;
            if (IsSeparator(end) && end + 1 < Count && tokens[end + 1].IsNumber)
            {
                year = tokens[end + 1].Text.Length switch
                {
                    2 => 2000 + NumberOf(end + 1, 2, 2),
                    4 => NumberOf(end + 1, 4, 4),
                    _ => null,
                };
                if (year is null)
                {
                    return 0;
                }

                end += 2;
            }

            if (!EndsHere(end))
            {
                return 0;
            }

            return (year is { } known ? Exact(known, month, day, HedgedBefore(i)) : Yearless(month, day, HedgedBefore(i))) ? end - i : 0;
        }

        /// <summary>«5 ноября», «5-го ноября 2026 г.», «1° dicembre», «25 нояб. 2025», «5th of November».</summary>
        private int DayMonth(int i)
        {
            if (NumberOf(i, 1, 2) is not { } day)
            {
                return 0;
            }

            var at = i + 1;
            if (at < Count && tokens[at - 1].Touches(tokens[at]) && IsOrdinal(tokens[at]))
            {
                at++;
            }
            else if (IsSymbol(at, '-') && at + 1 < Count && IsOrdinal(tokens[at + 1]))
            {
                at += 2;
            }

            if (at < Count && tokens[at].Text is "of" or "di")
            {
                at++;
            }

            if (at >= Count || !TryMonth(tokens[at].Text, out var month))
            {
                return 0;
            }

            at++;
            var yearAt = IsSymbol(at, '.') || IsSymbol(at, ',') ? at + 1 : at;
            if (NumberOf(yearAt, 4, 4) is { } year)
            {
                return Exact(year, month, day, HedgedBefore(i)) ? yearAt + 1 - i : 0;
            }

            return Yearless(month, day, HedgedBefore(i)) ? at - i : 0;
        }

        /// <summary>«November 5», «Nov 5th, 2026»: the English order, for English month names only.</summary>
        private int MonthFirst(int i)
        {
            if (!DateWords.English.Months.TryGetValue(tokens[i].Text, out var month))
            {
                return 0;
            }

            var at = IsSymbol(i + 1, '.') ? i + 2 : i + 1;
            at = at < Count && tokens[at].Text == "the" ? at + 1 : at;
            if (NumberOf(at, 1, 2) is not { } day)
            {
                return 0;
            }

            at++;
            if (at < Count && tokens[at - 1].Touches(tokens[at]) && DateWords.English.Ordinals.Contains(tokens[at].Text))
            {
                at++;
            }

            // «may 3 days ago» is an amount of time, not the 3rd of May.
            if (!EndsHere(at) || (at < Count && languages.Any(l => l.Units.ContainsKey(tokens[at].Text))))
            {
                return 0;
            }

            var yearAt = IsSymbol(at, ',') ? at + 1 : at;
            if (NumberOf(yearAt, 4, 4) is { } year)
            {
                return Exact(year, month, day, HedgedBefore(i)) ? yearAt + 1 - i : 0;
            }

            return Yearless(month, day, HedgedBefore(i)) ? at - i : 0;
        }

        /// <summary>«вчера», «l'altro ieri», «the day before yesterday», «на прошлой неделе».</summary>
        private int Relative(int i)
        {
            foreach (var words in languages)
            {
                foreach (var phrase in words.Phrases)
                {
                    var length = Phrase.Length(tokens, i, phrase.Words);
                    if (length > 0)
                    {
                        Add(today.AddMonths(phrase.Months).AddDays(phrase.Days), DateForm.Relative, phrase.Approximate || HedgedBefore(i));
                        return length;
                    }
                }
            }

            return 0;
        }

        /// <summary>«3 дня назад», «неделю назад», «около двух недель назад», «через неделю», «tra 5 giorni», «circa 3 settimane fa», «in 3 days».</summary>
        private int Offset(int i)
        {
            foreach (var words in languages)
            {
                var used = Offset(words, i);
                if (used > 0)
                {
                    return used;
                }
            }

            return 0;
        }

        private int Offset(DateWords words, int i)
        {
            var at = i;
            var hedge = words.HedgeAt(tokens, at);
            var approximate = hedge > 0 || HedgedBefore(i);
            at += hedge;
            var ahead = at < Count && words.After.Contains(tokens[at].Text);
            at += ahead ? 1 : 0;
            hedge = words.HedgeAt(tokens, at);
            approximate |= hedge > 0;
            at += hedge;

            int? amount = null;
            if (NumberOf(at, 1, 3) is { } typed)
            {
                amount = typed;
                at++;
            }
            else if (words.NumberAt(tokens, at) is ({ } value, > 0 and var length))
            {
                amount = value;
                at += length;
            }

            if (at >= Count || !words.Units.TryGetValue(tokens[at].Text, out var unit) || (amount is null && !unit.Alone) || amount == 0)
            {
                return 0;
            }

            // «несколько дней назад», «qualche giorno fa»; and «3 дня назад» already refused from its start is not read from its middle.
            if (amount is null && at == i && i > 0 && (words.Vague.Contains(tokens[at - 1].Text) || tokens[at - 1].IsNumber || words.After.Contains(tokens[at - 1].Text)))
            {
                return 0;
            }

            at++;
            at += at < Count && tokens[at].Text == "тому" ? 1 : 0;
            var back = at < Count && words.Ago.Contains(tokens[at].Text);
            var aheadBefore = i > 0 && words.After.Contains(tokens[i - 1].Text);
            if (back == ahead || (back && aheadBefore))
            {
                return 0;
            }

            if (back)
            {
                at++;
                hedge = words.HedgeAt(tokens, at);
                approximate |= hedge > 0;
                at += hedge;
            }

            var n = (back ? -1 : 1) * (amount ?? 1);
            Add(unit.Unit switch
            {
                DateUnit.Day => today.AddDays(n),
                DateUnit.Week => today.AddDays(7 * n),
                DateUnit.Month => today.AddMonths(n),
                _ => today.AddYears(n),
            }, DateForm.Relative, approximate);
            return at - i;
        }

        /// <summary>«в понедельник», «в прошлый вторник», «lunedì scorso», «next friday»: never today, which people call today.</summary>
        private int Weekday(int i)
        {
            foreach (var words in languages)
            {
                if (!words.Weekdays.TryGetValue(tokens[i].Text, out var day))
                {
                    continue;
                }

                var before = i > 0 ? tokens[i - 1].Text : string.Empty;
                var after = i + 1 < Count ? tokens[i + 1].Text : string.Empty;
                var back = words.Previous.Contains(before) || words.Previous.Contains(after);
                var ahead = words.Following.Contains(before) || words.Following.Contains(after);
                if (back && ahead)
                {
                    return 0;
                }

                var past = back || (!ahead && direction == DateDirection.Past);
                var date = past
                    ? today.AddDays(-DaysBetween(day, today.DayOfWeek))
                    : today.AddDays(DaysBetween(today.DayOfWeek, day));
                Add(date, DateForm.Weekday, HedgedBefore(i));
                return words.Previous.Contains(after) || words.Following.Contains(after) ? 2 : 1;
            }

            return 0;
        }

        /// <summary>1–7 days from <paramref name="from"/> forward to <paramref name="to"/>.</summary>
        private static int DaysBetween(DayOfWeek from, DayOfWeek to) => ((int)to - (int)from + 6) % 7 + 1;

        private bool Exact(int year, int month, int day, bool approximate)
        {
            if (!IsDayAndMonth(month, day))
            {
                return false;
            }

            if (!TryMake(year, month, day, out var date))
            {
                _impossible = true;
                return false;
            }

            Add(date, DateForm.Calendar, approximate);
            return true;
        }

        private bool Yearless(int month, int day, bool approximate)
        {
            if (!IsDayAndMonth(month, day))
            {
                return false;
            }

            if (!TryWithNearestYear(month, day, out var date))
            {
                _impossible = true;
                return false;
            }

            Add(date, DateForm.Calendar, approximate);
            return true;
        }

        /// <summary>Nearest in the direction the question points to; 29 February looks one year over at most.</summary>
        private bool TryWithNearestYear(int month, int day, out DateOnly date)
        {
            if (!TryMake(today.Year, month, day, out date))
            {
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

        private void Add(DateOnly date, DateForm form, bool approximate)
        {
            if (date >= First && date <= Last)
            {
                _found.Add(new DateReading(date, form, approximate));
            }
        }

        private bool TryMonth(string word, out int month)
        {
            foreach (var words in languages)
            {
                if (words.Months.TryGetValue(word, out month))
                {
                    return true;
                }
            }

            return cultureMonths.TryGetValue(word, out month);
        }

        private bool IsOrdinal(Token token) => languages.Any(l => l.Ordinals.Contains(token.Text));

        /// <summary>«примерно 5 ноября», «circa il 5 novembre»: a hedge just before, perhaps with a short preposition between.</summary>
        private bool HedgedBefore(int i)
        {
            var ends = i > 0 && tokens[i - 1].IsWord && tokens[i - 1].Text.Length <= 3 ? new[] { i, i - 1 } : [i];
            foreach (var end in ends)
            {
                for (var start = Math.Max(0, end - 4); start < end; start++)
                {
                    if (languages.Any(l => l.HedgeAt(tokens, start) == end - start))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>The number is the tail of «192.168.1.1» or «8123-4567»: never the start of a date.</summary>
        private bool ContinuesANumber(int i) =>
            i >= 2 && IsSeparator(i - 1) && tokens[i - 2].IsNumber && tokens[i - 2].Text.Length <= 4;

        /// <summary>Nothing glued on after the date but «г»/«года»: «25.11.2026.5» and «25.11abc» are not dates.</summary>
        private bool EndsHere(int at) =>
            !(IsSeparator(at) && at + 1 < Count && tokens[at + 1].IsNumber)
            && !(at < Count && at > 0 && tokens[at].IsWord && tokens[at - 1].Touches(tokens[at]) && tokens[at].Text is not ("г" or "года" or "гг"));

        private bool IsSeparator(int at) => IsSymbol(at, '.') || IsSymbol(at, '/') || IsSymbol(at, '-');

        private bool IsSymbol(int at, char c) => at < Count && tokens[at].IsSymbol(c);

        private int? NumberOf(int at, int minDigits, int maxDigits) =>
            at < Count && tokens[at].IsNumber && tokens[at].Text.Length >= minDigits && tokens[at].Text.Length <= maxDigits
                ? int.Parse(tokens[at].Text, CultureInfo.InvariantCulture)
                : null;
    }

    /// <summary>Shaped like a day and a month; whether that day exists in that year is checked after.</summary>
    private static bool IsDayAndMonth(int month, int day) => month is >= 1 and <= 12 && day is >= 1 and <= 31;

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
}

/// <summary>A date read from text. <see cref="Form"/> and <see cref="IsApproximate"/> let the reply echo it as typed.</summary>
internal readonly record struct DateReading(DateOnly Date, DateForm Form, bool IsApproximate)
{
    /// <summary>Said relative to today («вчера», «3 weeks ago», «lunedì scorso»), so worth echoing as a calendar date.</summary>
    public bool IsRelative => Form != DateForm.Calendar;
}

internal enum DateForm
{
    /// <summary>A day and a month, as numbers or a month name.</summary>
    Calendar,

    /// <summary>A day relative to today: «вчера», «3 дня назад», «tra una settimana», «last week».</summary>
    Relative,

    /// <summary>A weekday name: «в понедельник», «lunedì scorso», «next friday».</summary>
    Weekday,
}

internal enum DateDirection
{
    Past,
    Future,
}
