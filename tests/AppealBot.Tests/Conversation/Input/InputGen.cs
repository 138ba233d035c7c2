using System.Globalization;
using CsCheck;

namespace AppealBot.Tests.Conversation.Input;

/// <summary>Generators for the input-parser properties: hostile text, cultures, separators.</summary>
internal static class InputGen
{
    public static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");
    public static readonly CultureInfo Italian = CultureInfo.GetCultureInfo("it-IT");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static readonly Gen<CultureInfo> Culture = Gen.OneOfConst(Russian, Italian, English, CultureInfo.InvariantCulture);

    /// <summary>Any day of 2001–2099, often one where year inference is delicate: New Year's Eve and Day, leap days.</summary>
    public static readonly Gen<DateOnly> Today = Gen.Frequency(
        (4, Gen.DateOnly[new DateOnly(2001, 1, 1), new DateOnly(2099, 12, 31)]),
        (1, Gen.Select(Gen.Int[2001, 2099], Gen.OneOfConst((1, 1), (12, 31), (2, 28), (3, 1)))
            .Select((year, day) => new DateOnly(year, day.Item1, day.Item2))),
        (1, Gen.Int[2001, 2099].Where(DateTime.IsLeapYear).Select(year => new DateOnly(year, 2, 29))));

    /// <summary>Pieces people (and bots, and attackers) paste: controls, invisible marks, emoji, markup, digits of other scripts.</summary>
    private static readonly string[] Fragments =
    [
        "\0", "\t", "\n", "\r\n", "\u0007", "\u001B[31m", "\u007F", "\u0085", "\u2028",
        "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD",
        "\u200E", "\u200F", "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2069",
        " ", "  ", "\u00A0", "\u2009", "\u202F", "\u3000",
        "😀", "👍🏽", "🇷🇺", "👨‍👩‍👧", "\uD83D", "\uDE00", "\uFFFD", "\uFFFF",
        "<b>", "</b>", "<script>alert(1)</script>", "&amp;", "&#x27;", "'; DROP TABLE cases;--", "\" OR 1=1 --",
        "%s", "%n", "{0}", "${x}", "../../etc/passwd",
        "0", "1", "5", "9", "12", "25", "31", "2026", "1999", "2101", "123456789012", "99999999999999999999999999999",
        "٢", "٥", "۵", "߀", "१", "１", "９", "𝟗", "½", "²", "Ⅻ", "〇",
        ".", ",", "/", "-", "'", "..", ",,", "+", "−", "e", "E", "∞", "NaN",
        "г", "г.", "года", "€", "$", "₽", "£", "¥", "руб.", "eur", "EUR", "euro", "р",
        "ноября", "нояб.", "мая", "novembre", "nov", "November", "Sept", "İ", "ß", "ǅ",
        "вчера", "назад", "через", "неделю", "-го", "ieri", "l'", "fa", "tra", "°", "º", "ago", "in", "last", "примерно", "circa",
        "да", "нет", "не", "sì", "no", "👍", "❌", "?", "№", "#", "n.", "тыс.", "UTC+", "GMT-", "мск", "Москве", "Milano", "в",
    ];

    private static readonly Gen<string> Fragment = Gen.Frequency(
        (6, Gen.OneOfConst(Fragments)),
        (2, Gen.Char.Select(c => c.ToString())),
        (1, Gen.String[0, 8]));

    /// <summary>Short strings built from <see cref="Fragments"/> and random characters: most land near the parsers' length limits.</summary>
    private static readonly Gen<string> Composed = Fragment.Array[0, 12].Select(string.Concat);

    /// <summary>What the parsers are meant to read, as a starting point for <see cref="Mutated"/>.</summary>
    private static readonly string[] Plausible =
    [
        "25.11.2026", "25/11/26", "25-11", "2026-11-25", "25 ноября", "25 ноября 2026 г.", "25 novembre 2026", "5 Nov",
        "12.50", "12,50 €", "$12.99", "1 500 ₽", "15 euro", "300 руб.", "1.234,56",
        "8123 4567 8901 2345", "8123-4567-8901",
        "закрыли вчера", "позавчера", "3 дня назад", "около двух недель назад", "через неделю", "5-го ноября", "в прошлый вторник",
        "l'altro ieri", "il 5 novembre", "1° dicembre", "circa 3 settimane fa", "tra 5 giorni", "lunedì scorso",
        "the day before yesterday", "November 5th, 2026", "about 3 weeks ago", "last monday",
        "да, было", "нет, не было", "sì, certo", "no, non", "yep", "👍🏽",
        "Заказ №8123456789012399", "Ordine n. 3012 4567 8901 2345", "order #8123-4567-8901-2345",
        "1,5 тыс. руб", "15,50 euro", "€15.50", "20 долларов",
        "в Новосибирске", "UTC+7", "МСК+4", "GMT-3:30", "Milano", "Petropavlovsk-Kamchatsky",
        "где это вставить?", "non capisco",
    ];

    private static readonly string[] OtherScriptDigits = ["٠", "٢", "٥", "۵", "߀", "१", "০", "๓", "１", "９"];

    private static readonly Gen<string> Edit = Gen.Frequency(
        (3, Gen.OneOfConst(OtherScriptDigits)),
        (2, Gen.Char["0123456789.,/- "].Select(c => c.ToString())),
        (5, Fragment));

    /// <summary>Plausible input with a few characters inserted, replaced or deleted.</summary>
    private static readonly Gen<string> Mutated =
        Gen.Select(Gen.OneOfConst(Plausible), Gen.Select(Gen.Int[0, 2], Gen.Double.Unit, Edit).Array[1, 3])
            .Select((seed, edits) => edits.Aggregate(seed, (text, edit) => Apply(text, edit.Item1, edit.Item2, edit.Item3)));

    /// <summary>Any text, up to 5000 characters.</summary>
    public static readonly Gen<string> AnyText = Gen.Frequency(
        (8, Mutated),
        (6, Composed),
        (2, Gen.String),
        (1, Gen.String[Gen.Char, 0, 5000]),
        (1, Composed.Array[1, 60].Select(string.Concat)));

    /// <summary>Text made mostly of the characters amounts are written with.</summary>
    public static readonly Gen<string> AmountLikeText = Gen.String[Gen.Char["0123456789.,  '\u00A0\u202F-€$₽р"], 0, 20];

    /// <summary>Text made mostly of the characters dates are written with.</summary>
    public static readonly Gen<string> DateLikeText = Gen.String[Gen.Char["0123456789./- \u00A0г"], 0, 16];

    private static string Apply(string text, int operation, double at, string fragment)
    {
        var index = Math.Min((int)(at * (text.Length + 1)), text.Length);
        return operation switch
        {
            0 => text.Insert(index, fragment),
            1 when index < text.Length => text.Remove(index, 1).Insert(index, fragment),
            _ when index < text.Length => text.Remove(index, 1),
            _ => text + fragment,
        };
    }
}
