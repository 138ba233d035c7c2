using AppealBot.Conversation;
using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using AppealBot.Localization;
using AppealBot.Tests.FakeTelegram;

namespace AppealBot.Tests.Localization;

public sealed partial class ResourceParityTests
{
    private static readonly string[] PluralSuffixes = ["_one", "_few", "_many", "_other"];

    public static TheoryData<string> Languages => [.. AppealBot.Localization.Languages.All.Select(l => l.Code())];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_text_exists_in_every_language_with_the_same_placeholders(string code)
    {
        var language = Lang(code);
        var english = Texts(Language.En);
        var other = Texts(language);

        var missing = Bases(english).Except(Bases(other)).ToList();
        var extra = Bases(other).Except(Bases(english)).ToList();
        Assert.True(missing.Count == 0, $"{language.Code()} lacks: {string.Join(", ", missing)}");
        Assert.True(extra.Count == 0, $"{language.Code()} has texts English lacks: {string.Join(", ", extra)}");

        foreach (var (key, template) in other)
        {
            var englishTemplate = english.GetValueOrDefault(key) ?? english[PluralBase(key) + "_other"];
            Assert.True(Placeholders(englishTemplate).SetEquals(Placeholders(template)),
                $"{language.Code()} '{key}' has placeholders [{string.Join(", ", Placeholders(template))}], English has [{string.Join(", ", Placeholders(englishTemplate))}]");
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Plural_texts_have_every_form_the_language_needs(string code)
    {
        var language = Lang(code);
        var texts = Texts(language);
        foreach (var plural in texts.Keys.Where(IsPlural).Select(PluralBase).Distinct())
        {
            foreach (var category in PluralRules.Required(language))
            {
                Assert.True(texts.ContainsKey(plural + category.Suffix()), $"{language.Code()} '{plural}' lacks the {category} form");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_text_is_html_that_Telegram_accepts(string code)
    {
        var language = Lang(code);
        foreach (var (key, template) in Texts(language))
        {
            Assert.True(TelegramHtml.TryParse(template, out _, out var error), $"{language.Code()} '{key}': {error}");
        }
    }

    [Theory]
    [InlineData("ru", 1, "1 день")]
    [InlineData("ru", 3, "3 дня")]
    [InlineData("ru", 5, "5 дней")]
    [InlineData("ru", 11, "11 дней")]
    [InlineData("ru", 21, "21 день")]
    [InlineData("it", 1, "1 giorno")]
    [InlineData("it", 3, "3 giorni")]
    [InlineData("en", 1, "1 day")]
    [InlineData("en", 14, "14 days")]
    public void Day_counts_follow_each_languages_plural_rules(string code, int days, string expected)
    {
        var language = Lang(code);
        Assert.EndsWith(expected, Localizer.For(language).Plural("button.in_days", days), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ru", "collage.received", 1, "1 фото получено")]
    [InlineData("ru", "collage.received", 3, "3 фото получены")]
    [InlineData("ru", "collage.received", 5, "5 фото получено")]
    [InlineData("ru", "collage.received", 22, "22 фото получены")]
    [InlineData("ru", "collage.done", 1, "1 коллаж ")]
    [InlineData("ru", "collage.done", 2, "2 коллажа ")]
    [InlineData("ru", "collage.done", 5, "5 коллажей ")]
    [InlineData("it", "collage.received", 1, "1 foto ricevuta")]
    [InlineData("it", "collage.received", 4, "4 foto ricevute")]
    [InlineData("en", "collage.received", 1, "1 photo received")]
    [InlineData("en", "collage.received", 4, "4 photos received")]
    [InlineData("en", "collage.caption", 1, "Photo 7")]
    [InlineData("en", "collage.caption", 3, "Photos 7")]
    public void Photo_and_collage_counts_follow_each_languages_plural_rules(string code, string key, int count, string expected)
    {
        var text = Localizer.For(Lang(code)).Plural(key, count, ("order", "1"), ("list", "7"));

        Assert.Contains(expected, text.Replace("<b>", "", StringComparison.Ordinal).Replace("</b>", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ru", 25, "25 ноября 2026")]
    [InlineData("it", 25, "25 novembre 2026")]
    [InlineData("en", 25, "25 November 2026")]
    [InlineData("ru", 1, "1 ноября 2026")]
    [InlineData("it", 1, "1° novembre 2026")]
    [InlineData("en", 1, "1 November 2026")]
    public void Dates_follow_each_culture(string code, int day, string expected)
    {
        var language = Lang(code);
        Assert.Equal(expected, Localizer.For(language).Date(new DateOnly(2026, 11, day)));
    }

    [Theory]
    [InlineData(8, "chiusa l'8 dicembre 2026 a favore")]
    [InlineData(11, "chiusa l'11 dicembre 2026 a favore")]
    [InlineData(1, "chiusa il 1° dicembre 2026 a favore")]
    [InlineData(18, "chiusa il 18 dicembre 2026 a favore")]
    public void Italian_articles_elide_before_the_8th_and_the_11th(int day, string expected)
    {
        var text = System.Net.WebUtility.HtmlDecode(Localizer.For(Language.It).Get("draft.complaint.point.closed", ("closed", new DateOnly(2026, 12, day))));

        Assert.Contains(expected, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ru", "1200", "RUB", "1 200 ₽")]
    [InlineData("ru", "15.5", "EUR", "15,50 €")]
    [InlineData("it", "15.5", "EUR", "15,50 €")]
    [InlineData("it", "1200", "EUR", "1.200 €")]
    [InlineData("en", "15.5", "EUR", "€15.50")]
    [InlineData("en", "1200", "RUB", "1,200 ₽")]
    [InlineData("it", "20", "USD", "20 $")]
    public void Money_is_written_as_each_culture_writes_it(string code, string amount, string currency, string expected)
    {
        var written = Localizer.For(Lang(code)).Money(new Money(decimal.Parse(amount, CultureInfo.InvariantCulture), currency));

        // Group separators are the culture's own spaces (no-break, narrow no-break); the reader sees a space.
        Assert.Equal(expected, written.Replace('\u00A0', ' ').Replace('\u202F', ' '));
    }

    [Fact]
    public void Arguments_are_escaped_unless_marked_as_html()
    {
        var texts = Localizer.For(Language.En);

        var filled = texts.Get("case.header", ("order", "<b>&\"x"), ("progress", new Html("<i>ok</i>")));

        Assert.Contains("&lt;b&gt;&amp;&quot;x", filled, StringComparison.Ordinal);
        Assert.Contains("<i>ok</i>", filled, StringComparison.Ordinal);
    }

    private static Language Lang(string code) => AppealBot.Localization.Languages.FromTelegramCode(code);

    private static Dictionary<string, string> Texts(Language language)
    {
        var set = Localizer.Resources.GetResourceSet(language.Culture(), createIfNotExists: true, tryParents: false)
                  ?? Localizer.Resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false);
        if (language != Language.En)
        {
            set = Localizer.Resources.GetResourceSet(CultureInfo.GetCultureInfo(language.Code()), createIfNotExists: true, tryParents: false);
        }

        Assert.NotNull(set);
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }

    private static IEnumerable<string> Bases(Dictionary<string, string> texts) => texts.Keys.Select(PluralBase).Distinct();

    private static bool IsPlural(string key) => PluralSuffixes.Any(s => key.EndsWith(s, StringComparison.Ordinal));

    private static string PluralBase(string key) =>
        PluralSuffixes.FirstOrDefault(s => key.EndsWith(s, StringComparison.Ordinal)) is { } suffix ? key[..^suffix.Length] : key;

    private static HashSet<string> Placeholders(string template) => [.. Placeholder().Matches(template).Select(m => m.Value)];

    [GeneratedRegex(@"\{[a-z_]+\}")]
    private static partial Regex Placeholder();
}
